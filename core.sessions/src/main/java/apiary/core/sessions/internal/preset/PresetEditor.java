package apiary.core.sessions.internal.preset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import apiary.core.api.json.Json;
import apiary.core.api.route.ApiError;

/**
 * SwarmUI's preset editing rules: title cleaning and case-insensitive collisions, preview images re-encoded or kept,
 * parameter values stored as text, duplicates titled {@code "<title> (N)"}. Failures a user can fix come back as the
 * {@code preset_fail} text; a missing parameter map is an {@link ApiError}.
 */
public final class PresetEditor {
    private static final String VIEW_SPECIAL = "/ViewSpecial/";

    private static final String TITLE_TAKEN = "A preset with that title already exists.";

    private final PresetStore store;
    private final PresetLimits limits;
    private final Json json;
    private final AtomicLong editIds = new AtomicLong(System.currentTimeMillis());
    private final Object[] locks = new Object[64];

    {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * @param store the preset table
     * @param json JSON for object-valued parameters
     */
    public PresetEditor(PresetStore store, Json json) {
        this.store = store;
        this.limits = new PresetLimits(store, json);
        this.json = json;
    }

    /** The input of {@code AddNewPreset}. */
    public record Request(String title, String description, Map<String, Object> raw, String previewImage,
            boolean isEdit, String editing) {
    }

    /**
     * @return empty on success, else the {@code preset_fail} text
     */
    public Optional<String> add(String userId, Request r) {
        // One user's edits run one at a time here (H2 lets concurrent updates of one row's key both succeed); the
        // table's key still decides between front ends that share a PostgreSQL database.
        synchronized (lock(userId)) {
            return addLocked(userId, r);
        }
    }

    private Object lock(String userId) {
        return locks[Math.floorMod(userId.hashCode(), locks.length)];
    }

    private Optional<String> addLocked(String userId, Request r) {
        String title = PresetTitles.clean(r.title());
        if (title.isEmpty()) {
            return Optional.of("Invalid or empty title.");
        }
        if (title.length() > PresetTitles.MAX_LENGTH) {
            return Optional.of("That title is too long.");
        }
        if (r.isEdit() && r.editing() == null) {
            throw new ApiError("Missing required parameter 'editing' (needed when 'is_edit' is true)");
        }
        Object paramMap = r.raw().get("param_map");
        if (!(paramMap instanceof Map)) {
            throw new ApiError("Missing 'param_map' object");
        }
        Optional<Preset> existing = store.find(userId, r.isEdit() ? r.editing() : title);
        boolean renaming = r.isEdit() && !PresetTitles.key(r.editing()).equals(PresetTitles.key(title));
        if ((!r.isEdit() && existing.isPresent()) || (renaming && store.find(userId, title).isPresent())) {
            // SwarmUI silently overwrote the target of a rename; refusing loses nothing.
            return Optional.of(TITLE_TAKEN);
        }
        String preview;
        try {
            preview = preview(r.previewImage(), existing, metadata(r.raw().get("preview_image_metadata")));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) paramMap).entrySet()) {
            try {
                params.put(String.valueOf(e.getKey()), ParamText.of(e.getValue(), json));
            } catch (IllegalArgumentException bad) {
                String key = String.valueOf(e.getKey());
                throw new ApiError("Invalid value for parameter '" + (key.length() > 100 ? key.substring(0, 100) + "..." : key)
                        + "' in param_map: " + bad.getMessage() + ".");
            }
        }
        Preset preset = new Preset(userId, title, r.description(), preview, isTrue(r.raw().get("is_starred")), params,
                editIds.incrementAndGet());
        Optional<String> tooLarge = limits.check(userId, preset, existing.filter(e -> r.isEdit()));
        if (tooLarge.isPresent()) {
            return tooLarge;
        }
        // Each write lets the table's key decide, so concurrent edits cannot overwrite or lose each other's presets.
        if (renaming && existing.isPresent()) {
            PresetStore.Rename done = store.rename(userId, existing.get().title(), preset);
            if (done == PresetStore.Rename.TITLE_TAKEN) {
                return Optional.of(TITLE_TAKEN);
            }
            if (done == PresetStore.Rename.NO_SUCH_PRESET) {
                // Renamed or deleted by another call since it was read: saving it anew would duplicate it.
                return Optional.of("The preset being edited was renamed or deleted meanwhile.");
            }
        } else if (r.isEdit() && existing.isPresent()) {
            store.save(userId, preset);
        } else if (!store.insert(userId, preset)) {
            return Optional.of(TITLE_TAKEN);
        }
        return Optional.empty();
    }

    private String preview(String sent, Optional<Preset> existing, String metadata) {
        String inherited = existing.map(Preset::previewImage).orElse(Preset.PLACEHOLDER);
        if (sent == null || sent.isEmpty() || sent.startsWith(VIEW_SPECIAL)) {
            return inherited;
        }
        if (sent.equals(Preset.PLACEHOLDER)) {
            return sent;
        }
        if (!sent.startsWith(PreviewImages.DATA_PREFIX) || sent.contains("?")) {
            throw new IllegalArgumentException("Forbidden preview-image path.");
        }
        return PreviewImages.reencode(sent, metadata);
    }

    private String metadata(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String ? (String) value : json.write(value);
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || (value instanceof String && ((String) value).equalsIgnoreCase("true"));
    }

    /**
     * @return empty on success, else the {@code preset_fail} text
     */
    public Optional<String> duplicate(String userId, String title) {
        synchronized (lock(userId)) {
            return duplicateLocked(userId, title);
        }
    }

    private Optional<String> duplicateLocked(String userId, String title) {
        Optional<Preset> source = store.find(userId, title);
        if (source.isEmpty()) {
            return Optional.of("No such preset.");
        }
        Preset p = source.get();
        Optional<String> tooLarge = limits.check(userId, p, Optional.empty());
        if (tooLarge.isPresent()) {
            return tooLarge;
        }
        // The first free "(n)", claimed by inserting it: two duplicates at once take different numbers.
        for (int n = 2; n < 2 + PresetLimits.MAX_PRESETS; n++) {
            Preset copy = new Preset(p.author(), title + " (" + n + ")", p.description(), p.previewImage(), p.starred(),
                    p.paramMap(), editIds.incrementAndGet());
            if (store.insert(userId, copy)) {
                return Optional.empty();
            }
        }
        return Optional.of(PresetLimits.TOO_MANY);
    }
}
