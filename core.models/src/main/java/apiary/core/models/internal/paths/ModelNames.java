package apiary.core.models.internal.paths;

import java.util.Locale;
import java.util.Set;

/**
 * Model and wildcard names as clients send them: {@code /}-separated paths relative to a model folder. Names that
 * could leave the folder or hide a file are refused outright (SwarmUI cleans them silently, which lets {@code a/../b}
 * turn into something the user did not ask for).
 */
public final class ModelNames {
    /** Formats read with metadata. */
    public static final Set<String> SUPPORTED = Set.of("safetensors", "sft", "engine", "gguf");
    /** Pickle-era formats: listed, but without metadata. */
    public static final Set<String> LEGACY = Set.of("ckpt", "pt", "pth", "bin");
    private static final int MAX_LENGTH = 1024;

    private ModelNames() {
    }

    /**
     * @param name a client-sent name
     * @return the name, checked
     * @throws IllegalArgumentException when it is empty, absolute, has a backslash, a drive letter, a control
     *         character, an empty, {@code .}, {@code ..} or hidden segment, or is longer than 1024 characters
     */
    public static String check(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Invalid empty name.");
        }
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("Invalid name: must be a relative path inside the model folder.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("Invalid name: control characters are not allowed.");
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isBlank() || segment.startsWith(".") || segment.endsWith(" ")) {
                throw new IllegalArgumentException("Invalid name: '..', hidden and empty path parts are not allowed.");
            }
        }
        return name;
    }

    /** @param name a file or model name @return its extension, lower case, or "" */
    public static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** @param name a name @return it without its extension */
    public static String withoutExtension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) : name;
    }

    /** @param name a name @return the part after the last {@code /} */
    public static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** @param fileName a file name @return whether it is a model file of a listed format */
    public static boolean isModelFile(String fileName) {
        String ext = extension(fileName);
        return SUPPORTED.contains(ext) || LEGACY.contains(ext);
    }
}
