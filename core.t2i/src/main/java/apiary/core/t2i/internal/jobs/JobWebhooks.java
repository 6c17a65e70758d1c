package apiary.core.t2i.internal.jobs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import apiary.core.api.json.Json;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.t2i.internal.params.T2IRequestImpl;
import apiary.core.t2i.internal.webhooks.WebhookHosts;
import apiary.core.t2i.internal.webhooks.WebhookSender;
import apiary.core.t2i.internal.webhooks.WebhookSigner;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Per-request webhooks ({@code jobwebhookurl}): the address is checked against the allowed hosts before the job
 * starts; when the job ends, its id, state and image URLs are POSTed, signed with the owner's secret, retried with
 * backoff, on threads of their own (never delaying a generation).
 */
@Component(service = JobWebhooks.class)
public final class JobWebhooks {
    static final T2IParamKey<String> URL = T2IParamKey.text("jobwebhookurl");
    static final SettingDef ALLOWED = SettingDef.text("JobWebhookAllowedHosts", "",
            "Hosts per-request job webhooks may call, comma-separated (* for any); empty allows none.");

    private final ServerSettings settings;
    private final JobLedger ledger;
    private final Json json;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "apiary-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final WebhookSender sender = new WebhookSender(timer, 1000);
    private final Map<Long, URI> targets = new ConcurrentHashMap<>();
    private final Map<Long, Map<Integer, List<String>>> images = new ConcurrentHashMap<>();

    /**
     * @param settings the allowed hosts
     * @param ledger the users' secrets
     * @param json the body
     */
    @Activate
    public JobWebhooks(@Reference ServerSettings settings, @Reference JobLedger ledger, @Reference Json json) {
        this.settings = settings;
        this.ledger = ledger;
        this.json = json;
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    /** @return the URI to call when the job ends, checked; null when the request names none */
    URI check(T2IRequestImpl request) {
        String url = request.get(URL).orElse("");
        if (url.isBlank()) {
            return null;
        }
        return WebhookHosts.check(url, String.valueOf(settings.get("webhooks.jobwebhookallowedhosts", ALLOWED)));
    }

    void register(long jobId, URI target) {
        if (target != null) {
            targets.put(jobId, target);
            images.put(jobId, new java.util.TreeMap<>());
        }
    }

    /** @param task the task index (the body lists images in task order, whatever order the tasks ended in) */
    void images(long jobId, int task, List<String> urls) {
        Map<Integer, List<String>> byTask = images.get(jobId);
        if (byTask != null) {
            synchronized (byTask) {
                byTask.put(task, List.copyOf(urls));
            }
        }
    }

    /** The job ends elsewhere (another front end took it over): its webhook is that front end's to call. */
    void forget(long jobId) {
        targets.remove(jobId);
        images.remove(jobId);
    }

    void finished(long jobId, String userId, String state) {
        URI target = targets.remove(jobId);
        Map<Integer, List<String>> byTask = images.remove(jobId);
        if (target == null) {
            return;
        }
        List<String> urls = new ArrayList<>();
        synchronized (byTask) {
            byTask.values().forEach(urls::addAll);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", jobId);
        body.put("user_id", userId);
        body.put("state", state);
        body.put("images", urls);
        byte[] bytes = json.write(body).getBytes(StandardCharsets.UTF_8);
        sender.send(target, bytes, WebhookSigner.sign(ledger.webhookSecret(userId), bytes));
    }
}
