package apiary.core.sessions.internal.preset;

import java.util.Locale;
import java.util.Set;

/**
 * SwarmUI's strict title cleaning for presets: {@code /} is allowed (it makes preset folders); characters that are
 * unsafe in file names, control and zero-width characters and dots are dropped; empty segments are collapsed; and a
 * segment that is a reserved device name on Windows gets an {@code _} appended.
 */
public final class PresetTitles {
    /** Longest title accepted, after cleaning. */
    public static final int MAX_LENGTH = 1000;
    private static final String FORBIDDEN = "<>:\"\\|?*~&@;#$^.";
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul");

    private PresetTitles() {
    }

    /** @return the cleaned title, possibly empty */
    public static String clean(String title) {
        if (title == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        title.codePoints().filter(cp -> FORBIDDEN.indexOf(cp) < 0 && !Character.isISOControl(cp)
                && Character.getType(cp) != Character.FORMAT).forEach(kept::appendCodePoint);
        String s = kept.toString();
        while (s.contains("//")) {
            s = s.replace("//", "/");
        }
        s = s.strip();
        while (s.startsWith("/") || s.endsWith("/")) {
            s = (s.startsWith("/") ? s.substring(1) : s.substring(0, s.length() - 1)).strip();
        }
        String[] segments = s.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (isReserved(segments[i].strip().toLowerCase(Locale.ROOT))) {
                segments[i] = segments[i] + "_";
            }
        }
        return String.join("/", segments);
    }

    /** @return the case-insensitive key titles are unique by */
    public static String key(String title) {
        return title.toLowerCase(Locale.ROOT);
    }

    private static boolean isReserved(String segment) {
        if (RESERVED.contains(segment)) {
            return true;
        }
        return segment.length() == 4 && (segment.startsWith("com") || segment.startsWith("lpt"))
                && segment.charAt(3) >= '0' && segment.charAt(3) <= '9';
    }
}
