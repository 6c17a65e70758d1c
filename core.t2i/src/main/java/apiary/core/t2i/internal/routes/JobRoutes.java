package apiary.core.t2i.internal.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import apiary.core.api.json.Json;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.session.Session;
import apiary.core.t2i.internal.jobs.JobAccess;
import apiary.core.t2i.internal.jobs.JobLedger;
import apiary.core.t2i.internal.jobs.JobRow;
import apiary.core.t2i.internal.jobs.JobSubscription;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Apiary's job routes (beyond SwarmUI): every generation request is a job with an id (the {@code request_id} of its
 * frames); list them, reattach to one from an event number, interrupt one, or all but one, and read usage.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = JobRoutes.AREA, description = JobRoutes.DESCRIPTION)
public final class JobRoutes implements RouteProvider {
    static final String AREA = "ApiaryJobsAPI";
    static final String DESCRIPTION = "Apiary's generation jobs: list, reattach, per-job interrupt, usage and quotas.";

    private final JobAccess access;
    private final JobLedger ledger;
    private final Json json;

    /**
     * @param access the live and recorded jobs, with the caller's rights
     * @param ledger the durable ledger
     * @param json serialises replayed frames
     */
    @Activate
    public JobRoutes(@Reference JobAccess access, @Reference JobLedger ledger, @Reference Json json) {
        this.access = access;
        this.ledger = ledger;
        this.json = json;
    }

    /** @return the jobs */
    @Route(permission = "basic_image_generation", description = "Lists the caller's generation jobs, newest first "
            + "(with all=true and the permission interrupt_others: everyone's).",
            returns = "\"jobs\": [ { \"job_id\": 1, \"user_id\": \"local\", \"state\": \"running\", \"images\": 4, \"images_done\": 1, "
                    + "\"error\": null, \"created\": 0, \"started\": 0, \"finished\": 0, \"live\": true } ]")
    public Map<String, Object> ListJobs(Session session,
            @Param(defaultValue = "False", description = "Everyone's jobs (needs interrupt_others).") boolean all,
            @Param(defaultValue = "100", description = "How many, 1 to 1000.") int limit) {
        if (all) {
            access.requireManageAll(session.user());
        }
        List<Object> out = new ArrayList<>();
        for (JobRow j : ledger.jobs(all ? null : session.user().id(), Math.max(1, Math.min(1000, limit)))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("job_id", j.id());
            m.put("user_id", j.userId());
            m.put("state", j.state());
            m.put("images", j.images());
            m.put("images_done", j.imagesDone());
            m.put("error", j.error());
            m.put("created", j.created());
            m.put("started", j.started());
            m.put("finished", j.finished());
            m.put("live", access.isLive(j.id()));
            out.add(m);
        }
        return Map.of("jobs", out);
    }

    /** @return success */
    @Route(permission = "basic_image_generation", userUpdate = true,
            description = "Interrupts one job (the caller's own; anyone's with interrupt_others); the caller's other jobs go on.",
            returns = "\"success\": true")
    public Map<String, Object> InterruptJob(Session session, @Param(description = "The job id.") long job_id) {
        access.interrupt(session.user(), job_id);
        return Map.of("success", true);
    }

    /** @return how many jobs were interrupted */
    @Route(permission = "basic_image_generation", userUpdate = true,
            description = "Interrupts every running job of the caller except one: the given job, or else the oldest running one.",
            returns = "\"interrupted\": 2, \"kept\": 17")
    public Map<String, Object> InterruptOtherJobs(Session session,
            @Param(defaultValue = "-1", description = "The job to keep; -1 keeps the oldest running job.") long keep_job_id) {
        return access.interruptOthers(session.user(), keep_job_id);
    }

    /** @return the last frame */
    @Route(permission = "basic_image_generation", description = "Reattaches to a job's frames over a WebSocket: the "
            + "frames after the given event number are replayed (progress and previews as their latest), then new ones "
            + "follow live; each carries job_seq. Ends with job_done when the job is over. The socket that submitted the "
            + "job may have closed long ago.",
            returns = "(GenerateText2ImageWS frames, each with \"job_seq\": n)\n\"job_done\": { \"job_id\": 1, \"state\": \"done\" }")
    public CompletionStage<Object> SubscribeJobWS(Session session, WebSocketChannel socket,
            @Param(description = "The job id.") long job_id,
            @Param(defaultValue = "0", description = "Replay events after this number (0: from the start).") long after_seq) {
        try {
            return new JobSubscription(access, ledger, json).start(session.user(), socket, job_id, after_seq);
        } catch (ApiError e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** @return the secret */
    @Route(permission = "basic_image_generation", description = "The caller's webhook secret: job webhooks carry "
            + "X-Apiary-Signature: sha256=<hex HMAC-SHA256 of the body with this secret>.",
            returns = "\"secret\": \"<64 hex characters>\"")
    public Map<String, Object> GetWebhookSecret(Session session) {
        return Map.of("secret", ledger.webhookSecret(session.user().id()));
    }

    /** @return usage rows */
    @Route(permission = "basic_image_generation", description = "The caller's usage: images and backend seconds per "
            + "day, model and backend (with all=true and read_server_info_panels: everyone's).",
            returns = "\"usage\": [ { \"day\": \"2025-01-02\", \"user_id\": \"local\", \"model\": \"...\", \"backend_id\": 0, \"images\": 4, \"backend_seconds\": 1.5 } ]")
    public Map<String, Object> GetUsage(Session session,
            @Param(defaultValue = "False", description = "Everyone's usage (needs read_server_info_panels).") boolean all) {
        if (all && !session.user().hasPermission(JobAccess.VIEW_ALL_USAGE)) {
            throw new ApiError("You lack permission to see everyone's usage.");
        }
        List<Object> out = new ArrayList<>();
        for (JobLedger.Usage u : ledger.usage(all ? null : session.user().id())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("day", u.day());
            m.put("user_id", u.userId());
            m.put("model", u.model());
            m.put("backend_id", u.backendId());
            m.put("images", u.images());
            m.put("backend_seconds", u.backendMillis() / 1000.0);
            out.add(m);
        }
        return Map.of("usage", out);
    }
}
