package apiary.core.models.internal.routes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;

/** What the backends say about models: which are loaded now, and which names only a (remote) backend has. */
final class BackendModels {
    private final List<BackendDTO> backends;

    /** @param registry the backend registry, or null when backends are not running */
    BackendModels(BackendRegistry registry) {
        this.backends = registry == null ? List.of() : registry.backends();
    }

    /** @param name a model name @return whether any backend has it loaded */
    boolean loaded(String name) {
        for (BackendDTO b : backends) {
            String current = b.currentModel;
            if (current != null && (current.equals(name) || (current + ".safetensors").equals(name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param subtype a subtype
     * @return the names that running backends report for it (SwarmUI's remote models), ordered
     */
    Set<String> reported(String subtype) {
        Set<String> out = new TreeSet<>();
        for (BackendDTO b : backends) {
            if (b.status == BackendStatus.RUNNING && b.models != null && b.models.get(subtype) != null) {
                out.addAll(b.models.get(subtype));
            }
        }
        return out;
    }

    /** @return the names loaded on some backend */
    Set<String> loadedNames() {
        Set<String> out = new HashSet<>();
        backends.forEach(b -> {
            if (b.currentModel != null) {
                out.add(b.currentModel);
            }
        });
        return out;
    }
}
