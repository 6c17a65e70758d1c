package apiary.backend.swarm.internal;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import apiary.backend.swarm.internal.client.RemoteException;
import apiary.backend.swarm.internal.client.RemoteHttp;
import apiary.backend.swarm.internal.client.RemoteSessions;
import apiary.backend.swarm.internal.generate.SocketSpares;
import apiary.core.api.backend.RefreshableBackend;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendStatus;

/**
 * A {@code swarmswarmbackend} entry: a connection to another Apiary or SwarmUI server whose running backends become
 * non-real children here. It takes no generations itself (max usages 0); its children do. A poller follows the
 * remote: children come and go as the remote's backends do, and all leave while the remote is unreachable (the
 * entry is then idle with AllowIdle, else errored) and return when it answers again. {@code TriggerRefresh} here
 * makes the remote rescan too.
 */
final class SwarmBackend implements RefreshableBackend {
    private static final System.Logger LOG = System.getLogger(SwarmBackend.class.getName());
    static final long POLL_MS = 1000;
    /** Model lists change rarely and cost a call per subtype: refreshed every this many polls. */
    private static final int MODEL_POLLS = 10;

    private final BackendContext context;
    private final SwarmSettings settings;
    private final RemoteHttp http;
    private final RemoteSessions sessions;
    private final String parentTitle;
    private final ScheduledExecutorService poller;
    private final ExecutorService calls;
    private final Children children;
    private final SocketSpares spares;
    private volatile boolean lost;
    private int polls;

    SwarmBackend(BackendContext context, SwarmSettings settings, RemoteHttp http, RemoteSessions sessions, String parentTitle,
            ScheduledExecutorService poller, ExecutorService calls) {
        this.context = context;
        this.settings = settings;
        this.http = http;
        this.sessions = sessions;
        this.parentTitle = parentTitle;
        this.poller = poller;
        this.calls = calls;
        this.spares = new SocketSpares(http);
        this.children = new Children(context, id -> new RemoteChild(id, http, spares, sessions, settings.allowWebsocket(),
                this::connectionLost, calls));
    }

    @Override
    public void init() throws Exception {
        context.setMaxUsages(0);
        context.reportLoadStatus("Connecting to " + http.base() + "...");
        try {
            refresh(true);
        } catch (RemoteException e) {
            if (e.kind() == RemoteException.Kind.UNREACHABLE && settings.allowIdle()) {
                LOG.log(Level.WARNING, "Backend #{0}: {1}; idle until it answers", context.id(), e.getMessage());
                lost = true;
                context.setStatus(BackendStatus.IDLE);
            } else {
                throw new Exception(e.getMessage(), e);
            }
        }
        poller.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        spares.expire();
        try {
            refresh(lost || ++polls % MODEL_POLLS == 0);
            if (lost) {
                lost = false;
                LOG.log(Level.INFO, "Backend #{0}: the remote server at {1} answers again", context.id(), http.base());
                context.setStatus(BackendStatus.RUNNING);
            }
        } catch (RemoteException e) {
            markLost(e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Backend #" + context.id() + ": following the remote failed", e);
        }
    }

    private void refresh(boolean withModels) throws RemoteException {
        Map<String, Object> listed = sessions.call(RemoteSessions.SERVICE, "ListBackends",
                Map.of("nonreal", settings.allowForwarding(), "full_data", true), settings.timeout());
        List<RemoteBackendInfo> usable = RemoteBackendInfo.usable(listed, settings.allowForwarding());
        boolean changed = children.update(usable, parentTitle);
        if (withModels || changed) {
            children.models(RemoteModels.fetch(sessions, settings.timeout()));
        }
    }

    /** A child saw the connection break: take every child out now (on the poller's thread) rather than at the next poll. */
    private void connectionLost() {
        try {
            poller.execute(() -> markLost("the connection broke during a generation"));
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            // the backend is stopping anyway
        }
    }

    private void markLost(String why) {
        if (!lost) {
            LOG.log(Level.WARNING, "Backend #{0}: lost the remote server at {1}: {2}", context.id(), http.base(), why);
        }
        lost = true;
        children.closeAll();
        sessions.forgetAll();
        context.setStatus(settings.allowIdle() ? BackendStatus.IDLE : BackendStatus.ERRORED);
    }

    /** {@code TriggerRefresh}: the remote rescans its models, then the children take the new lists. */
    @Override
    public void refresh() throws Exception {
        sessions.call(RemoteSessions.SERVICE, "TriggerRefresh", Map.of("strong", true), settings.timeout().multipliedBy(4));
        poller.submit(() -> {
            refresh(true);
            return null;
        }).get(settings.timeout().toMillis() * 4, TimeUnit.MILLISECONDS);
    }

    @Override
    public void shutdown() {
        poller.shutdownNow();
        calls.shutdown();
        children.closeAll();
        spares.close();
    }

    @Override
    public boolean freeMemory(boolean systemRam) {
        return false; // each child frees its own remote backend
    }
}
