package apiary.backend.comfy.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import apiary.backend.comfy.internal.backend.ComfyServices;
import apiary.backend.comfy.internal.backend.SelfStartEnvironment;
import apiary.backend.comfy.internal.info.SamplerCatalog;
import apiary.backend.comfy.internal.process.ProcessRecords;
import apiary.core.api.json.Json;
import apiary.core.api.log.ServerLog;
import apiary.core.api.model.ModelLibrary;
import apiary.core.api.server.ServerInfo;
import apiary.core.api.settings.ServerSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The state the bundle's components share: JSON, the sampler lists, the running backends' addresses, and what a
 * self-started ComfyUI needs from the server (data folder, model folders, starting port, log trackers).
 */
@Component(service = ComfyDriver.class)
public final class ComfyDriver {
    private static final Path DEFAULT_MODEL_ROOT = Path.of("Models");

    private final ComfyServices services;
    private final ServerInfo server;
    private final ServerSettings settings;
    private final ServerLog log;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModelLibrary models;

    /**
     * @param json the JSON codec
     * @param server the server facts
     * @param settings the server settings
     * @param log the server log
     */
    @Activate
    public ComfyDriver(@Reference Json json, @Reference ServerInfo server, @Reference ServerSettings settings,
            @Reference ServerLog log) {
        this.services = new ComfyServices(json, new SamplerCatalog(), server.dataDir().resolve("ComfyUIWorkflows"));
        this.server = server;
        this.settings = settings;
        this.log = log;
        // A server killed without its shutdown hooks left its ComfyUI processes running: end them before new ones start.
        ProcessRecords.in(server.dataDir()).reapLeftovers();
    }

    /** @return the shared services */
    public ComfyServices services() {
        return services;
    }

    /** @return the environment for a self-started ComfyUI */
    public SelfStartEnvironment selfStartEnvironment() {
        int port = ((Number) settings.get(ComfySettingsContributor.STARTING_PORT, ComfySettingsContributor.STARTING_PORT_DEF)).intValue();
        return new SelfStartEnvironment(server.dataDir(), this::folders, DEFAULT_MODEL_ROOT.toAbsolutePath(), port, this::tracker);
    }

    private List<Path> folders(String subtype) {
        ModelLibrary m = models;
        if (m != null) {
            return m.folders(subtype);
        }
        String folder = switch (subtype) {
            case "Stable-Diffusion" -> "Stable-Diffusion";
            case "LoRA" -> "Lora";
            case "Embedding" -> "Embeddings";
            case "ControlNet" -> "controlnet";
            case "Clip" -> "clip";
            case "ClipVision" -> "clip_vision";
            default -> subtype;
        };
        return List.of(DEFAULT_MODEL_ROOT.resolve(folder).toAbsolutePath());
    }

    private Consumer<String> tracker(int backendId) {
        String name = "ComfyUI-" + backendId;
        log.openTracker(name, "backend-" + backendId);
        return line -> log.write(name, line);
    }
}
