package apiary.core.t2i.internal.output;

import java.util.Locale;
import java.util.Set;

/**
 * SwarmUI's output-path cleaning: control characters, {@code <>:"\|?*~&@;#$^} and every {@code .} removed,
 * invisible Unicode dropped, {@code //} collapsed, segments trimmed, and Windows device names ({@code con},
 * {@code prn}, {@code aux}, {@code nul}) suffixed with {@code _}. Because dots and backslashes are gone and empty
 * segments collapse, a cleaned path can never climb out of the folder it is resolved in.
 */
final class PathCleaner {
    private static final String REMOVED = "<>:\"\\|?*~&@;#$^.";
    private static final Set<String> DEVICE_NAMES = Set.of("con", "prn", "aux", "nul");

    private PathCleaner() {
    }

    /** @param path a filled-in output path @return the cleaned relative path, no leading or trailing slash */
    static String clean(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        path.codePoints().forEach(cp -> {
            if (cp < 32 || REMOVED.indexOf(cp) >= 0 || invisible(cp)) {
                return;
            }
            sb.appendCodePoint(cp);
        });
        StringBuilder out = new StringBuilder();
        for (String segment : sb.toString().split("/")) {
            String s = segment.trim();
            if (s.isEmpty()) {
                continue;
            }
            if (DEVICE_NAMES.contains(s.toLowerCase(Locale.ROOT))) {
                s = s + "_";
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(s);
        }
        return out.toString();
    }

    /** @param part one filled-in tag value @param maxLength the longest it may be @return it shortened, slashes removed */
    static String tagValue(String part, int maxLength) {
        String v = part.replace("/", "").replace("\\", "");
        if (v.codePointCount(0, v.length()) > maxLength) {
            v = v.substring(0, v.offsetByCodePoints(0, maxLength));
        }
        return v;
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (cp >= 0x7F && cp < 0xA0);
    }
}
