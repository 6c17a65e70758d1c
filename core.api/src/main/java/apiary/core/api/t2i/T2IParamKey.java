package apiary.core.api.t2i;

import java.util.List;
import java.util.Objects;

/**
 * A typed handle on a parameter by id, for reading values from a {@link T2IRequest} without holding the
 * parameter's definition: a driver reads {@code request.getOrDefault(CoreParams.STEPS)} and gets a {@code Long}.
 * Two keys are equal when their ids are.
 *
 * @param <T> the Java type of the parameter's values (see {@link T2IParamType})
 */
public final class T2IParamKey<T> {
    private final String id;
    private final T2IParamType type;

    private T2IParamKey(String id, T2IParamType type) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** @param id a parameter id @return a key for a text parameter */
    public static T2IParamKey<String> text(String id) { return new T2IParamKey<>(id, T2IParamType.TEXT); }
    /** @param id a parameter id @return a key for an integer parameter */
    public static T2IParamKey<Long> integer(String id) { return new T2IParamKey<>(id, T2IParamType.INTEGER); }
    /** @param id a parameter id @return a key for a decimal parameter */
    public static T2IParamKey<Double> decimal(String id) { return new T2IParamKey<>(id, T2IParamType.DECIMAL); }
    /** @param id a parameter id @return a key for a boolean parameter */
    public static T2IParamKey<Boolean> bool(String id) { return new T2IParamKey<>(id, T2IParamType.BOOLEAN); }
    /** @param id a parameter id @return a key for a dropdown parameter */
    public static T2IParamKey<String> dropdown(String id) { return new T2IParamKey<>(id, T2IParamType.DROPDOWN); }
    /** @param id a parameter id @return a key for a model parameter */
    public static T2IParamKey<String> model(String id) { return new T2IParamKey<>(id, T2IParamType.MODEL); }
    /** @param id a parameter id @return a key for a list parameter */
    public static T2IParamKey<List<String>> list(String id) { return new T2IParamKey<>(id, T2IParamType.LIST); }
    /** @param id a parameter id @return a key for an image parameter */
    public static T2IParamKey<MediaInput> image(String id) { return new T2IParamKey<>(id, T2IParamType.IMAGE); }
    /** @param id a parameter id @return a key for an image-list parameter */
    public static T2IParamKey<List<MediaInput>> imageList(String id) { return new T2IParamKey<>(id, T2IParamType.IMAGE_LIST); }

    /**
     * @param id a parameter id
     * @param type any type; the caller vouches that {@code <T>} matches it
     * @param <T> the Java value type
     * @return a key
     */
    public static <T> T2IParamKey<T> of(String id, T2IParamType type) {
        return new T2IParamKey<>(id, type);
    }

    /** @return the parameter id */
    public String id() { return id; }

    /** @return the parameter's data type */
    public T2IParamType type() { return type; }

    @Override
    public boolean equals(Object o) {
        return o instanceof T2IParamKey && ((T2IParamKey<?>) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
