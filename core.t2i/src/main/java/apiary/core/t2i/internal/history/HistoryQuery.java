package apiary.core.t2i.internal.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;


/**
 * One page of a user's history in SwarmUI's orders (name: descending; date: newest first; {@code reverse} flips
 * either), restricted to a folder and a depth, starting after a cursor. A page costs a logarithmic seek plus the
 * entries it returns (and, for a folder filter in date order, the entries it skips).
 */
final class HistoryQuery {
    /** A page: paths relative to the user's folder, and the cursor of the next page (null at the end). */
    record Page(List<String> paths, String nextCursor) {
    }

    private HistoryQuery() {
    }

    static Page run(UserHistory h, String folder, int depth, boolean byDate, boolean reverse, String cursor, int limit) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        String after = decode(cursor);
        Iterator<String> paths = byDate ? dateOrder(h, reverse, after) : nameOrder(h, prefix, reverse, after);
        List<String> out = new ArrayList<>();
        String last = null;
        while (paths.hasNext() && out.size() < limit) {
            String p = paths.next();
            if (!p.startsWith(prefix) || slashes(p, prefix.length()) >= depth) {
                continue;
            }
            out.add(p);
            last = p;
        }
        String next = null;
        if (out.size() == limit && paths.hasNext()) {
            Long modified = h.byName().get(last);
            next = encode(byDate ? modified + "|" + last : last);
        }
        return new Page(out, next);
    }

    private static Iterator<String> nameOrder(UserHistory h, String prefix, boolean reverse, String after) {
        var range = prefix.isEmpty() ? h.byName() : h.byName().subMap(prefix, true, prefix + Character.MAX_VALUE, false);
        var ordered = reverse ? range : range.descendingMap();
        if (after != null) {
            ordered = ordered.tailMap(after, false);
        }
        return ordered.keySet().iterator();
    }

    private static Iterator<String> dateOrder(UserHistory h, boolean reverse, String after) {
        var set = reverse ? h.byDate().descendingSet() : h.byDate();
        if (after != null) {
            int bar = after.indexOf('|');
            HistoryEntry from = new HistoryEntry(after.substring(bar + 1), Long.parseLong(after.substring(0, bar)));
            set = set.tailSet(from, false);
        }
        Iterator<HistoryEntry> it = set.iterator();
        return new Iterator<>() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public String next() {
                return it.next().path();
            }
        };
    }

    private static int slashes(String p, int from) {
        int n = 0;
        for (int i = from; i < p.length(); i++) {
            if (p.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the key a cursor stands for, or null for the first page; a malformed cursor is an error */
    static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid cursor.");
        }
        return key;
    }

    /** @return the date-order cursor check: {@code millis|path} */
    static boolean validDateCursor(String key) {
        int bar = key.indexOf('|');
        if (bar <= 0) {
            return false;
        }
        try {
            Long.parseLong(key.substring(0, bar));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

}
