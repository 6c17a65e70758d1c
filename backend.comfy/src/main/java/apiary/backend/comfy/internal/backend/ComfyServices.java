package apiary.backend.comfy.internal.backend;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import apiary.backend.comfy.internal.info.SamplerCatalog;
import apiary.core.api.json.Json;

/**
 * What every ComfyUI backend of this bundle shares: the JSON codec, the sampler lists it feeds, and the API base of
 * each running backend by id (read by {@code /ComfyBackendDirect/}).
 */
public final class ComfyServices {
    private final Json json;
    private final SamplerCatalog samplers;
    private final Map<Integer, String> running = new ConcurrentHashMap<>();
    private final SavedWorkflows workflows;

    /**
     * @param json the JSON codec
     * @param samplers the shared sampler lists
     */
    public ComfyServices(Json json, SamplerCatalog samplers) {
        this(json, samplers, null);
    }

    /**
     * @param json the JSON codec
     * @param samplers the shared sampler lists
     * @param workflowFolder where saved custom workflows live ({@code <data>/ComfyUIWorkflows}), or {@code null}
     */
    public ComfyServices(Json json, SamplerCatalog samplers, java.nio.file.Path workflowFolder) {
        this.json = json;
        this.samplers = samplers;
        this.workflows = new SavedWorkflows(workflowFolder, json);
    }

    /** @return the saved custom workflows */
    public SavedWorkflows workflows() {
        return workflows;
    }

    /** @return the JSON codec */
    public Json json() {
        return json;
    }

    /** @return the sampler lists */
    public SamplerCatalog samplers() {
        return samplers;
    }

    void running(int id, String base) {
        if (base == null) {
            running.remove(id);
        } else {
            running.put(id, base);
        }
    }

    /**
     * @param id a backend id, or -1 for the first running one
     * @return that backend's API base, when it is running
     */
    public Optional<URI> base(int id) {
        if (id < 0) {
            return running.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> URI.create(e.getValue())).findFirst();
        }
        return Optional.ofNullable(running.get(id)).map(URI::create);
    }
}
