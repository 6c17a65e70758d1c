package apiary.core.admin.internal.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SwarmUI's two ways of cleaning a user or role name, and its comma lists. */
final class Names {
    private static final String FORBIDDEN = "<>:\"\\|?*~&@;#$^./";

    private Names() {
    }

    /**
     * How new accounts and roles are named: only {@code A-Z a-z 0-9 _}, lowercased.
     *
     * @param raw the name as sent
     * @return the id
     */
    static String newId(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * How an existing user is addressed (SwarmUI's strict clean): path and markup characters, control and
     * zero-width characters removed, case kept; nothing left becomes {@code _}.
     *
     * @param raw the name as sent
     * @return the id to look up
     */
    static String existingId(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            if (FORBIDDEN.indexOf(c) < 0 && !Character.isISOControl(c) && !isZeroWidth(c)) {
                out.append(c);
            }
        }
        String s = out.toString().trim();
        return s.isEmpty() ? "_" : s;
    }

    /** @return the trimmed, non-blank entries of a comma-separated list */
    static List<String> commaList(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }
}
