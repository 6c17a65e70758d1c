package apiary.core.t2i.internal.view;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves a client-supplied path inside a folder, refusing every way out: {@code ..} (also once more
 * percent-decoded, against double encoding), backslashes, NUL and control characters, absolute paths and empty
 * segments, drive letters, hidden segments (temporary files, previews), and symbolic links that lead outside the
 * folder.
 */
public final class SafePaths {
    /** Why a path was refused or not found. */
    public enum Problem {
        /** The path tries to leave the folder (SwarmUI's {@code bad_path}). */
        BAD_PATH,
        /** Nothing (readable) there. */
        NOT_FOUND
    }

    /** The outcome: a file inside the folder, or a problem. */
    public record Result(Path file, Problem problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private SafePaths() {
    }

    /**
     * @param relative the decoded path from the request, {@code /}-separated
     * @return whether it is shaped like a path inside a folder
     */
    public static boolean isClean(String relative) {
        if (!clean(relative)) {
            return false;
        }
        try {
            return clean(URLDecoder.decode(relative.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static boolean clean(String p) {
        if (p.isEmpty() || p.startsWith("/") || p.endsWith("/") || p.indexOf('\\') >= 0 || p.contains("//")
                || (p.length() > 1 && p.charAt(1) == ':')) {
            return false;
        }
        for (int i = 0; i < p.length(); i++) {
            if (p.charAt(i) < 32 || p.charAt(i) == 0x7F) {
                return false;
            }
        }
        for (String segment : p.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param root the folder
     * @param relative the decoded request path inside it
     * @return the regular file it names, or why not
     */
    public static Result resolve(Path root, String relative) {
        if (!isClean(relative)) {
            return new Result(null, Problem.BAD_PATH);
        }
        for (String segment : relative.split("/")) {
            if (segment.startsWith(".")) {
                return new Result(null, Problem.NOT_FOUND);
            }
        }
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(relative).normalize();
        if (!file.startsWith(base)) {
            return new Result(null, Problem.BAD_PATH);
        }
        if (!Files.isRegularFile(file)) {
            return new Result(null, Problem.NOT_FOUND);
        }
        try {
            Path realBase = base.toRealPath();
            Path real = file.toRealPath();
            if (!real.startsWith(realBase)) {
                return new Result(null, Problem.BAD_PATH);
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return new Result(null, Problem.NOT_FOUND);
            }
            return new Result(real, null);
        } catch (IOException e) {
            return new Result(null, Problem.NOT_FOUND);
        }
    }
}
