package apiary.core.t2i.internal.view;

import java.util.Map;
import java.util.Optional;

import apiary.core.api.route.CallContext;
import apiary.core.api.session.SessionService;
import apiary.core.api.web.WebFile;
import apiary.core.api.web.WebFileProvider;
import apiary.core.t2i.internal.output.OutputFolders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /Output/<path>}: SwarmUI's legacy form, rooted at the caller's own folder. */
@Component(property = WebFileProvider.PREFIX + "=/Output/")
public final class LegacyOutputFiles implements WebFileProvider {
    private final OutputFileServer server;

    /**
     * @param folders where outputs live
     * @param sessions the caller's login
     */
    @Activate
    public LegacyOutputFiles(@Reference OutputFolders folders, @Reference SessionService sessions) {
        this.server = new OutputFileServer(folders, sessions);
    }

    @Override
    public WebFile serve(String path, Map<String, String> query, CallContext context) {
        Optional<String> caller = server.callerId(context);
        if (caller.isEmpty()) {
            return WebFile.error(401, "You must be logged in to view images.", "not_logged_in");
        }
        return server.serve(caller.get(), path, query, context);
    }
}
