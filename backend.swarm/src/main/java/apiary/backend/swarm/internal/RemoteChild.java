package apiary.backend.swarm.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import apiary.backend.swarm.internal.client.RemoteException;
import apiary.backend.swarm.internal.client.RemoteHttp;
import apiary.backend.swarm.internal.client.RemoteSessions;
import apiary.backend.swarm.internal.generate.FrameRelay;
import apiary.backend.swarm.internal.generate.RemoteRequest;
import apiary.backend.swarm.internal.generate.SocketGeneration;
import apiary.backend.swarm.internal.generate.SocketSpares;
import apiary.core.api.backend.GeneratingBackend;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.t2i.T2IRequest;

/**
 * One backend of the remote server, as a child backend here: generations go to that backend through the remote's
 * API, each with the session of the local user it runs for, so that an interrupt stops exactly that user's work.
 * When the connection breaks mid-job the whole worker is marked lost (its children leave at once) and the job is
 * handed back to run elsewhere, once, with the same seed.
 */
final class RemoteChild implements GeneratingBackend {
    private static final System.Logger LOG = System.getLogger(RemoteChild.class.getName());
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(30);

    private final int remoteId;
    private final RemoteHttp http;
    private final SocketSpares spares;
    private final RemoteSessions sessions;
    private final boolean websocket;
    private final Runnable connectionLost;
    private final Executor calls;

    /**
     * @param remoteId the backend's id on the remote
     * @param http the remote
     * @param spares its generation sockets opened ahead
     * @param sessions our sessions there
     * @param websocket whether to generate over the WebSocket route
     * @param connectionLost tells the parent the remote went away
     * @param calls runs interrupt calls off the interrupting thread
     */
    RemoteChild(int remoteId, RemoteHttp http, SocketSpares spares, RemoteSessions sessions, boolean websocket,
            Runnable connectionLost, Executor calls) {
        this.remoteId = remoteId;
        this.http = http;
        this.spares = spares;
        this.sessions = sessions;
        this.websocket = websocket;
        this.connectionLost = connectionLost;
        this.calls = calls;
    }

    @Override
    public void init() {
        // the parent connected already; a child has nothing of its own to start
    }

    @Override
    public void shutdown() {
        // nothing held: sockets live only as long as one generate call (the parent closes the spares)
    }

    @Override
    public void generate(GenerationJob job) throws Exception {
        String user = job.request().user().id();
        Map<String, Object> body = RemoteRequest.body(job.request(), remoteId);
        FrameRelay relay = new FrameRelay(job, http.base());
        try {
            try {
                runOnce(user, sessions.session(user), body, relay, job);
            } catch (RemoteException e) {
                if (e.kind() != RemoteException.Kind.INVALID_SESSION) {
                    throw e;
                }
                runOnce(user, sessions.renew(user, String.valueOf(body.get("session_id"))), body, relay, job);
            }
        } catch (RemoteException e) {
            if (job.interrupt().isInterrupted()) {
                return;
            }
            if (e.kind() == RemoteException.Kind.UNREACHABLE && relay.outputs() == 0) {
                connectionLost.run();
                throw GenerationException.redirect("The worker at " + http.base() + " was lost during the generation: " + e.getMessage());
            }
            throw new GenerationException("The worker at " + http.base() + " failed: " + e.getMessage(), e);
        }
    }

    private void runOnce(String user, String session, Map<String, Object> body, FrameRelay relay, GenerationJob job)
            throws RemoteException, GenerationException, InterruptedException {
        body.put("session_id", session);
        if (!websocket) {
            try (AutoCloseable hook = job.interrupt().onInterrupt(() -> cancel(user, relay))) {
                Map<String, Object> answer = sessionless(body);
                Object images = answer.get("images");
                if (images instanceof List) {
                    for (Object image : (List<?>) images) {
                        relay.image(image instanceof Map ? String.valueOf(((Map<?, ?>) image).get("image")) : String.valueOf(image), "0");
                    }
                }
            } catch (RemoteException | GenerationException | RuntimeException e) {
                throw e;
            } catch (Exception closeCannotFail) {
                // removing the interrupt hook does not fail
            }
            return;
        }
        SocketGeneration socket = new SocketGeneration(http, spares);
        try (AutoCloseable hook = job.interrupt().onInterrupt(() -> {
            socket.wake();
            cancel(user, relay);
        })) {
            socket.run(body, relay, () -> job.interrupt().isInterrupted());
        } catch (RemoteException | GenerationException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception closeCannotFail) {
            // removing the interrupt hook does not fail
        }
    }

    private Map<String, Object> sessionless(Map<String, Object> body) throws RemoteException {
        return http.post("GenerateText2Image", body, LOAD_LIMIT);
    }

    /**
     * Stops the task on the remote: by its job id where the remote is an Apiary server (only this job stops), else
     * with {@code InterruptAll} on this user's own remote session (only this user's work there stops).
     */
    private void cancel(String user, FrameRelay relay) {
        calls.execute(() -> {
            try {
                String remoteJob = relay.remoteJobId();
                if (remoteJob != null) {
                    try {
                        sessions.call(user, "InterruptJob", Map.of("job_id", Long.parseLong(remoteJob)), http.timeout());
                        return;
                    } catch (RemoteException | NumberFormatException notApiary) {
                        // fall back to the user's session below
                    }
                }
                sessions.call(user, "InterruptAll", Map.of("other_sessions", false), http.timeout());
            } catch (RemoteException e) {
                LOG.log(Level.WARNING, "Interrupting a generation on {0} failed: {1}", http.base(), e.getMessage());
            }
        });
    }

    @Override
    public boolean loadModel(String model, T2IRequest request) throws Exception {
        Map<String, Object> answer = sessions.call(RemoteSessions.SERVICE, "SelectModel",
                Map.of("model", model, "backendId", Integer.toString(remoteId)), LOAD_LIMIT);
        return Boolean.TRUE.equals(answer.get("success"));
    }

    @Override
    public boolean freeMemory(boolean systemRam) {
        try {
            Map<String, Object> answer = sessions.call(RemoteSessions.SERVICE, "FreeBackendMemory",
                    Map.of("system_ram", systemRam, "backend", Integer.toString(remoteId)), http.timeout());
            return Boolean.TRUE.equals(answer.get("result"));
        } catch (RemoteException e) {
            LOG.log(Level.WARNING, "Freeing memory on {0} failed: {1}", http.base(), e.getMessage());
            return false;
        }
    }
}
