package apiary.core.server.internal.json;

import java.io.IOException;
import java.util.Map;

import apiary.core.api.json.Json;

import org.osgi.service.component.annotations.Component;

/** The {@link Json} service, so that other bundles need no JSON library. */
@Component
public final class JacksonJson implements Json {
    @Override
    public String write(Object value) {
        return JsonCodec.text(value);
    }

    @Override
    public Object read(String json) {
        try {
            return JsonCodec.parse(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> readObject(String json) {
        Map<String, Object> obj = JsonCodec.asObject(read(json));
        if (obj == null) {
            throw new IllegalArgumentException("JSON text is not an object");
        }
        return obj;
    }
}
