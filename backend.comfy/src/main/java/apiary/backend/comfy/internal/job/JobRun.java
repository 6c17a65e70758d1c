package apiary.backend.comfy.internal.job;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import apiary.backend.comfy.internal.client.BinaryFrames;
import apiary.backend.comfy.internal.client.ComfyException;
import apiary.backend.comfy.internal.client.ComfyHttp;
import apiary.backend.comfy.internal.client.ComfySocket;
import apiary.backend.comfy.internal.workflow.Workflow;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.json.Json;
import apiary.core.api.t2i.CoreParams;

/**
 * Runs one workflow on one ComfyUI server (SwarmUI's {@code AwaitJobLive}, behaviour §B.4): socket first, then
 * {@code POST /prompt}; frames of this prompt turned into progress, previews and WebSocket outputs; the other images
 * read through {@code /history} and {@code /view}; the history entry removed afterwards. An interrupt deletes the
 * prompt from the queue and interrupts exactly this prompt if it runs. A server that dies is noticed from the
 * socket at once; one that hangs, by a probe after a few silent seconds.
 */
public final class JobRun {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration HTTP = Duration.ofSeconds(30);
    private static final Duration PROBE = Duration.ofSeconds(4);
    private static final long SILENCE_BEFORE_PROBE_MS = 3000;

    private final ComfyHttp http;
    private final Json json;
    private final GenerationJob job;
    private final Workflow workflow;
    private final Set<String> socketSavers = new HashSet<>();
    private final AtomicBoolean interruptRequested = new AtomicBoolean();
    private final JobProgress progress;
    private String promptId;
    private boolean started;
    private boolean interrupted;
    private String currentNode;
    private String executionError;
    private FetchedFile afterFetch = (type, subfolder, name) -> { };

    /**
     * @param http the server
     * @param json the JSON codec
     * @param job the job to report to
     * @param workflow the graph to run
     */
    public JobRun(ComfyHttp http, Json json, GenerationJob job, Workflow workflow) {
        this.http = http;
        this.json = json;
        this.job = job;
        this.workflow = workflow;
        this.progress = new JobProgress(workflow.graph().size());
        workflow.graph().forEach((id, node) -> {
            Object type = node instanceof Map ? ((Map<?, ?>) node).get("class_type") : null;
            if ("SaveImageWebsocket".equals(type) || "SwarmSaveImageWS".equals(type)) {
                socketSavers.add(id);
            }
        });
    }

    /**
     * @param action told of every file fetched through {@code /view} (a self-started ComfyUI's are deleted then)
     * @return this
     */
    public JobRun afterFetch(FetchedFile action) {
        this.afterFetch = action;
        return this;
    }

    /**
     * @throws ComfyException when the server cannot be reached before the prompt was accepted
     * @throws GenerationException with a user-facing message for every failure after that
     * @throws InterruptedException when the thread is interrupted
     */
    public void run() throws ComfyException, GenerationException, InterruptedException {
        try (ComfySocket socket = ComfySocket.open(http, json, Duration.ofSeconds(10));
             AutoCloseable onInterrupt = job.interrupt().onInterrupt(() -> {
                 interruptRequested.set(true);
                 socket.wake();
             })) {
            submit(socket.clientId());
            receive(socket);
            if (executionError != null) {
                cleanHistory();
                throw new GenerationException("ComfyUI execution error: " + executionError.strip());
            }
            if (!interrupted) {
                collectHistoryOutputs();
            }
            cleanHistory();
        } catch (ComfyException | GenerationException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new GenerationException("The ComfyUI job failed: " + e.getMessage(), e);
        }
    }

    private void submit(String clientId) throws ComfyException, GenerationException {
        ComfyHttp.Answer a = http.postJson("/prompt", Map.of("prompt", workflow.graph(), "client_id", clientId), HTTP);
        if (!(a.json instanceof Map)) {
            throw new GenerationException("ComfyUI errored: it answered the prompt with HTTP " + a.status + " and no JSON object.");
        }
        Map<?, ?> body = (Map<?, ?>) a.json;
        if (body.containsKey("error")) {
            throw new GenerationException(ErrorText.of(body));
        }
        if (!(body.get("prompt_id") instanceof String)) {
            throw new GenerationException("ComfyUI errored: its answer to the prompt has no prompt_id.");
        }
        promptId = (String) body.get("prompt_id");
    }

    private void receive(ComfySocket socket) throws InterruptedException, GenerationException {
        long lastFrame = System.currentTimeMillis();
        boolean interruptSent = false;
        while (true) {
            if (interruptRequested.get() && !interruptSent) {
                interruptSent = true;
                sendInterrupt();
                if (!started) {
                    // It was still queued: deleted now, so no more frames will come for it.
                    interrupted = true;
                    return;
                }
            }
            ComfySocket.Frame f = socket.next(POLL);
            if (f != null && f.garbage) {
                sendInterrupt(); // the server still answers: do not leave the abandoned prompt running there
                throw new GenerationException("ComfyUI sent a WebSocket message that is not ComfyUI's JSON; the generation was abandoned.");
            }
            if (f == null || (f.text == null && f.binary == null && f.closed == null)) {
                if (System.currentTimeMillis() - lastFrame > SILENCE_BEFORE_PROBE_MS) {
                    probe();
                    lastFrame = System.currentTimeMillis();
                }
                continue;
            }
            lastFrame = System.currentTimeMillis();
            if (f.closed != null) {
                throw new GenerationException("ComfyUI stopped during the generation (" + f.closed
                        + "); the image was not made. Please try again.");
            }
            if (f.binary != null) {
                binary(f.binary);
            } else if (text(f.text)) {
                return;
            }
        }
    }

    /** @return whether the job is over */
    private boolean text(Map<String, Object> m) {
        Object type = m.get("type");
        if (!(m.get("data") instanceof Map)) {
            return false;
        }
        Map<?, ?> data = (Map<?, ?>) m.get("data");
        if (data.containsKey("prompt_id") && !promptId.equals(data.get("prompt_id"))) {
            return false;
        }
        if ("execution_start".equals(type)) {
            started = true;
        } else if ("execution_cached".equals(type) && data.get("nodes") instanceof List) {
            progress.cached(((List<?>) data.get("nodes")).size());
            report();
        } else if ("executing".equals(type) && data.containsKey("prompt_id")) {
            if (data.get("node") == null) {
                return true;
            }
            currentNode = String.valueOf(data.get("node"));
            progress.nodeStarted();
            report();
        } else if ("progress".equals(type) && data.get("value") instanceof Number && data.get("max") instanceof Number) {
            progress.step(((Number) data.get("value")).doubleValue(), ((Number) data.get("max")).doubleValue());
            if (data.get("node") != null) {
                currentNode = String.valueOf(data.get("node"));
            }
            report();
        } else if ("executed".equals(type)) {
            progress.allNodesDone();
            report();
        } else if ("execution_error".equals(type)) {
            Object message = data.get("exception_message");
            executionError = message == null ? "unknown error" : String.valueOf(message);
        } else if ("execution_interrupted".equals(type)) {
            interrupted = true;
        }
        return false;
    }

    private void binary(byte[] frame) {
        BinaryFrames.Image image = BinaryFrames.parse(frame, json);
        if (image == null) {
            return;
        }
        String node = image.nodeId != null ? image.nodeId : currentNode;
        if (node != null && socketSavers.contains(node)) {
            deliver(node, image.data, image.mediaType);
        } else if (!Boolean.TRUE.equals(job.request().getOrDefault(CoreParams.NO_PREVIEWS))) {
            job.preview(image.data, image.mediaType);
        }
    }

    private void deliver(String node, byte[] data, String mediaType) {
        if (workflow.isReal(node)) {
            job.output(data, mediaType);
        } else {
            job.intermediateOutput(data, mediaType);
        }
    }

    private void report() {
        job.progress(progress.overall(), progress.current());
    }

    private void sendInterrupt() {
        try {
            http.postJson("/queue", Map.of("delete", List.of(promptId)), HTTP);
            http.postJson("/interrupt", Map.of("prompt_id", promptId), HTTP);
        } catch (ComfyException e) {
            // The server is going away anyway; the socket tells the loop.
        }
    }

    private void probe() throws GenerationException {
        try {
            http.getJson("/prompt", PROBE);
        } catch (ComfyException e) {
            throw new GenerationException("ComfyUI stopped responding during the generation; the image was not made.", e);
        }
    }

    private void collectHistoryOutputs() throws ComfyException, GenerationException {
        Object h = http.getJson("/history/" + promptId, HTTP);
        Object entry = h instanceof Map ? ((Map<?, ?>) h).get(promptId) : null;
        if (!(entry instanceof Map)) {
            return;
        }
        Map<?, ?> e = (Map<?, ?>) entry;
        if (e.get("status") instanceof Map && ((Map<?, ?>) e.get("status")).get("messages") instanceof List) {
            for (Object msg : (List<?>) ((Map<?, ?>) e.get("status")).get("messages")) {
                if (msg instanceof List && ((List<?>) msg).size() == 2 && "execution_error".equals(((List<?>) msg).get(0))
                        && ((List<?>) msg).get(1) instanceof Map) {
                    throw new GenerationException("ComfyUI execution error: "
                            + String.valueOf(((Map<?, ?>) ((List<?>) msg).get(1)).get("exception_message")).strip());
                }
            }
        }
        if (!(e.get("outputs") instanceof Map)) {
            return;
        }
        for (Map.Entry<?, ?> out : ((Map<?, ?>) e.get("outputs")).entrySet()) {
            if (!(out.getValue() instanceof Map)) {
                continue;
            }
            for (String kind : List.of("images", "gifs")) {
                Object files = ((Map<?, ?>) out.getValue()).get(kind);
                if (!(files instanceof List)) {
                    continue;
                }
                for (Object file : (List<?>) files) {
                    if (file instanceof Map && ((Map<?, ?>) file).get("filename") instanceof String) {
                        Map<?, ?> fm = (Map<?, ?>) file;
                        String name = (String) fm.get("filename");
                        String subfolder = String.valueOf(fm.get("subfolder") == null ? "" : fm.get("subfolder"));
                        String type = String.valueOf(fm.get("type") == null ? "output" : fm.get("type"));
                        deliver(String.valueOf(out.getKey()), http.view(name, subfolder, type, HTTP), MediaTypes.of(name));
                        afterFetch.fetched(type, subfolder, name);
                    }
                }
            }
        }
    }

    private void cleanHistory() {
        if (promptId == null || Boolean.TRUE.equals(job.request().getOrDefault(CoreParams.NO_INTERNAL_SPECIAL_HANDLING))) {
            return;
        }
        try {
            http.postJson("/history", Map.of("delete", List.of(promptId)), HTTP);
        } catch (ComfyException e) {
            // Cleaning up is best effort: the outputs are already delivered.
        }
    }
}
