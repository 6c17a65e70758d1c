package apiary.core.t2i.internal.history;

/**
 * One file in a user's history: its path in the user's folder and its modification time. Ordered newest first, then
 * by name, which is the history's date order.
 */
record HistoryEntry(String path, long modified) implements Comparable<HistoryEntry> {
    @Override
    public int compareTo(HistoryEntry o) {
        int byTime = Long.compare(o.modified, modified);
        return byTime != 0 ? byTime : o.path.compareTo(path);
    }
}
