package apiary.core.server.internal.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import apiary.core.api.json.RawJson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * The one Jackson configuration of the server: plain Java values in and out, key order kept, public fields and
 * record components serialised, {@link RawJson} written as it is, and an indented form that looks like Newtonsoft's (for SwarmUI's habit of turning
 * JSON values into text).
 */
public final class JsonCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule().addSerializer(RawJson.class, new StdSerializer<RawJson>(RawJson.class) {
                private static final long serialVersionUID = 1L;

                @Override
                public void serialize(RawJson value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                    gen.writeRawValue(value.json());
                }
            }))
            .build();
    private static final ObjectWriter INDENTED = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonCodec() {
    }

    /**
     * Loads and links Jackson's serialisers and parsers (a few hundred classes) ahead of the first request; called
     * on a thread of its own at start-up, so that the critical path does not pay for it.
     */
    public static void warmUp() {
        try {
            parse(bytes(Map.of("warm", java.util.List.of(1, 2.5, true, "x"))));
        } catch (IOException e) {
            // Nothing to warm then; the first request pays instead.
        }
    }

    /** @return the shared mapper; do not reconfigure it */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param value any serialisable value
     * @return compact JSON as UTF-8 bytes
     */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes compact JSON to a stream as it is serialised, leaving the stream open.
     *
     * @param value any serialisable value
     * @param out where the UTF-8 bytes go
     * @throws IOException when the stream fails
     */
    public static void write(Object value, java.io.OutputStream out) throws IOException {
        try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            MAPPER.writeValue(g, value);
        }
    }

    /**
     * @param value any serialisable value
     * @return compact JSON text
     */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param value any serialisable value
     * @return JSON text indented with two spaces, {@code "key": value}
     */
    public static String indented(Object value) {
        try {
            return INDENTED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param json JSON text
     * @return plain Java values
     * @throws IOException for malformed JSON
     */
    public static Object parse(byte[] json) throws IOException {
        return MAPPER.readValue(json, Object.class);
    }

    /**
     * @param json JSON text
     * @return plain Java values
     * @throws IOException for malformed JSON
     */
    public static Object parse(String json) throws IOException {
        return MAPPER.readValue(json, Object.class);
    }

    /**
     * @param value a parsed JSON value
     * @return the value as an object, or null when it is not one
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : null;
    }
}
