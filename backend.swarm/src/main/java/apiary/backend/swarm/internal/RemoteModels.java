package apiary.backend.swarm.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.backend.swarm.internal.client.RemoteException;
import apiary.backend.swarm.internal.client.RemoteSessions;

/** The remote's model lists ({@code ListModels} per subtype, remote models included), for the children's model lists. */
final class RemoteModels {
    /** The subtypes the scheduler's filter checks. */
    static final List<String> SUBTYPES = List.of("Stable-Diffusion", "VAE", "LoRA", "Embedding", "ControlNet", "Clip", "ClipVision");
    private static final int DEPTH = 16;

    private RemoteModels() {
    }

    /**
     * @param sessions our sessions on the remote
     * @param limit the limit of one call
     * @return model names by subtype; a subtype the remote refuses to list is left out
     * @throws RemoteException when the remote cannot be reached
     */
    static Map<String, List<String>> fetch(RemoteSessions sessions, Duration limit) throws RemoteException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String subtype : SUBTYPES) {
            Map<String, Object> answer;
            try {
                answer = sessions.call(RemoteSessions.SERVICE, "ListModels", Map.of("path", "", "depth", DEPTH,
                        "subtype", subtype, "allowRemote", true), limit);
            } catch (RemoteException e) {
                if (e.kind() == RemoteException.Kind.API_ERROR) {
                    continue; // e.g. an older remote that does not know the subtype
                }
                throw e;
            }
            List<String> names = new ArrayList<>();
            if (answer.get("files") instanceof List) {
                for (Object f : (List<?>) answer.get("files")) {
                    Object name = f instanceof Map ? ((Map<?, ?>) f).get("name") : null;
                    if (name != null) {
                        names.add(name.toString());
                    }
                }
            }
            out.put(subtype, List.copyOf(names));
        }
        return out;
    }
}
