package apiary.core.api.t2i;

import java.util.Locale;

/** The data type of a {@link T2IParam}, sent in lower case as {@code type} by {@code ListT2IParams}. */
public enum T2IParamType {
    /** Free text; Java value {@code String}. */
    TEXT,
    /** A whole number; Java value {@code Long}. */
    INTEGER,
    /** A number; Java value {@code Double}. */
    DECIMAL,
    /** {@code true}/{@code false}; Java value {@code Boolean}. */
    BOOLEAN,
    /** One of a value list; Java value {@code String} (the value part of {@code value///Display Name}). */
    DROPDOWN,
    /** An image; Java value {@link MediaInput}. */
    IMAGE,
    /** A model of the parameter's subtype; Java value {@code String}, the model's full name. */
    MODEL,
    /** Several values; Java value {@code List<String>}. */
    LIST,
    /** Several images; Java value {@code List<MediaInput>}. */
    IMAGE_LIST,
    /** Audio; Java value {@link MediaInput}. */
    AUDIO,
    /** Several audio inputs; Java value {@code List<MediaInput>}. */
    AUDIO_LIST,
    /** Video; Java value {@link MediaInput}. */
    VIDEO,
    /** Several videos; Java value {@code List<MediaInput>}. */
    VIDEO_LIST;

    /** @return the wire name, e.g. {@code image_list} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
