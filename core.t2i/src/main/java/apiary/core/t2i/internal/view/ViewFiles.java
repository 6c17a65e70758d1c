package apiary.core.t2i.internal.view;

import java.util.Map;

import apiary.core.api.route.CallContext;
import apiary.core.api.session.SessionService;
import apiary.core.api.web.WebFile;
import apiary.core.api.web.WebFileProvider;
import apiary.core.t2i.internal.output.OutputFolders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /View/<user>/<path>}: a saved output, for its owner (or a holder of {@code view_others_outputs}). */
@Component(property = WebFileProvider.PREFIX + "=/View/")
public final class ViewFiles implements WebFileProvider {
    private final OutputFileServer server;

    /**
     * @param folders where outputs live
     * @param sessions the caller's login
     */
    @Activate
    public ViewFiles(@Reference OutputFolders folders, @Reference SessionService sessions) {
        this.server = new OutputFileServer(folders, sessions);
    }

    @Override
    public WebFile serve(String path, Map<String, String> query, CallContext context) {
        int slash = path.indexOf('/');
        if (slash <= 0) {
            return slash == 0 ? OutputFileServer.badPath() : OutputFileServer.notFound();
        }
        return server.serve(path.substring(0, slash), path.substring(slash + 1), query, context);
    }
}
