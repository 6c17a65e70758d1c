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

    private final PresetStore store;
    private final Json json;
    private final AtomicLong editIds = new AtomicLong(System.currentTimeMillis());

    /**
     * @param store the preset table
     * @param json JSON for object-valued parameters
     */
    public PresetEditor(PresetStore store, Json json) {
        this.store = store;
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
            return Optional.of("A preset with that title already exists.");
        }
        String preview;
        try {
            preview = preview(r.previewImage(), existing, metadata(r.raw().get("preview_image_metadata")));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        Map<String, String> params = new LinkedHashMap<>();
        ((Map<?, ?>) paramMap).forEach((k, v) -> params.put(String.valueOf(k), ParamText.of(v, json)));
        Preset preset = new Preset(userId, title, r.description(), preview, isTrue(r.raw().get("is_starred")), params,
                editIds.incrementAndGet());
        if (renaming && existing.isPresent()) {
            store.replace(userId, existing.get().title(), preset);
        } else {
            store.save(userId, preset);
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
        Optional<Preset> source = store.find(userId, title);
        if (source.isEmpty()) {
            return Optional.of("No such preset.");
        }
        int n = 2;
        while (store.find(userId, title + " (" + n + ")").isPresent()) {
            n++;
        }
        Preset p = source.get();
        store.save(userId, new Preset(p.author(), title + " (" + n + ")", p.description(), p.previewImage(), p.starred(),
                p.paramMap(), editIds.incrementAndGet()));
        return Optional.empty();
    }
}
