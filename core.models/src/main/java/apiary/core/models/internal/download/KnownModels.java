package apiary.core.models.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.json.Json;
import apiary.core.api.model.KnownModelDTO;
import apiary.core.models.internal.paths.ModelFolders;
import apiary.core.models.internal.paths.ModelNames;

/**
 * The catalogue of models the installer offers, read from {@code models/known-models.json} in this bundle. Entries
 * are checked on load so that a bad catalogue fails at once instead of during someone's first run.
 */
public final class KnownModels {
    private static final String RESOURCE = "/models/known-models.json";

    private final Map<String, KnownModelDTO> byId;

    KnownModels(Map<String, KnownModelDTO> byId) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    /** @param json JSON @return the catalogue shipped in the bundle */
    public static KnownModels load(Json json) {
        try (InputStream in = KnownModels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return parse(json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownModels parse(Map<String, Object> catalogue) {
        Map<String, KnownModelDTO> out = new LinkedHashMap<>();
        for (Object o : (List<?>) catalogue.get("models")) {
            Map<?, ?> m = (Map<?, ?>) o;
            KnownModelDTO model = new KnownModelDTO();
            model.id = text(m, "id");
            model.name = text(m, "name");
            model.description = m.get("description") instanceof String ? (String) m.get("description") : "";
            model.url = text(m, "url");
            model.sha256 = text(m, "sha256");
            model.subtype = text(m, "subtype");
            model.file = text(m, "file");
            check(model);
            if (out.put(model.id, model) != null) {
                throw new IllegalStateException("Model id listed twice: " + model.id);
            }
        }
        return new KnownModels(out);
    }

    private static void check(KnownModelDTO m) {
        if (!m.url.startsWith("https://")) {
            throw new IllegalStateException("Model " + m.id + ": URL must be https");
        }
        if (!m.sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalStateException("Model " + m.id + ": SHA-256 must be 64 lowercase hex digits");
        }
        if (!ModelFolders.isSubtype(m.subtype)) {
            throw new IllegalStateException("Model " + m.id + ": unknown subtype " + m.subtype);
        }
        try {
            ModelNames.check(m.file);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Model " + m.id + ": file must be a relative path: " + e.getMessage());
        }
        if (!m.file.endsWith(".safetensors")) {
            throw new IllegalStateException("Model " + m.id + ": file must be a .safetensors file");
        }
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String) || ((String) v).isBlank()) {
            throw new IllegalStateException("Model entry without '" + key + "': " + m);
        }
        return (String) v;
    }

    /** @param id an id @return the model with that id (a copy) */
    public Optional<KnownModelDTO> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(KnownModels::copy);
    }

    /** @return every entry (copies), in catalogue order */
    public List<KnownModelDTO> all() {
        List<KnownModelDTO> out = new ArrayList<>();
        byId.values().forEach(m -> out.add(copy(m)));
        return out;
    }

    private static KnownModelDTO copy(KnownModelDTO m) {
        KnownModelDTO c = new KnownModelDTO();
        c.id = m.id;
        c.name = m.name;
        c.description = m.description;
        c.url = m.url;
        c.sha256 = m.sha256;
        c.subtype = m.subtype;
        c.file = m.file;
        return c;
    }
}
