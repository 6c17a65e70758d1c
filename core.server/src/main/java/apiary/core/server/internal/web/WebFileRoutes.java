package apiary.core.server.internal.web;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.web.WebFile;
import apiary.core.api.web.WebFileProvider;
import apiary.core.server.internal.dispatch.HttpCallContext;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The GET file-route whiteboard: {@link WebFileProvider}s by path prefix. The longest matching prefix serves a
 * request; for one prefix the highest service ranking wins (then the oldest service).
 */
@Component(service = WebFileRoutes.class, immediate = true)
public final class WebFileRoutes {
    private static final System.Logger LOG = System.getLogger(WebFileRoutes.class.getName());

    private static final class Entry {
        final WebFileProvider provider;
        final String prefix;
        final ServiceReference<WebFileProvider> reference;

        Entry(WebFileProvider provider, String prefix, ServiceReference<WebFileProvider> reference) {
            this.provider = provider;
            this.prefix = prefix;
            this.reference = reference;
        }

        /** The framework's own service order: higher ranking, then the older service. */
        boolean beats(Entry other) {
            return reference.compareTo(other.reference) > 0;
        }
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    @Reference(service = WebFileProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(ServiceReference<WebFileProvider> reference, WebFileProvider provider) {
        Object prefix = reference.getProperty(WebFileProvider.PREFIX);
        long id = (Long) reference.getProperty(Constants.SERVICE_ID);
        if (!(prefix instanceof String) || !((String) prefix).startsWith("/") || !((String) prefix).endsWith("/")
                || ((String) prefix).regionMatches(true, 0, "/API/", 0, 5)) {
            LOG.log(Level.WARNING, "Web file provider (service {0}) ignored: property {1} must be a path like /ViewSpecial/X/ outside /API/",
                    id, WebFileProvider.PREFIX);
            return;
        }
        entries.put(id, new Entry(provider, (String) prefix, reference));
    }

    void removeProvider(ServiceReference<WebFileProvider> reference, WebFileProvider provider) {
        entries.remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    /**
     * @param path the decoded request path
     * @return true if a provider served the request
     */
    public boolean tryServe(String path, Request request, Response response, Callback callback) {
        Entry best = null;
        for (Entry e : entries.values()) {
            if (path.startsWith(e.prefix) && (best == null || e.prefix.length() > best.prefix.length()
                    || (e.prefix.length() == best.prefix.length() && e.beats(best)))) {
                best = e;
            }
        }
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (best == null || (!head && !HttpMethod.GET.is(request.getMethod()))) {
            return false;
        }
        WebFile file;
        try {
            file = best.provider.serve(path.substring(best.prefix.length()), query(request), new HttpCallContext(request, response));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Serving " + path + " failed", e);
            file = WebFile.error(500, "Error reading file.", "file_error");
        }
        byte[] body = file.body();
        response.setStatus(file.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, file.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, file.cacheSeconds() > 0 ? "private, max-age=" + file.cacheSeconds() : "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
        return true;
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> out = new HashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field f : fields) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }
}
