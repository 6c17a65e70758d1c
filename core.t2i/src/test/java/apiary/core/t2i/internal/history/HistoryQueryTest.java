package apiary.core.t2i.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HistoryQueryTest {
    private static UserHistory history(int n) {
        UserHistory h = new UserHistory();
        for (int i = 0; i < n; i++) {
            h.add(String.format("raw/2025-01-%02d/%05d-img.png", i % 3 + 1, i), 1_000_000L + i);
        }
        h.add("raw/2025-01-01/notes.swarm.json", 5);
        h.add("raw/2025-01-01/.tmp.png", 5);
        h.add("top.png", 10);
        return h;
    }

    @Test
    void pagesCoverEverythingOnceInDateOrder() {
        UserHistory h = history(250);
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            HistoryQuery.Page p = HistoryQuery.run(h, "", 10, true, false, cursor, 40);
            all.addAll(p.paths());
            cursor = p.nextCursor();
        } while (cursor != null);
        assertEquals(251, all.size(), "sidecars and hidden files are not listed");
        assertEquals(251, Set.copyOf(all).size());
        assertEquals("raw/2025-01-01/00249-img.png".replace("01/00249", "01/00249"), all.get(0).replace("2025-01-01", "2025-01-01"));
        assertEquals("top.png", all.get(250), "oldest last");
    }

    @Test
    void nameOrderIsDescendingAndFoldersAndDepthFilter() {
        UserHistory h = history(30);
        HistoryQuery.Page p = HistoryQuery.run(h, "raw/2025-01-02", 1, false, false, null, 100);
        assertEquals(10, p.paths().size());
        assertTrue(p.paths().get(0).compareTo(p.paths().get(1)) > 0);
        assertNull(p.nextCursor());
        assertEquals(List.of("top.png"), HistoryQuery.run(h, "", 1, false, false, null, 100).paths(), "depth 1: the root only");
        HistoryQuery.Page first = HistoryQuery.run(h, "raw", 2, false, true, null, 7);
        HistoryQuery.Page second = HistoryQuery.run(h, "raw", 2, false, true, first.nextCursor(), 7);
        assertTrue(first.paths().get(6).compareTo(second.paths().get(0)) < 0, "reverse name order continues after the cursor");
        assertEquals(Set.of("raw", "raw/2025-01-01", "raw/2025-01-02", "raw/2025-01-03"), h.folders());
        h.remove("top.png");
        assertEquals(List.of(), HistoryQuery.run(h, "", 1, false, false, null, 100).paths());
    }

    @Test
    void theCountIsWhatAFolderAndDepthMatch() {
        UserHistory h = history(250);
        h.add("raw/2025-01-01/deep/one.png", 7);
        for (String[] q : new String[][] {{"", "64"}, {"", "1"}, {"", "2"}, {"", "3"}, {"raw", "1"}, {"raw", "2"},
                {"raw/2025-01-01", "1"}, {"raw/2025-01-01", "2"}, {"raw/2025-01-02", "9"}, {"nothing", "5"}}) {
            int depth = Integer.parseInt(q[1]);
            int listed = HistoryQuery.run(h, q[0], depth, false, false, null, 1000).paths().size();
            assertEquals(listed, h.count(q[0], depth), "path '" + q[0] + "' depth " + depth);
        }
        assertEquals(252, h.count("", 64));
        assertEquals(1, h.count("", 1), "only top.png at the top");
        assertEquals(84, h.count("raw/2025-01-01", 1));
        assertEquals(85, h.count("raw/2025-01-01", 2));
        h.remove("raw/2025-01-01/deep/one.png");
        assertEquals(84, h.count("raw/2025-01-01", 2));
    }
}
