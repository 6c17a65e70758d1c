package apiary.core.sessions.internal.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.json.Json;

/**
 * The catalogue of models the installer offers, read from {@code install/models.json} in this bundle. Entries are
 * checked on load so that a bad catalogue fails at once instead of during someone's first run.
 */
final class KnownModels {
    private static final String RESOURCE = "/install/models.json";

    private final Map<String, KnownModel> byId;

    KnownModels(Map<String, KnownModel> byId) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    /** @return the catalogue shipped in the bundle */
    static KnownModels load(Json json) {
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
        Map<String, KnownModel> out = new LinkedHashMap<>();
        for (Object o : (List<?>) catalogue.get("models")) {
            Map<?, ?> m = (Map<?, ?>) o;
            KnownModel model = new KnownModel(text(m, "id"), text(m, "name"), URI.create(text(m, "url")),
                    text(m, "sha256"), text(m, "folder"), text(m, "file"));
            check(model);
            if (out.put(model.id(), model) != null) {
                throw new IllegalStateException("Model id listed twice: " + model.id());
            }
        }
        return new KnownModels(out);
    }

    private static void check(KnownModel m) {
        if (!"https".equals(m.url().getScheme())) {
            throw new IllegalStateException("Model " + m.id() + ": URL must be https");
        }
        if (!m.sha256().matches("[0-9a-f]{64}")) {
            throw new IllegalStateException("Model " + m.id() + ": SHA-256 must be 64 lowercase hex digits");
        }
        if (!m.file().endsWith(".safetensors") || m.file().contains("..") || m.file().startsWith("/")) {
            throw new IllegalStateException("Model " + m.id() + ": file must be a relative .safetensors path");
        }
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String) || ((String) v).isBlank()) {
            throw new IllegalStateException("Model entry without '" + key + "': " + m);
        }
        return (String) v;
    }

    /** @return the model with that id */
    Optional<KnownModel> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
