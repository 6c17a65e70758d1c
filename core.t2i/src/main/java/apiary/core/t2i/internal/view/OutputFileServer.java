package apiary.core.t2i.internal.view;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.CallContext;
import apiary.core.api.session.SessionService;
import apiary.core.api.session.User;
import apiary.core.api.web.WebFile;
import apiary.core.t2i.internal.output.OutputFolders;

/**
 * Serves saved outputs for {@code /View/<user>/<path>} and the legacy {@code /Output/<path>}: only to their owner
 * or to a holder of {@code view_others_outputs}, never outside the user's folder, streamed from disk with
 * {@code Cache-Control: private}; {@code ?preview=true} serves a small JPEG preview.
 */
final class OutputFileServer {
    private static final System.Logger LOG = System.getLogger(OutputFileServer.class.getName());

    static WebFile badPath() {
        return WebFile.error(400, "Invalid path.", "bad_path");
    }

    static WebFile notFound() {
        return WebFile.error(404, "404, file not found.", "file_not_found");
    }

    static WebFile unauthorized() {
        return WebFile.error(400, "You are not allowed to view that user's images.", "unauthorized");
    }

    private final OutputFolders folders;
    private final SessionService sessions;

    OutputFileServer(OutputFolders folders, SessionService sessions) {
        this.folders = folders;
        this.sessions = sessions;
    }

    /**
     * @param owner the user whose folder is asked for
     * @param relative the path in it
     * @param query the query (preview)
     * @param context the request, for the caller's login
     * @return the answer
     */
    WebFile serve(String owner, String relative, Map<String, String> query, CallContext context) {
        Optional<User> caller = sessions.userFor(context);
        if (caller.isEmpty()) {
            return WebFile.error(401, "You must be logged in to view images.", "not_logged_in");
        }
        if (!SafePaths.isClean(owner + "/" + relative) || owner.isEmpty() || owner.startsWith(".")) {
            return badPath();
        }
        if (!caller.get().id().equalsIgnoreCase(owner) && !caller.get().hasPermission(CorePermissions.VIEW_OTHERS_OUTPUTS)) {
            return unauthorized();
        }
        Path root = folders.appendUser() ? folders.root().resolve(owner) : folders.root();
        SafePaths.Result found = SafePaths.resolve(root, relative);
        if (found.problem() == SafePaths.Problem.BAD_PATH) {
            return badPath();
        }
        if (found.problem() != null) {
            return notFound();
        }
        int cache = folders.cacheSeconds();
        if ("true".equalsIgnoreCase(query.get("preview")) && MediaTypes.of(relative).startsWith("image/")) {
            try {
                return WebFile.ofFile(Thumbnails.of(root, relative, found.file()), "image/jpeg", cache);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "No preview for " + relative + ": " + e);
            }
        }
        return WebFile.ofFile(found.file(), MediaTypes.of(relative), cache);
    }

    /** @param context the request @return the caller's own id, when logged in */
    Optional<String> callerId(CallContext context) {
        return sessions.userFor(context).map(User::id);
    }
}
