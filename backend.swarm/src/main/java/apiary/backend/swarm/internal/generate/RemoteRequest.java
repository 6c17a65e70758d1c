package apiary.backend.swarm.internal.generate;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import apiary.core.api.t2i.MediaInput;
import apiary.core.api.t2i.T2IRequest;

/**
 * The body a remote server gets for one image task: the task's parameters as a SwarmUI client would send them
 * (images as base64, lists as arrays), one image, not saved there, on the one remote backend the child stands for.
 * The front end has already applied presets, filled wildcards and fixed this image's seed, so the remote renders
 * exactly what the front end would have.
 */
public final class RemoteRequest {
    /**
     * Parameters that only mean something on this server: backend choice (by local ids and types), job webhooks
     * and presets (already applied here), and what {@link #body} sets itself.
     */
    private static final Set<String> LOCAL_ONLY = Set.of("session_id", "images", "donotsave", "exactbackendid",
            "internalbackendtype", "presets", "jobwebhookurl", "webhooks");

    private RemoteRequest() {
    }

    /**
     * @param request the task's parameters
     * @param remoteBackendId the backend id on the remote
     * @return the JSON body for {@code GenerateText2Image(WS)} (without {@code session_id})
     */
    public static Map<String, Object> body(T2IRequest request, int remoteBackendId) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : request.values().entrySet()) {
            if (!LOCAL_ONLY.contains(e.getKey()) && e.getValue() != null) {
                out.put(e.getKey(), value(e.getValue()));
            }
        }
        Map<String, Object> extra = request.extraMetadata();
        if (extra != null && !extra.isEmpty()) {
            out.put("extra_metadata", extra);
        }
        out.put("images", 1);
        out.put("donotsave", true);
        out.put("exactbackendid", Integer.toString(remoteBackendId));
        return out;
    }

    private static Object value(Object v) {
        if (v instanceof MediaInput) {
            return Base64.getEncoder().encodeToString(((MediaInput) v).data());
        }
        if (v instanceof Collection) {
            List<Object> list = new ArrayList<>();
            for (Object item : (Collection<?>) v) {
                list.add(value(item));
            }
            return list;
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        return v.toString();
    }
}
