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
        if (!name.startsWith(path) || name.length() <= path.length() || !allowed.test(name)) {
            return false;
        }
        String part = name.substring(path.length());
        String[] segments = part.split("/", -1);
        int slashes = segments.length - 1;
        StringBuilder folder = new StringBuilder();
        for (int i = 0; i < slashes && i < depth; i++) {
            if (i > 0) {
                folder.append('/');
            }
            folder.append(segments[i]);
            folders.add(folder.toString());
        }
        return slashes < depth && !names.contains(name);
    }

    /** Adds an entry that {@link #matches} accepted. */
    void add(Entry e) {
        names.add(e.name());
        files.add(e);
    }

    /**
     * @param sortBy {@code Name}, {@code Title}, {@code DateCreated} or {@code DateModified}, any case
     * @param reverse whether to reverse the order
     * @return SwarmUI's answer: {@code folders} and {@code files}
     * @throws ApiError for an unknown sort mode
     */
    Map<String, Object> result(String sortBy, boolean reverse) {
        List<Entry> sorted = new ArrayList<>(files);
        sorted.sort(order(sortBy));
        if (reverse) {
            Collections.reverse(sorted);
        }
        List<Object> out = new ArrayList<>(sorted.size());
        sorted.forEach(e -> out.add(e.net()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("folders", List.copyOf(folders));
        answer.put("files", out);
        return answer;
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
