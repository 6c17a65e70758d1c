package apiary.core.models.internal.library;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.json.Json;
import apiary.core.api.json.RawJson;
import apiary.core.models.internal.meta.ModelClassTable;
import apiary.core.models.internal.meta.ModelMetadata;

/**
 * Each model's net object as listed (preview as a URL, not loaded on a backend) as JSON text, written once and
 * reused by every listing until the model's record, the class table or (for a model with a preview) the preview
 * edit id changes. Serialising 10,000 model objects anew was most of a full listing's time, and after a restart
 * (cold JIT) most of the first one's: the texts are stored with the listing snapshot and put back here, so the first
 * listing after a restart copies them. Filled after each scan, and by listings as they go.
 */
public final class ListedJson {
    /** Raised whenever what the listed object holds changes in a way {@link #key} cannot see; keeps stored texts honest. */
    private static final String FORMAT = "n1";
    /** {@link Cached#editId} of a text that does not depend on the edit id (the model has no preview). */
    private static final long ANY_EDIT = -1;

    private record Cached(ModelRecord record, ModelClassTable classes, long editId, RawJson json) {
    }

    private final Json json;
    private final Map<String, Map<String, Cached>> bySubtype = new ConcurrentHashMap<>();

    /** @param json JSON, for the texts */
    public ListedJson(Json json) {
        this.json = json;
    }

    /**
     * @param r a model of the current index
     * @param classes the current class table
     * @return its listed net object as JSON
     */
    public RawJson get(ModelRecord r, ModelClassTable classes) {
        return get(live(r.subtype()), r, classes);
    }

    private Map<String, Cached> live(String subtype) {
        return bySubtype.computeIfAbsent(subtype, s -> new ConcurrentHashMap<>());
    }

    private RawJson get(Map<String, Cached> cache, ModelRecord r, ModelClassTable classes) {
        long editId = Previews.editId();
        Cached c = cache.get(r.name());
        if (c != null && c.record() == r && c.classes() == classes && (c.editId() == ANY_EDIT || c.editId() == editId)) {
            return c.json();
        }
        RawJson written = RawJson.of(write(r, classes));
        cache.put(r.name(), new Cached(r, classes, editDependent(r) ? editId : ANY_EDIT, written));
        return written;
    }

    private String write(ModelRecord r, ModelClassTable classes) {
        String preview = r.metadata().preview() == null ? null : Previews.url(r.subtype(), r.name());
        return json.write(ModelNetObjects.of(r.toDto(classes, preview), classes, false));
    }

    /** @param r a model @return whether its text depends on the preview edit id (its preview URL carries it) */
    static boolean editDependent(ModelRecord r) {
        return r.metadata().preview() != null;
    }

    /**
     * Takes back texts stored with the listing snapshot (made by this code with the same class table: see
     * {@link #key}), as if they had been written now.
     *
     * @param texts the records of the current index with their texts
     * @param classes the current class table
     */
    void seed(Map<ModelRecord, String> texts, ModelClassTable classes) {
        long editId = Previews.editId();
        texts.forEach((r, text) -> live(r.subtype()).put(r.name(),
                new Cached(r, classes, editDependent(r) ? editId : ANY_EDIT, RawJson.of(text))));
    }

    /**
     * Writes what a new index lacks and forgets models that are gone. It writes into the map listings read, last
     * model first: a listing running meanwhile (the first one after a start) goes first to last, so the two meet in
     * the middle instead of both writing every model.
     *
     * @param index the index after a scan
     * @param classes its class table
     * @param subtypes the subtypes to fill
     */
    public void fill(ModelIndex index, ModelClassTable classes, Iterable<String> subtypes) {
        for (String subtype : subtypes) {
            Map<String, Cached> live = live(subtype);
            Set<String> names = new HashSet<>();
            for (ModelRecord r : index.modelsLastFirst(subtype)) {
                names.add(r.name());
                get(live, r, classes);
            }
            live.keySet().retainAll(names);
        }
    }

    /**
     * @param classes the current class table
     * @return the texts of the models, as the listing snapshot stores them (written now where not known yet)
     */
    ListingSnapshot.Texts texts(ModelClassTable classes) {
        return new ListingSnapshot.Texts(key(classes), Previews.editId(), r -> get(r, classes).json());
    }

    /**
     * What a stored text depends on besides its record and the edit id: this format, the class table, and how the
     * server's JSON writes a model (a probe record written now). A text stored under another key is not used.
     *
     * @param classes the class table
     * @return the key
     */
    String key(ModelClassTable classes) {
        ModelMetadata m = new ModelMetadata("Probe \"é\" <&>", "a/b", "line\nnext", null, "stable-diffusion-xl-v1-base", 0, 0, "l",
                "d", "p", "u", "t", "m", List.of("x", "y"), true, "1", "c", "0x1", "", null);
        ModelRecord probe = new ModelRecord("LoRA", "f/p.safetensors", Path.of("/f/p.safetensors"), Path.of("/f"), List.of(), 1, 2, 3, m);
        String text = FORMAT + "\n" + classes.fingerprint() + "\n" + write(probe, classes);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
