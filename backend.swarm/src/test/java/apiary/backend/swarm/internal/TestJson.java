package apiary.backend.swarm.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import apiary.core.api.json.Json;

/** core.api's Json for unit tests, on Jackson like the server's own. */
public final class TestJson implements Json {
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public Object read(String json) {
        try {
            return mapper.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> readObject(String json) {
        Object o = read(json);
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("not an object");
        }
        return (Map<String, Object>) o;
    }
}
