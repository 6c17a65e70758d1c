package apiary.backend.comfy.internal.backend;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.backend.comfy.internal.client.ComfyException;
import apiary.backend.comfy.internal.client.ComfyHttp;
import apiary.backend.comfy.internal.info.ObjectInfo;
import apiary.backend.comfy.internal.job.JobRun;
import apiary.backend.comfy.internal.params.ComfyParams;
import apiary.backend.comfy.internal.workflow.RawWorkflow;
import apiary.backend.comfy.internal.workflow.Workflow;
import apiary.backend.comfy.internal.workflow.WorkflowBuilder;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.GeneratingBackend;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.t2i.T2IRequest;

/**
 * A ComfyUI server reached over HTTP and WebSocket: init from {@code /object_info} (models, features, sampler
 * lists), generation by {@link JobRun}, model loads, {@code /free}. The self-starting type uses it for the process
 * it launched; the by-URL type for its address, with {@code AllowIdle}'s idle state and recovery.
 */
public class ComfyBackend implements GeneratingBackend {
    private static final System.Logger LOG = System.getLogger(ComfyBackend.class.getName());
    private static final Duration INFO_TIMEOUT = Duration.ofMinutes(1);

    protected final BackendContext context;
    protected final ComfyServices services;
    private final boolean allowIdle;
    private volatile ComfyHttp http;
    private volatile ObjectInfo info;
    private volatile IdleMonitor idle;
    private volatile boolean stopped;

    /**
     * @param context the entry's context
     * @param services the bundle's shared services
     * @param allowIdle whether an unreachable server means idle rather than a failure
     */
    public ComfyBackend(BackendContext context, ComfyServices services, boolean allowIdle) {
        this.context = context;
        this.services = services;
        this.allowIdle = allowIdle;
    }

    /**
     * Connects to a server: reads its object_info and reports what it offers.
     *
     * @param base the API base
     * @throws ComfyException when it cannot be reached or answers nonsense
     */
    protected final void connect(String base) throws ComfyException {
        ComfyHttp h = new ComfyHttp(base, services.json());
        ObjectInfo i;
        try {
            i = new ObjectInfo(h.getJson("/object_info", INFO_TIMEOUT));
        } catch (IllegalArgumentException e) {
            throw new ComfyException("ComfyUI at " + base + " sent an unusable object_info: " + e.getMessage());
        }
        services.samplers().learn(i);
        context.setFeatures(i.features());
        context.setModels(i.models());
        context.setCanLoadModels(true);
        this.http = h;
        this.info = i;
        services.running(context.id(), base);
    }

    /**
     * Init for a server by address: connects, or with {@code AllowIdle} reports idle and watches for it.
     *
     * @param base the API base
     * @throws ComfyException when it cannot be reached and idling is not allowed
     */
    protected final void initRemote(String base) throws ComfyException {
        try {
            connect(base);
        } catch (ComfyException e) {
            if (!allowIdle) {
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "ComfyUI backend " + context.id() + " is idle: " + e.getMessage());
            goIdle(base);
        }
    }

    private synchronized void goIdle(String base) {
        services.running(context.id(), null);
        context.setStatus(BackendStatus.IDLE);
        if (idle == null && !stopped) {
            idle = new IdleMonitor(base, services.json(), () -> {
                try {
                    connect(base);
                    synchronized (this) {
                        idle = null;
                    }
                    context.setStatus(BackendStatus.RUNNING);
                    return true;
                } catch (ComfyException e) {
                    return false;
                }
            });
            idle.start("comfy-idle-" + context.id());
        }
    }

    @Override
    public void init() throws Exception {
        initRemote(base());
    }

    /** @return the API base of the by-URL type */
    protected String base() {
        return ComfyAddress.apiBase(new ComfySettings(context.settings()));
    }

    @Override
    public void generate(GenerationJob job) throws Exception {
        ComfyHttp h = http;
        ObjectInfo i = info;
        if (h == null || i == null) {
            throw GenerationException.redirect("ComfyUI backend " + context.id() + " is not connected");
        }
        T2IRequest request = job.request();
        int[] uploads = {0};
        try {
            Workflow workflow = workflow(request, i, (image, n) ->
                    h.upload("init_image_sui_backend_" + context.id() + "_" + (uploads[0]++) + ".png", image.data(), Duration.ofSeconds(60)));
            new JobRun(h, services.json(), job, workflow).afterFetch(this::fetched).run();
        } catch (ComfyException e) {
            throw lost(h, e);
        } catch (GenerationException e) {
            if (!e.isRedirect() && e.getMessage().startsWith("ComfyUI stopped")) {
                healthCheck(h);
            }
            throw e;
        }
    }

    /**
     * A file of a finished job was fetched from the server. Nothing happens for a server reached by URL (its files
     * are its admin's); the self-started type deletes it.
     *
     * @param type the file's type
     * @param subfolder its subfolder
     * @param filename its name
     */
    protected void fetched(String type, String subfolder, String filename) {
    }

    private Workflow workflow(T2IRequest request, ObjectInfo i, apiary.backend.comfy.internal.workflow.Uploader up)
            throws GenerationException, ComfyException {
        // The raw workflow wins; a custom workflow is its JSON or the name of a saved one.
        String raw = request.get(ComfyParams.RAW_WORKFLOW).filter(s -> !s.isBlank()).orElse(null);
        String custom = request.get(ComfyParams.CUSTOM_WORKFLOW).filter(s -> !s.isBlank()).orElse(null);
        if (raw == null && custom != null) {
            raw = services.workflows().text(custom);
        }
        if (raw != null) {
            return RawWorkflow.fill(raw, request, services.json(), up);
        }
        return new WorkflowBuilder(i).build(request, up);
    }

    private GenerationException lost(ComfyHttp h, ComfyException e) {
        if (allowIdle) {
            goIdle(h.base());
            return GenerationException.redirect("ComfyUI backend " + context.id() + " went idle: " + e.getMessage());
        }
        healthCheck(h);
        return new GenerationException("ComfyUI could not run the generation: " + e.getMessage(), e);
    }

    /** After a failed job: a server that no longer answers makes the backend errored (or idle with AllowIdle). */
    protected void healthCheck(ComfyHttp h) {
        try {
            h.getJson("/prompt", Duration.ofSeconds(3));
        } catch (ComfyException down) {
            serverLost(h);
        }
    }

    /** @param h the server that stopped answering */
    protected void serverLost(ComfyHttp h) {
        services.running(context.id(), null);
        if (allowIdle) {
            goIdle(h.base());
        } else if (!stopped) {
            context.setStatus(BackendStatus.ERRORED);
        }
    }

    @Override
    public boolean loadModel(String model, T2IRequest request) throws Exception {
        if (request != null && Boolean.TRUE.equals(request.getOrDefault(CoreParams.NO_LOAD_MODELS))) {
            context.setCurrentModel(model);
            return true;
        }
        ComfyHttp h = http;
        ObjectInfo i = info;
        if (h == null || i == null) {
            return false;
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put(CoreParams.MODEL.id(), model);
        values.put(CoreParams.WIDTH.id(), 256L);
        values.put(CoreParams.HEIGHT.id(), 256L);
        values.put(CoreParams.PROMPT.id(), "(load the model please)");
        values.put(CoreParams.SEED.id(), 1L);
        values.put(CoreParams.CFG_SCALE.id(), 7.0);
        values.put(CoreParams.STEPS.id(), 1L);
        values.put(CoreParams.NO_PREVIEWS.id(), true);
        if (request != null) {
            request.get(CoreParams.VAE).ifPresent(v -> values.put(CoreParams.VAE.id(), v));
        }
        FixedRequest load = new FixedRequest(values);
        new JobRun(h, services.json(), new DiscardingJob(load, context.id()),
                new WorkflowBuilder(i).build(load, (img, n) -> "")).run();
        context.setCurrentModel(model);
        return true;
    }

    @Override
    public Optional<String> refusalReason(T2IRequest request) {
        ObjectInfo i = info;
        String raw = request.get(ComfyParams.RAW_WORKFLOW).filter(s -> !s.isBlank())
                .or(() -> request.get(ComfyParams.CUSTOM_WORKFLOW).filter(s -> !s.isBlank()).map(n -> {
                    try {
                        return services.workflows().text(n);
                    } catch (GenerationException e) {
                        return "";
                    }
                })).orElse("");
        if (i == null || !raw.trim().startsWith("{")) {
            return Optional.empty();
        }
        Set<String> missing = new LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"class_type\"\\s*:\\s*\"([^\"]+)\"").matcher(raw);
        while (m.find()) {
            if (!i.has(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("ComfyUI backend " + context.id() + " lacks the node classes " + String.join(", ", missing));
    }

    @Override
    public boolean freeMemory(boolean systemRam) {
        ComfyHttp h = http;
        if (h == null) {
            return false;
        }
        try {
            h.postJson("/free", Map.of("unload_models", true, "free_memory", systemRam), Duration.ofSeconds(30));
            return true;
        } catch (ComfyException e) {
            return false;
        }
    }

    @Override
    public void shutdown() {
        stopped = true;
        synchronized (this) {
            if (idle != null) {
                idle.stop();
                idle = null;
            }
        }
        services.running(context.id(), null);
        http = null;
    }

    /** Forgets the connection (the server went away); {@link #connect} makes a new one. */
    protected final void disconnect() {
        services.running(context.id(), null);
        http = null;
        info = null;
    }
}
