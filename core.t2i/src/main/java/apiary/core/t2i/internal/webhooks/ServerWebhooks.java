package apiary.core.t2i.internal.webhooks;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import apiary.core.api.server.ServerInfo;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.t2i.internal.generate.QueueHooks;
import apiary.core.t2i.internal.output.TagValues;
import apiary.core.t2i.internal.params.T2IRequestImpl;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * SwarmUI's server-wide webhooks (server settings {@code webhooks.*}, declared with the admin settings): queue start
 * (before the first generation after an idle spell; generations wait for its answer), queue end (once no job has run
 * for {@code queueenddelay} seconds; a new queue start waits for it), every gen (after each saved image, never
 * delaying it), manual gen (images of requests whose {@code webhooks} parameter is {@code Manual}, or once per request
 * for {@code Manual At End}), server start and server shutdown (the shutdown waits for its answer, at most 30 s).
 * Their JSON data may hold SwarmUI's {@code %tag%}s; {@code %image%} is the image's address under
 * {@code network.externalurl}. Each is called once; a failure is logged, never retried.
 */
@Component(service = {QueueHooks.class, ServerSettingsContributor.class}, immediate = true,
        property = ServerSettingsContributor.ORDER + ":Integer=611")
public final class ServerWebhooks implements QueueHooks, ServerSettingsContributor {
    private static final System.Logger LOG = System.getLogger(ServerWebhooks.class.getName());
    static final T2IParamKey<String> PREFERENCE = T2IParamKey.text("webhooks");
    static final SettingDef EXTERNAL_URL = SettingDef.text("ExternalURL", "",
            "The address users reach this server at (for example https://art.example.com), used in webhooks' %image%; "
                    + "empty: http://localhost:<port>.");
    private static final SettingDef TEXT = SettingDef.text("Hook", "", "");
    private static final SettingDef DELAY = SettingDef.decimal("QueueEndDelay", 1, "");

    private final ServerSettings settings;
    private final ServerInfo server;
    private final BundleContext context;
    private final WebhookSender sender;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "apiary-server-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final ServerStart start;
    private int active;
    private boolean generating;
    private CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> pendingEnd;

    /**
     * @param settings the webhook settings
     * @param server the port, for the default external address
     * @param context tells a server start from a bundle restart
     */
    @Activate
    public ServerWebhooks(@Reference ServerSettings settings, @Reference ServerInfo server, BundleContext context) {
        this.settings = settings;
        this.server = server;
        this.context = context;
        this.sender = new WebhookSender(timer, 1000);
        // null: a bundle restart in a running server, not a server start
        this.start = ServerStart.watch(context, () -> post("serverstartwebhook"));
    }

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("Network", "Settings related to networking and the webserver.", EXTERNAL_URL));
    }

    @Deactivate
    void stop() {
        if (start != null) {
            start.stop();
        }
        if (context.getBundle(0).getState() == Bundle.STOPPING) {
            try {
                post("servershutdownwebhook").get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                LOG.log(Level.WARNING, "The server shutdown webhook did not answer in time");
            }
        }
        timer.shutdownNow();
    }

    @Override
    public synchronized CompletableFuture<Void> jobStarting() {
        active++;
        if (pendingEnd != null) {
            pendingEnd.cancel(false);
            pendingEnd = null;
        }
        if (!generating) {
            generating = true;
            gate = gate.thenCompose(x -> post("queuestartwebhook"));
        }
        return gate;
    }

    @Override
    public synchronized void jobEnded(T2IRequestImpl request) {
        active = Math.max(0, active - 1);
        if ("Manual At End".equals(request.get(PREFERENCE).orElse("Normal"))) {
            post("manualgenwebhook", request, null, null);
        }
        if (active == 0 && generating && pendingEnd == null) {
            double delay = ((Number) settings.get("webhooks.queueenddelay", DELAY)).doubleValue();
            pendingEnd = timer.schedule(this::idle, Math.max(0, (long) (delay * 1000)), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void idle() {
        pendingEnd = null;
        if (active == 0 && generating) {
            generating = false;
            gate = gate.thenCompose(x -> post("queueendwebhook"));
        }
    }

    @Override
    public void imageSaved(T2IRequestImpl params, String batchId, String url) {
        String preference = params.get(PREFERENCE).orElse("Normal");
        if ("None".equals(preference)) {
            return;
        }
        post("everygenwebhook", params, batchId, url);
        if ("Manual".equals(preference)) {
            post("manualgenwebhook", params, batchId, url);
        }
    }

    private CompletableFuture<Void> post(String hook) {
        return post(hook, null, null, null);
    }

    /** Calls one hook if its address is set; the body is its data, with tags filled when an image is known. */
    private CompletableFuture<Void> post(String hook, T2IRequestImpl params, String batchId, String url) {
        String address = String.valueOf(settings.get("webhooks." + hook, TEXT)).trim();
        if (address.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String data = String.valueOf(settings.get("webhooks." + hook + "data", TEXT));
        String body = params == null ? HookTemplate.fill(data, t -> null)
                : HookTemplate.fill(data, tag -> tag.equals("image") ? imageAddress(url) : TagValues.of(tag, params, batchId));
        try {
            LOG.log(Level.DEBUG, "Calling the {0} at {1}", hook, address);
            return sender.postOnce(URI.create(address), body.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "The {0} address ''{1}'' is not a valid URL", hook, address);
            return CompletableFuture.completedFuture(null);
        }
    }

    private String imageAddress(String url) {
        if (url == null) {
            return null;
        }
        if (url.startsWith("data:")) {
            return url;
        }
        String external = String.valueOf(settings.get("network.externalurl", EXTERNAL_URL)).trim();
        String base = external.isEmpty() ? "http://localhost:" + server.port() : external.replaceAll("/+$", "");
        return base + (url.startsWith("/") ? url : "/" + url).replace(" ", "%20");
    }
}
