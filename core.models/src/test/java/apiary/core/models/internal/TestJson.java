package apiary.core.models.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import apiary.core.api.json.Json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@link Json} on Jackson, as the server's own implementation, for unit tests. */
public final class TestJson implements Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public Object read(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public Map<String, Object> readObject(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
