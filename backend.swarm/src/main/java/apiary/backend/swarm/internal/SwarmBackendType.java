package apiary.backend.swarm.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.backend.swarm.internal.client.RemoteHttp;
import apiary.backend.swarm.internal.client.RemoteSessions;
import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.json.Json;
import apiary.core.api.server.ServerInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code swarmswarmbackend} ("Swarm-API-Backend"): another Apiary or SwarmUI server, reached through its public API,
 * whose backends become children of the entry here: scale-out to many machines behind one front end.
 */
@Component
public final class SwarmBackendType implements BackendType {
    static final BackendTypeInfo INFO = BackendTypeInfo.of(RemoteBackendInfo.SWARM_TYPE, "Swarm-API-Backend",
            "Another Apiary or SwarmUI instance, used through its API: each of its backends becomes a backend here.",
            SwarmSettings.SCHEMA).asStandard().withFastLoad();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Json json;
    private final ServerInfo server;

    /**
     * @param json the server's JSON codec
     * @param server this server's facts (its {@code server_id}, to refuse connecting to itself)
     */
    @Activate
    public SwarmBackendType(@Reference Json json, @Reference ServerInfo server) {
        this.json = json;
        this.server = server;
    }

    @Override
    public BackendTypeInfo info() {
        return INFO;
    }

    @Override
    public Backend create(BackendContext context) {
        SwarmSettings s = new SwarmSettings(context.settings());
        String address = s.address();
        RemoteHttp http = new RemoteHttp(address, s.headers(), json, s.timeout());
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(daemon("apiary-swarm-poll-" + context.id()));
        ExecutorService calls = Executors.newCachedThreadPool(daemon("apiary-swarm-call-" + context.id()));
        return new SwarmBackend(context, s, http, new RemoteSessions(http, server.serverId()), address, poller, calls);
    }

    private static ThreadFactory daemon(String prefix) {
        return r -> {
            Thread t = new Thread(r, prefix + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
