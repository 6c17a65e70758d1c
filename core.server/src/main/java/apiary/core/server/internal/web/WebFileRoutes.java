package apiary.core.server.internal.web;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.runtime.WhiteboardRuntime;
import apiary.core.api.runtime.dto.RegistrationDTO;
import apiary.core.api.runtime.dto.WhiteboardDTO;
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
 * The GET file-route whiteboard: {@link WebFileProvider}s by exact path or by path prefix. An exact path (any case,
 * like the core's own pages) beats every prefix; otherwise the longest matching prefix serves a request; for one path
 * the highest service ranking wins (then the oldest service). The prefix {@code /} names only the root page. Answers
 * in memory are written from the provider's bytes without copying; file answers are streamed ({@link FileAnswer}).
 */
@Component(service = {WebFileRoutes.class, WhiteboardRuntime.class}, immediate = true,
        property = WhiteboardRuntime.WHITEBOARD + "=web_files")
public final class WebFileRoutes implements WhiteboardRuntime {
    private static final System.Logger LOG = System.getLogger(WebFileRoutes.class.getName());

    private static final class Entry {
        final WebFileProvider provider;
        final String prefix;
        final boolean exact;
        final ServiceReference<WebFileProvider> reference;

        Entry(WebFileProvider provider, String prefix, ServiceReference<WebFileProvider> reference) {
            this.provider = provider;
            this.prefix = prefix;
            this.exact = !prefix.endsWith("/") || prefix.equals("/");
            this.reference = reference;
        }

        /** @return whether both serve the same requests (one path, compared as {@link #matches} does) */
        boolean samePath(Entry other) {
            return exact == other.exact && (exact ? prefix.equalsIgnoreCase(other.prefix) : prefix.equals(other.prefix));
        }

        boolean matches(String path) {
            return exact ? path.equalsIgnoreCase(prefix) : path.startsWith(prefix);
        }

        /** Exact paths first, then longer prefixes, then the framework's service order. */
        boolean better(Entry other) {
            if (exact != other.exact) {
                return exact;
            }
            if (prefix.length() != other.prefix.length()) {
                return prefix.length() > other.prefix.length();
            }
            return beats(other);
        }

        /** The framework's own service order: higher ranking, then the older service. */
        boolean beats(Entry other) {
            return reference.compareTo(other.reference) > 0;
        }
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Long, RegistrationDTO> refused = new ConcurrentHashMap<>();

    @Reference(service = WebFileProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(ServiceReference<WebFileProvider> reference, WebFileProvider provider) {
        Object prefix = reference.getProperty(WebFileProvider.PREFIX);
        long id = (Long) reference.getProperty(Constants.SERVICE_ID);
        if (!(prefix instanceof String) || !((String) prefix).startsWith("/") || reserved((String) prefix)) {
            LOG.log(Level.WARNING, "Web file provider (service {0}) ignored: property {1} must be a path like /ViewSpecial/X/"
                    + " or /Text2Image outside /API/, /ExtensionFile/ and /openapi.json", id, WebFileProvider.PREFIX);
            RegistrationDTO r = registration(String.valueOf(prefix), id, provider);
            r.reason = "the property " + WebFileProvider.PREFIX + " must be a path starting with / (like /ViewSpecial/X/ "
                    + "or /Text2Image) outside /API/, /ExtensionFile/ and /openapi.json";
            refused.put(id, r);
            return;
        }
        entries.put(id, new Entry(provider, (String) prefix, reference));
    }

    void removeProvider(ServiceReference<WebFileProvider> reference, WebFileProvider provider) {
        entries.remove((Long) reference.getProperty(Constants.SERVICE_ID));
        refused.remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    /** The providers by path: one per path serves, the others with the same path are shadowed by it. */
    @Override
    public WhiteboardDTO snapshot() {
        WhiteboardDTO dto = new WhiteboardDTO();
        dto.name = "web_files";
        dto.service = WebFileProvider.class.getName();
        List<Entry> all = new ArrayList<>(entries.values());
        for (Entry e : all) {
            Entry winner = e;
            for (Entry other : all) {
                if (other.samePath(winner) && other.beats(winner)) {
                    winner = other;
                }
            }
            RegistrationDTO r = registration(e.prefix, (Long) e.reference.getProperty(Constants.SERVICE_ID), e.provider);
            if (winner == e) {
                dto.active.add(r);
            } else {
                r.reason = "shadowed by service " + winner.reference.getProperty(Constants.SERVICE_ID)
                        + " for the same path (higher service ranking, or registered earlier)";
                dto.shadowed.add(r);
            }
        }
        dto.refused.addAll(refused.values());
        dto.active.sort(Comparator.comparing((RegistrationDTO r) -> r.key));
        return dto;
    }

    private static RegistrationDTO registration(String path, long serviceId, WebFileProvider provider) {
        RegistrationDTO r = new RegistrationDTO();
        r.key = path;
        r.name = "";
        r.serviceId = serviceId;
        r.implementation = provider.getClass().getName();
        return r;
    }

    /** Paths the core answers itself before asking providers. */
    private static boolean reserved(String path) {
        return path.regionMatches(true, 0, "/API/", 0, 5) || path.equalsIgnoreCase("/API")
                || path.regionMatches(true, 0, "/ExtensionFile/", 0, 15) || path.equals("/openapi.json");
    }

    /**
     * @param path the decoded request path
     * @return true if a provider served the request
     */
    public boolean tryServe(String path, Request request, Response response, Callback callback) {
        Entry best = null;
        for (Entry e : entries.values()) {
            if (e.matches(path) && (best == null || e.better(best))) {
                best = e;
            }
        }
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (best == null || (!head && !HttpMethod.GET.is(request.getMethod()))) {
            return false;
        }
        WebFile file;
        try {
            String rest = best.exact ? "" : path.substring(best.prefix.length());
            file = best.provider.serve(rest, query(request), new HttpCallContext(request, response));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Serving " + path + " failed", e);
            file = WebFile.error(500, "Error reading file.", "file_error");
        }
        if (file == null) {
            LOG.log(Level.ERROR, "Web file provider for {0} answered null", best.prefix);
            file = WebFile.error(500, "Error reading file.", "file_error");
        }
        Optional<Path> onDisk = file.file();
        if (onDisk.isPresent() && FileAnswer.send(file, onDisk.get(), request, response, callback)) {
            return true;
        }
        write(onDisk.isPresent() ? FileAnswer.NOT_FOUND : file, head, response, callback);
        return true;
    }

    private static void write(WebFile file, boolean head, Response response, Callback callback) {
        ByteBuffer body = file.bodyBuffer();
        response.setStatus(file.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, file.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, cacheControl(file));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
        response.write(true, head ? null : body, callback);
    }

    static String cacheControl(WebFile file) {
        return file.cacheSeconds() > 0 ? "private, max-age=" + file.cacheSeconds() : "no-store";
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
