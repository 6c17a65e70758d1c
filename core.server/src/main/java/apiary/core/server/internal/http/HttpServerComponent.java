package apiary.core.server.internal.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;

import apiary.core.api.log.LogLevel;
import apiary.core.api.log.ServerLog;
import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.server.ServerInfo;
import apiary.core.api.session.SessionService;
import apiary.core.api.settings.ServerSettings;
import apiary.core.server.internal.dispatch.ApiHttpHandler;
import apiary.core.server.internal.dispatch.ApiPipeline;
import apiary.core.server.internal.db.DatabaseState;
import apiary.core.server.internal.dispatch.ApiWebSocketUpgrade;
import apiary.core.server.internal.proxy.ProxyRoutes;
import apiary.core.server.internal.openapi.OpenApiDocument;
import apiary.core.server.internal.route.RouteDefinition;
import apiary.core.server.internal.route.RouteRegistry;
import apiary.core.server.internal.settings.NetworkSettings;
import apiary.core.server.internal.web.ExtensionFileHandler;
import apiary.core.server.internal.web.WebFileRoutes;
import apiary.core.server.internal.web.ExtensionFiles;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Runs the embedded Jetty server on {@code apiary.host}:{@code apiary.port} (framework properties; defaults
 * 127.0.0.1:7801, SwarmUI's port) and publishes {@link ServerInfo} once it listens.
 */
@Component(immediate = true)
public final class HttpServerComponent {
    /** Framework property: address to listen on. */
    public static final String HOST_PROPERTY = "apiary.host";
    /** Framework property: port to listen on; 0 picks a free one. */
    public static final String PORT_PROPERTY = "apiary.port";
    /** Framework property: request body limit in MiB when no server setting says otherwise. */
    public static final String MAX_REQUEST_MB_PROPERTY = "apiary.maxRequestMegabytes";

    private final Server server;
    private final ServerConnector connector;
    /** Framework property: seconds start-up may wait for components before accepting anyway (default 10). */
    public static final String READY_TIMEOUT_PROPERTY = "apiary.http.readyTimeoutSeconds";

    /** Framework property: the highest start level whose bundles the server needs before it answers (default 1). */
    public static final String CORE_START_LEVEL_PROPERTY = "apiary.http.coreStartLevel";
    /** Requests that may wait at once for the bundles still starting. */
    private static final int STARTUP_HOLD_CAPACITY = 512;

    private final Readiness readiness;
    private final StartupHold startup;
    private final RootHandler root;
    private final String listenMessage;
    private final ServerLog log;
    private final BundleContext context;
    private boolean accepting;
    private final ExtensionFiles extensionFiles;
    private final ServiceRegistration<ServerInfo> infoRegistration;
    private final long defaultMaxRequestMegabytes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SessionService sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerSettings settings;

    /**
     * Starts Jetty.
     *
     * @param context this bundle's context
     * @param routes the route registry
     * @param permissions the permission registry
     * @param log the server log; required so that it collects Jetty's start-up messages too
     * @param webFiles the bundles' GET file routes
     * @param components Declarative Services' runtime, to tell when every bundle's components are up
     * @param database whether the database is open, for the answers given while it is not
     * @param proxies the bundles' proxy targets ({@code /ComfyBackendDirect/})
     * @throws Exception when Jetty cannot start (e.g. the port is taken)
     */
    @Activate
    public HttpServerComponent(BundleContext context, @Reference RouteRegistry routes,
            @Reference PermissionRegistry permissions, @Reference ServerLog log, @Reference WebFileRoutes webFiles,
            @Reference ServiceComponentRuntime components, @Reference DatabaseState database,
            @Reference ProxyRoutes proxies) throws Exception {
        this.context = context;
        this.log = log;
        String host = property(context, HOST_PROPERTY, "127.0.0.1");
        int port = Integer.parseInt(property(context, PORT_PROPERTY, "7801"));
        defaultMaxRequestMegabytes = Long.parseLong(property(context, MAX_REQUEST_MB_PROPERTY, "200"));
        Path dataDir = Path.of(property(context, ServerInfo.DATA_DIR_PROPERTY, "Data")).toAbsolutePath();
        String version = context.getBundle().getVersion().toString().replace(".SNAPSHOT", "");

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("apiary-http");
        server = new Server(threads);
        HttpLimits limits = HttpLimits.from(context);
        connector = limits.connector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.setErrorHandler(new SafeErrorHandler());

        ApiPipeline pipeline = new ApiPipeline(routes, permissions, () -> sessions);
        ApiHttpHandler api = new ApiHttpHandler(pipeline, this::maxRequestBytes, limits.requestMemory(), server.getScheduler());
        ApiWebSocketUpgrade webSocket = new ApiWebSocketUpgrade(server, pipeline, this::maxRequestBytes);
        extensionFiles = new ExtensionFiles(context);
        extensionFiles.open();
        startup = new StartupHold(STARTUP_HOLD_CAPACITY,
                name -> name.indexOf('/') < 0 && isSessionless(routes.table().find(name)), threads);
        root = new RootHandler(api, webSocket, () -> OpenApiDocument.build(routes.snapshot(), version),
                new NetworkGate(() -> settings, database), new ExtensionFileHandler(extensionFiles), webFiles,
                proxies, startup);
        server.setHandler(root);
        server.start();
        // Bound now (the port is known and early clients wait in the listen backlog), accepting once the core's
        // bundles are up; what the other bundles answer waits in the start-up hold until they are up too, so whoever
        // gets an answer sees every extension, not just the core.
        connector.open();
        int actualPort = connector.getLocalPort();
        listenMessage = "Apiary " + version + " listening on http://" + host + ":" + actualPort;
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("apiary.http.port", actualPort);
        infoRegistration = context.registerService(ServerInfo.class, new ServerInfoImpl(version, dataDir, actualPort), props);
        readiness = new Readiness(context, components,
                Duration.ofSeconds(Long.parseLong(property(context, READY_TIMEOUT_PROPERTY, "10"))), server.getScheduler(),
                Integer.parseInt(property(context, CORE_START_LEVEL_PROPERTY, "1")), this::accept, () -> startup.release(root));
        readiness.start();
    }

    private synchronized void accept() {
        if (accepting) {
            return;
        }
        try {
            server.addConnector(connector);
            if (!connector.isStarted()) {
                connector.start();
            }
            accepting = true;
            log.log(LogLevel.INIT, listenMessage);
        } catch (Exception e) {
            log.log(LogLevel.ERROR, "Cannot accept connections on " + listenMessage.substring(listenMessage.indexOf("http")) + ": " + e);
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        readiness.stop();
        infoRegistration.unregister();
        server.stop();
        connector.close();
        extensionFiles.close();
    }

    private long maxRequestBytes() {
        long megabytes = defaultMaxRequestMegabytes;
        ServerSettings s = settings;
        if (s != null) {
            try {
                megabytes = s.getLong(NetworkSettings.MAX_REQUEST_MEGABYTES);
            } catch (RuntimeException e) {
                // Not declared (yet): keep the framework default.
            }
        }
        return megabytes * 1024 * 1024;
    }

    /** Sessionless routes (GetNewSession, Login) are what a start-up may answer before every bundle is up. */
    private static boolean isSessionless(RouteDefinition route) {
        return route != null && route.sessionless();
    }

    private static String property(BundleContext context, String key, String fallback) {
        String v = context.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
