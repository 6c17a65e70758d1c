package apiary.core.server.internal.http;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

import apiary.core.server.internal.dispatch.ApiHttpHandler;
import apiary.core.server.internal.dispatch.ApiWebSocketUpgrade;
import apiary.core.server.internal.json.JsonCodec;
import apiary.core.server.internal.proxy.ProxyRoutes;
import apiary.core.server.internal.web.ExtensionFileHandler;
import apiary.core.server.internal.web.WebFileRoutes;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * The server's whole URL space: {@code /API/*} to the dispatcher (HTTP or WebSocket upgrade), extensions' files
 * under {@code /ExtensionFile/}, {@code /openapi.json}, the bundles' proxy targets ({@code /ComfyBackendDirect/}),
 * then the bundles' web files (which may replace any of what follows), {@code /} to {@code Text2Image}, the
 * placeholder page, the error pages, and a redirect to {@code /Error/404} for the rest. While bundles still start,
 * what only they could answer waits in the {@link StartupHold}.
 */
final class RootHandler extends Handler.Abstract {
    private static final System.Logger LOG = System.getLogger(RootHandler.class.getName());

    private final ApiHttpHandler api;
    private final ApiWebSocketUpgrade webSocket;
    private final Supplier<Object> openApi;
    private final NetworkGate gate;
    private final ExtensionFileHandler extensionFiles;
    private final WebFileRoutes webFiles;
    private final ProxyRoutes proxies;
    private final StartupHold startup;

    RootHandler(ApiHttpHandler api, ApiWebSocketUpgrade webSocket, Supplier<Object> openApi, NetworkGate gate,
            ExtensionFileHandler extensionFiles, WebFileRoutes webFiles, ProxyRoutes proxies, StartupHold startup) {
        this.api = api;
        this.webSocket = webSocket;
        this.openApi = openApi;
        this.gate = gate;
        this.extensionFiles = extensionFiles;
        this.webFiles = webFiles;
        this.proxies = proxies;
        this.startup = startup;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        // Canonical but still percent-encoded: decoded below only where a path names a file.
        String path = Request.getPathInContext(request);
        try {
            if (gate.answer(request, response, callback) || startup.hold(request, response, callback)) {
                return true;
            }
            if (path.regionMatches(true, 0, "/API/", 0, 5)) {
                String name = path.substring(5);
                if (!webSocket.tryUpgrade(name, request, response, callback)) {
                    api.handle(name, request, response, callback);
                }
            } else if (path.regionMatches(true, 0, ExtensionFileHandler.PREFIX, 0, ExtensionFileHandler.PREFIX.length())) {
                extensionFiles.handle(URIUtil.decodePath(path.substring(ExtensionFileHandler.PREFIX.length())), request, response, callback);
            } else if (path.equals("/openapi.json") && HttpMethod.GET.is(request.getMethod())) {
                byte[] bytes = JsonCodec.bytes(openApi.get());
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                response.write(true, ByteBuffer.wrap(bytes), callback);
            } else if (proxies.tryProxy(path, request, response, callback)) {
                return true;
            } else if (webFiles.tryServe(URIUtil.decodePath(path), request, response, callback)) {
                // A bundle's page or file; asked before the core's own pages, so that a UI bundle can replace them.
                return true;
            } else if (path.equals("/")) {
                Response.sendRedirect(request, response, callback, 302, "Text2Image", false);
            } else if (path.equalsIgnoreCase("/Text2Image")) {
                Pages.text2Image(response, callback);
            } else if (path.regionMatches(true, 0, "/Error/", 0, 7)) {
                Pages.error(path.substring(7), response, callback);
            } else {
                Response.sendRedirect(request, response, callback, 302, "/Error/404", false);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Failure while handling " + path, e);
            if (!response.isCommitted()) {
                response.reset();
                Pages.error("internal", response, callback);
            } else {
                callback.failed(e);
            }
        }
        return true;
    }
}
