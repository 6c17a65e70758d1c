package apiary.core.models.internal.routes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import apiary.core.api.json.RawJson;
import apiary.core.api.route.ApiError;

/**
 * {@code ListModels}' folder and file selection: entries whose name starts with {@code path/} and has fewer than
 * {@code depth} further slashes; every folder prefix up to {@code depth}; sorted by name, title or date (newest
 * first), optionally reversed; one entry per name.
 */
final class ModelListing {
    /** One candidate entry; {@code net} is its net object (a map, or its JSON text written once). */
    record Entry(String name, String title, long created, long modified, Object net) {
    }

    private final String path;
    private final int depth;
    private final Predicate<String> allowed;
    private final Set<String> folders = new TreeSet<>();
    private final Set<String> names = new HashSet<>();
    private final List<Entry> files = new ArrayList<>();
    /** The folder each level last recorded: consecutive names (the index is ordered) mostly share theirs. */
    private final String[] lastFolders = new String[20];

    /**
     * @param rawPath the folder as the client sent it ("" for the root)
     * @param depth how many folder levels to go down, clamped to 1..20
     * @param allowed which names the caller may see
     */
    ModelListing(String rawPath, int depth, Predicate<String> allowed) {
        this.path = normalise(rawPath);
        this.depth = Math.max(1, Math.min(20, depth));
        this.allowed = allowed;
    }

    private static String normalise(String raw) {
        String p = raw == null ? "" : raw.replace('\\', '/');
        if (!p.isEmpty()) {
            p += '/';
        }
        while (p.contains("//")) {
            p = p.replace("//", "/");
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /** @return the folder prefix every listed name starts with ("" for the root, else ending in {@code /}) */
    String prefix() {
        return path;
    }

    /**
     * @param name a model name
     * @return whether it belongs in the listing (its folders are recorded either way)
     */
    boolean matches(String name) {
        int from = path.length();
        if (name.length() <= from || !name.startsWith(path) || !allowed.test(name)) {
            return false;
        }
        // Slashes are found in place: this runs for every model of a full listing, the first one with a cold JIT.
        int slashes = 0;
        for (int slash = name.indexOf('/', from); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            if (slashes < depth) {
                folder(name, from, slash, slashes);
            }
            slashes++;
        }
        return slashes < depth && !names.contains(name);
    }

    /** Records the folder {@code name[from, end)} at a level, unless the previous name recorded the same one there. */
    private void folder(String name, int from, int end, int level) {
        String last = level < lastFolders.length ? lastFolders[level] : null;
        int length = end - from;
        if (last != null && last.length() == length && name.regionMatches(from, last, 0, length)) {
            return;
        }
        String f = name.substring(from, end);
        folders.add(f);
        if (level < lastFolders.length) {
            lastFolders[level] = f;
        }
    }

    /** Adds an entry that {@link #matches} accepted. */
    void add(Entry e) {
        names.add(e.name());
        files.add(e);
    }

    /**
     * @param sortBy {@code Name}, {@code Title}, {@code DateCreated} or {@code DateModified}, any case
     * @param reverse whether to reverse the order
     * @return SwarmUI's answer: {@code folders} and {@code files}; the files as one JSON text when every entry's
     *         object is already written (the usual listing: copying one text beats placing 10,000)
     * @throws ApiError for an unknown sort mode
     */
    Map<String, Object> result(String sortBy, boolean reverse) {
        List<Entry> sorted = new ArrayList<>(files);
        sorted.sort(order(sortBy));
        if (reverse) {
            Collections.reverse(sorted);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("folders", List.copyOf(folders));
        answer.put("files", files(sorted));
        return answer;
    }

    private static Object files(List<Entry> sorted) {
        int length = 2;
        for (Entry e : sorted) {
            if (!(e.net() instanceof RawJson)) {
                List<Object> out = new ArrayList<>(sorted.size());
                sorted.forEach(x -> out.add(x.net()));
                return out;
            }
            length += ((RawJson) e.net()).json().length() + 1;
        }
        StringBuilder text = new StringBuilder(length).append('[');
        for (Entry e : sorted) {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append(((RawJson) e.net()).json());
        }
        return RawJson.of(text.append(']').toString());
    }

    static Comparator<Entry> order(String sortBy) {
        Comparator<Entry> byName = Comparator.comparing(Entry::name);
        switch (sortBy == null ? "" : sortBy.toLowerCase(Locale.ROOT)) {
            case "name":
                return byName;
            case "title":
                return Comparator.comparing((Entry e) -> e.title() == null ? "" : e.title()).thenComparing(byName);
            case "datecreated":
                return Comparator.comparingLong(Entry::created).reversed().thenComparing(byName);
            case "datemodified":
                return Comparator.comparingLong(Entry::modified).reversed().thenComparing(byName);
            default:
                throw new ApiError("Invalid sort mode '" + sortBy + "'.");
        }
    }
}
