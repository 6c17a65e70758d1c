package apiary.backend.comfy.internal.backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import apiary.backend.comfy.internal.client.ComfyException;
import apiary.backend.comfy.internal.process.ComfyProcess;
import apiary.backend.comfy.internal.process.ComfyFolders;
import apiary.backend.comfy.internal.process.CommandLine;
import apiary.backend.comfy.internal.process.ModelPathsYaml;
import apiary.backend.comfy.internal.process.Ports;
import apiary.backend.comfy.internal.process.Python;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendStatus;

/**
 * {@code comfyui_selfstart}: launches ComfyUI's {@code main.py} the way SwarmUI does (behaviour §B.1: its own port,
 * the model-paths file, the preview method, the GPU by environment), waits until it answers {@code /object_info},
 * forwards its output to the server log, and relaunches it when it dies ({@code AutoRestart}). Shutting the
 * backend down ends the process.
 */
public final class SelfStartBackend extends ComfyBackend {
    private static final System.Logger LOG = System.getLogger(SelfStartBackend.class.getName());
    private static final long READY_TIMEOUT_MS = Long.getLong("apiary.comfy.startTimeoutMillis", 10 * 60_000L);
    private static final long RESTART_DELAY_MS = 2000;

    private final SelfStartEnvironment environment;
    private final ComfySettings settings;
    private volatile ComfyProcess process;
    private volatile ComfyFolders folders;
    private volatile int port;
    private volatile boolean stopping;

    /**
     * @param context the entry's context
     * @param services the shared services
     * @param environment the server around it
     */
    public SelfStartBackend(BackendContext context, ComfyServices services, SelfStartEnvironment environment) {
        super(context, services, false);
        this.environment = environment;
        this.settings = new ComfySettings(context.settings());
    }

    @Override
    public void init() throws Exception {
        String script = settings.text("StartScript");
        if (script.isEmpty()) {
            throw new IllegalStateException("No StartScript is set: give the path of ComfyUI's main.py.");
        }
        Path main = Path.of(script).toAbsolutePath();
        if (!Files.isRegularFile(main)) {
            throw new IllegalStateException("The StartScript " + main + " does not exist.");
        }
        launch(main);
    }

    private void launch(Path main) throws Exception {
        port = Ports.take(environment.startingPort());
        List<String> command = command(main);
        folders = ComfyFolders.of(main, command.subList(2, command.size()));
        context.reportLoadStatus("Starting ComfyUI on port " + port + "...");
        ComfyProcess p = ComfyProcess.start(command, main.getParent(), gpuEnvironment(), environment.log().apply(context.id()),
                environment.records());
        process = p;
        LOG.log(System.Logger.Level.INFO, "ComfyUI backend " + context.id() + " started as process " + p.pid() + ": " + command);
        waitUntilReady(p);
        p.onExit(() -> exited(p, main));
    }

    private List<String> command(Path main) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Python.forScript(main));
        cmd.add(main.toString());
        cmd.addAll(CommandLine.split(settings.text("ExtraArgs")));
        cmd.add("--port");
        cmd.add(Integer.toString(port));
        if (!settings.flag("DisableInternalArgs")) {
            Path yaml = environment.dataDir().resolve("comfy-auto-model.yaml");
            ModelPathsYaml.write(yaml, environment.modelFolders(), environment.modelRoot());
            cmd.add("--extra-model-paths-config");
            cmd.add(yaml.toString());
            String previews = settings.text("EnablePreviews");
            if (!previews.equalsIgnoreCase("false")) {
                cmd.add("--preview-method");
                cmd.add(previews.equalsIgnoreCase("taesd") ? "taesd" : "latent2rgb");
            }
            String frontend = settings.text("FrontendVersion");
            if (frontend.equalsIgnoreCase("Latest")) {
                cmd.add("--front-end-version");
                cmd.add("Comfy-Org/ComfyUI_frontend@latest");
            } else if (frontend.equalsIgnoreCase("Legacy")) {
                cmd.add("--front-end-version");
                cmd.add("Comfy-Org/ComfyUI_legacy_frontend@latest");
            }
        }
        return cmd;
    }

    private Map<String, String> gpuEnvironment() {
        String gpu = settings.text("GPU_ID");
        if (gpu.isEmpty()) {
            return Map.of();
        }
        return Map.of("CUDA_VISIBLE_DEVICES", gpu, "ROCR_VISIBLE_DEVICES", gpu);
    }

    private void waitUntilReady(ComfyProcess p) throws Exception {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        String base = "http://127.0.0.1:" + port;
        ComfyException last = null;
        while (System.currentTimeMillis() < deadline && !stopping) {
            if (!p.isAlive()) {
                Ports.release(port);
                throw new IllegalStateException("ComfyUI exited with code " + p.exitCode() + " before it was ready. Its last output:\n" + p.tail());
            }
            try {
                connect(base);
                return;
            } catch (ComfyException e) {
                last = e;
                Thread.sleep(250);
            }
        }
        p.stop();
        Ports.release(port);
        throw new IllegalStateException("ComfyUI did not become ready in time" + (last == null ? "" : ": " + last.getMessage()));
    }

    private void exited(ComfyProcess p, Path main) {
        Ports.release(port);
        if (stopping || p != process) {
            return;
        }
        disconnect();
        LOG.log(System.Logger.Level.WARNING, "ComfyUI backend " + context.id() + " exited with code " + p.exitCode());
        if (!settings.flag("AutoRestart")) {
            context.setStatus(BackendStatus.ERRORED);
            return;
        }
        context.setStatus(BackendStatus.LOADING);
        try {
            Thread.sleep(RESTART_DELAY_MS);
            if (!stopping) {
                launch(main);
                context.setStatus(BackendStatus.RUNNING);
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "ComfyUI backend " + context.id() + " could not be restarted: " + e.getMessage());
            if (!stopping) {
                context.setStatus(BackendStatus.ERRORED);
            }
        }
    }

    @Override
    protected void fetched(String type, String subfolder, String filename) {
        // SwarmUI deletes what it fetched from the ComfyUI it runs: the image lives in Apiary's history.
        ComfyFolders f = folders;
        if (f != null) {
            f.delete(type, subfolder, filename);
        }
    }

    @Override
    protected void serverLost(apiary.backend.comfy.internal.client.ComfyHttp h) {
        // A process that no longer answers is hung: end it, and the exit watcher restarts it (AutoRestart) or marks
        // the backend errored.
        ComfyProcess p = process;
        if (p != null && p.isAlive() && !stopping) {
            LOG.log(System.Logger.Level.WARNING, "ComfyUI backend " + context.id() + " does not answer; ending process " + p.pid());
            Thread t = new Thread(p::kill, "comfy-hung-" + p.pid());
            t.setDaemon(true);
            t.start();
        }
    }

    /** @return the running process, for tests and the log */
    public ComfyProcess process() {
        return process;
    }

    @Override
    public void shutdown() {
        stopping = true;
        super.shutdown();
        ComfyProcess p = process;
        if (p != null) {
            p.stop();
        }
        Ports.release(port);
    }
}
