package apiary.core.t2i.internal.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import apiary.core.api.route.ApiError;
import apiary.core.api.session.User;
import apiary.core.t2i.internal.output.UserPrefs;
import apiary.core.t2i.internal.view.SafePaths;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ListImages} as SwarmUI answers it (folders and files under a path to a depth, sorted by name or date, at
 * most the user's MaxImagesInHistory files, each with its metadata), served from the index instead of a disk scan;
 * and Apiary's paged form of the same listing, with a cursor, for histories of any size.
 */
@Component(service = HistoryListing.class)
public final class HistoryListing {
    /** The largest page of the paged listing. */
    static final int MAX_PAGE = 1000;

    private final HistoryIndex index;

    /** @param index the users' history indexes */
    @Activate
    public HistoryListing(@Reference HistoryIndex index) {
        this.index = index;
    }

    /**
     * @param user the caller
     * @param path the folder, empty for all
     * @param depth how many folder levels below it to include
     * @param sortBy {@code Name} or {@code Date}
     * @param reverse whether to flip the order
     * @return {@code folders} and {@code files}
     */
    public Map<String, Object> list(User user, String path, int depth, String sortBy, boolean reverse) {
        boolean byDate = sortMode(sortBy);
        String folder = folder(path);
        int limit = Math.max(0, UserPrefs.integer(user, "maximagesinhistory", 1000));
        UserHistory h = index.of(user.id());
        if (!folder.isEmpty() && !h.folders().contains(folder) && !java.nio.file.Files.isDirectory(index.root(user.id()).resolve(folder))) {
            throw new ApiError("404, path not found.");
        }
        HistoryQuery.Page page = HistoryQuery.run(h, folder, Math.max(1, depth), byDate, reverse, null, limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("folders", folders(h, folder, Math.max(1, depth), reverse));
        out.put("files", files(user, folder, dedupeStarred(page.paths())));
        return out;
    }

    /**
     * @param user the caller
     * @param path the folder, empty for all
     * @param depth folder levels to include
     * @param sortBy {@code Name} or {@code Date}
     * @param reverse whether to flip the order
     * @param cursor where the previous page ended, empty for the first page
     * @param limit page size, 1 to {@value #MAX_PAGE}
     * @return {@code files}, {@code next_cursor} (null on the last page) and {@code total} (files the path and depth
     *         match)
     */
    public Map<String, Object> page(User user, String path, int depth, String sortBy, boolean reverse, String cursor, int limit) {
        boolean byDate = sortMode(sortBy);
        String folder = folder(path);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiError("Invalid limit " + limit + ": must be between 1 and " + MAX_PAGE + ".");
        }
        String key;
        try {
            key = HistoryQuery.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new ApiError("Invalid cursor.");
        }
        if (key != null && byDate && !HistoryQuery.validDateCursor(key)) {
            throw new ApiError("Invalid cursor.");
        }
        UserHistory h = index.of(user.id());
        int levels = Math.max(1, depth);
        HistoryQuery.Page page = HistoryQuery.run(h, folder, levels, byDate, reverse, cursor, limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("files", files(user, folder, page.paths()));
        out.put("next_cursor", page.nextCursor());
        // What this path and depth match, not the whole history: a client pages through a folder by it.
        out.put("total", h.count(folder, levels));
        return out;
    }

    private static boolean sortMode(String sortBy) {
        String s = sortBy == null ? "name" : sortBy.toLowerCase(Locale.ROOT);
        if (!s.equals("name") && !s.equals("date")) {
            throw new ApiError("Invalid sort mode '" + sortBy + "'.");
        }
        return s.equals("date");
    }

    static String folder(String path) {
        String p = path == null ? "" : path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.isEmpty() && !SafePaths.isClean(p)) {
            throw new ApiError("Invalid path.", "bad_path");
        }
        return p;
    }

    private static List<String> folders(UserHistory h, String folder, int depth, boolean reverse) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        List<String> out = new ArrayList<>();
        for (String f : h.folders()) {
            if (f.startsWith(prefix) && f.length() > prefix.length()) {
                String rest = f.substring(prefix.length());
                if (rest.chars().filter(c -> c == '/').count() < depth) {
                    out.add(rest);
                }
            }
        }
        out.sort(reverse ? Comparator.naturalOrder() : Comparator.reverseOrder());
        return out;
    }

    /** SwarmUI lists an image once when it is also starred (the copy under {@code Starred/} stands for it). */
    private static List<String> dedupeStarred(List<String> paths) {
        Set<String> all = new HashSet<>(paths);
        List<String> out = new ArrayList<>(paths.size());
        for (String p : paths) {
            if (p.startsWith("Starred/") || !all.contains("Starred/" + p)) {
                out.add(p);
            }
        }
        return out;
    }

    private List<Object> files(User user, String folder, List<String> paths) {
        java.nio.file.Path root = index.root(user.id());
        int cut = folder.isEmpty() ? 0 : folder.length() + 1;
        List<Object> out = new ArrayList<>(paths.size());
        for (String p : paths) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("src", p.substring(cut));
            f.put("metadata", index.metadataOf(root.resolve(p)));
            out.add(f);
        }
        return out;
    }
}
