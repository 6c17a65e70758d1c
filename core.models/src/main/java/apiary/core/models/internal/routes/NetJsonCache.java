package apiary.core.models.internal.routes;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.json.Json;
import apiary.core.api.json.RawJson;
import apiary.core.models.internal.library.ModelIndex;
import apiary.core.models.internal.library.ModelRecord;
import apiary.core.models.internal.library.Previews;
import apiary.core.models.internal.meta.ModelClassTable;

/**
 * Each model's net object (as listed: preview as a URL, not loaded on a backend) as JSON text, written once and
 * reused by every listing until the model's record, the class table or the preview edit id changes. Serialising
 * 10,000 model objects anew was most of a full listing's time. Filled after each scan, and by listings as they go.
 */
final class NetJsonCache {
    private record Cached(ModelRecord record, ModelClassTable classes, long editId, RawJson json) {
    }

    private final Json json;
    private final Map<String, Map<String, Cached>> bySubtype = new ConcurrentHashMap<>();

    NetJsonCache(Json json) {
        this.json = json;
    }

    /**
     * @param r a model of the current index
     * @param classes the current class table
     * @return its listed net object as JSON
     */
    RawJson get(ModelRecord r, ModelClassTable classes) {
        return get(bySubtype.computeIfAbsent(r.subtype(), s -> new ConcurrentHashMap<>()), r, classes);
    }

    private RawJson get(Map<String, Cached> cache, ModelRecord r, ModelClassTable classes) {
        long editId = Previews.editId();
        Cached c = cache.get(r.name());
        if (c != null && c.record() == r && c.classes() == classes && c.editId() == editId) {
            return c.json();
        }
        String preview = r.metadata().preview() == null ? null : Previews.url(r.subtype(), r.name());
        RawJson written = RawJson.of(json.write(ModelNetObjects.of(r.toDto(classes, preview), classes, false)));
        cache.put(r.name(), new Cached(r, classes, editId, written));
        return written;
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
    void fill(ModelIndex index, ModelClassTable classes, Iterable<String> subtypes) {
        for (String subtype : subtypes) {
            Map<String, Cached> live = bySubtype.computeIfAbsent(subtype, s -> new ConcurrentHashMap<>());
            Set<String> names = new HashSet<>();
            for (ModelRecord r : index.modelsLastFirst(subtype)) {
                names.add(r.name());
                get(live, r, classes);
            }
            live.keySet().retainAll(names);
        }
    }
}
