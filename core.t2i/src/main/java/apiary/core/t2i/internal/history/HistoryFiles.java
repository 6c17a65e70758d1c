package apiary.core.t2i.internal.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import apiary.core.api.route.ApiError;
import apiary.core.api.route.CallContext;
import apiary.core.api.session.User;
import apiary.core.t2i.internal.output.OutputStore;
import apiary.core.t2i.internal.output.UserPrefs;
import apiary.core.t2i.internal.view.SafePaths;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * SwarmUI's history file operations: star (a copy under {@code Starred/}, flattened with StarNoFolders) and unstar,
 * delete (with the sidecars), and open the folder in the desktop's file manager for a caller on this machine.
 */
@Component(service = HistoryFiles.class)
public final class HistoryFiles {
    /** SwarmUI's sidecar extensions, moved, copied and deleted with their image. */
    static final List<String> SIDECARS = List.of(".txt", ".metadata.js", ".swarm.json", ".swarmpreview.jpg", ".swarmpreview.webp");
    private static final String STARRED = "Starred/";

    private final OutputStore store;

    /** @param store the output store, told about added and removed files */
    @Activate
    public HistoryFiles(@Reference OutputStore store) {
        this.store = store;
    }

    private Path root(User user) {
        return store.folders().userRoot(user.id());
    }

    private static String clean(String path) {
        String p = path == null ? "" : path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (!SafePaths.isClean(p)) {
            throw new ApiError("Invalid path.", "bad_path");
        }
        return p;
    }

    /**
     * @param user the caller
     * @param path the image path in the caller's folder
     * @return {@code success}
     */
    public Map<String, Object> delete(User user, String path) {
        String rel = clean(path);
        SafePaths.Result found = SafePaths.resolve(root(user), rel);
        if (found.problem() == SafePaths.Problem.BAD_PATH) {
            throw new ApiError("Invalid path.", "bad_path");
        }
        if (found.problem() != null) {
            throw new ApiError("That file does not exist, cannot delete.");
        }
        try {
            Files.delete(found.file());
            Path base = found.file().resolveSibling(baseName(found.file()));
            for (String ext : SIDECARS) {
                Files.deleteIfExists(base.resolveSibling(base.getFileName() + ext));
            }
            Files.deleteIfExists(root(user).resolve(".previews").resolve(rel + ".jpg"));
        } catch (IOException e) {
            throw new ApiError("Failed to delete that file.");
        }
        store.deleted(user.id(), rel, found.file());
        return Map.of("success", true);
    }

    /**
     * @param user the caller
     * @param path the image path (under {@code Starred/} to unstar)
     * @return {@code new_state}
     */
    public Map<String, Object> toggleStar(User user, String path) {
        String rel = clean(path);
        boolean wasStar = rel.startsWith(STARRED);
        String plain = wasStar ? rel.substring(STARRED.length()) : rel;
        boolean flatten = UserPrefs.bool(user, "starnofolders", false);
        String starRel = STARRED + (flatten ? plain.replace("/", "") : plain);
        Path root = root(user);
        SafePaths.Result original = SafePaths.resolve(root, plain);
        SafePaths.Result star = SafePaths.resolve(root, starRel);
        if (original.problem() == SafePaths.Problem.BAD_PATH || star.problem() == SafePaths.Problem.BAD_PATH) {
            throw new ApiError("Invalid path.", "bad_path");
        }
        try {
            if (original.problem() != null) {
                if (wasStar && star.problem() == null) {
                    move(user, starRel, plain);
                    return Map.of("new_state", false);
                }
                throw new ApiError("That file does not exist, cannot star.");
            }
            if (star.problem() == null) {
                removeWithSidecars(user, starRel);
                return Map.of("new_state", false);
            }
            copy(user, plain, starRel);
            return Map.of("new_state", true);
        } catch (IOException e) {
            throw new ApiError("Failed to change the star of that file.");
        }
    }

    private void copy(User user, String from, String to) throws IOException {
        transfer(user, from, to, false);
    }

    private void move(User user, String from, String to) throws IOException {
        transfer(user, from, to, true);
    }

    private void transfer(User user, String from, String to, boolean move) throws IOException {
        Path root = root(user);
        Path src = root.resolve(from);
        Path dst = root.resolve(to);
        Files.createDirectories(dst.getParent());
        Path tmp = dst.resolveSibling("." + dst.getFileName() + ".tmp");
        Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (String ext : SIDECARS) {
            Path s = src.resolveSibling(baseName(src) + ext);
            if (Files.isRegularFile(s)) {
                Files.copy(s, dst.resolveSibling(baseName(dst) + ext), StandardCopyOption.REPLACE_EXISTING);
                if (move) {
                    Files.delete(s);
                }
            }
        }
        if (move) {
            Files.delete(src);
            store.deleted(user.id(), from, src);
        }
        store.added(user.id(), to, dst);
    }

    private void removeWithSidecars(User user, String rel) throws IOException {
        Path file = root(user).resolve(rel);
        Files.deleteIfExists(file);
        for (String ext : SIDECARS) {
            Files.deleteIfExists(file.resolveSibling(baseName(file) + ext));
        }
        store.deleted(user.id(), rel, file);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /**
     * @param user the caller
     * @param path an image path
     * @param context the request: only a caller on this machine (loopback, not forwarded) may open folders
     * @return {@code success}
     */
    public Map<String, Object> openFolder(User user, String path, CallContext context) {
        String rel = clean(path);
        SafePaths.Result found = SafePaths.resolve(root(user), rel);
        if (found.problem() == SafePaths.Problem.BAD_PATH) {
            throw new ApiError("Invalid path.", "bad_path");
        }
        if (found.problem() != null) {
            throw new ApiError("That file does not exist, cannot open.");
        }
        if (!isLocal(context)) {
            throw new ApiError("Opening folders only works for a browser on the server machine itself.");
        }
        String os = System.getProperty("os.name", "").toLowerCase();
        List<String> command = os.contains("win") ? List.of("explorer.exe", "/select," + found.file())
                : os.contains("mac") ? List.of("open", "-R", found.file().toString())
                : List.of("xdg-open", found.file().getParent().toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new ApiError("Cannot open image folder on this system (no file manager found).");
        }
        return Map.of("success", true);
    }

    static boolean isLocal(CallContext context) {
        String a = context.remoteAddress();
        boolean loopback = a.equals("127.0.0.1") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1") || a.startsWith("127.");
        return loopback && context.forwardedFor().isEmpty();
    }
}
