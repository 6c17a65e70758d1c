package apiary.core.api.json;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * JSON for bundles that must not depend on a JSON library: text to plain Java values ({@code Map}, {@code List},
 * {@code String}, {@code Long}/{@code Integer}/{@code Double}, {@code Boolean}, {@code null}) and back. Objects
 * keep their key order.
 */
@ProviderType
public interface Json {
    /**
     * @param value maps, lists, arrays, scalars, records and public-field objects
     * @return compact JSON text
     */
    String write(Object value);

    /**
     * @param json JSON text
     * @return the parsed value
     * @throws IllegalArgumentException for malformed JSON
     */
    Object read(String json);

    /**
     * @param json JSON text of an object
     * @return the parsed object
     * @throws IllegalArgumentException for malformed JSON or a non-object
     */
    Map<String, Object> readObject(String json);
}
