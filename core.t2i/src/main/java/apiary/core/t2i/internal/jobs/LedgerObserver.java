package apiary.core.t2i.internal.jobs;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import apiary.core.api.json.Json;
import apiary.core.api.route.ApiError;
import apiary.core.api.session.Session;
import apiary.core.t2i.internal.generate.GenerationService;
import apiary.core.t2i.internal.generate.JobObserver;
import apiary.core.t2i.internal.params.T2IRequestImpl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Records every job in the durable ledger and in the live-job table, and meters usage per day (UTC), user, model and
 * backend. A job records and saves only while this front end holds the lease it was recorded under: once the front
 * end fenced itself (or is shutting down) the job's further progress is dropped, exactly as if the process had died,
 * so that whoever takes the job over makes each of its images once.
 */
@Component(service = JobObserver.class)
public final class LedgerObserver implements JobObserver {
    /** A job this front end runs: its owner and the front-end id it was recorded under. */
    private record Runner(String userId, String frontEnd) {
    }

    private final JobLedger ledger;
    private final LiveJobs live;
    private final Json json;
    private final FrontEnds frontEnds;
    private final JobWebhooks webhooks;
    private final JobQuotas quotas;
    private final Map<Long, Runner> runners = new ConcurrentHashMap<>();
    private final Consumer<String> onFence = this::fenced;
    private volatile boolean closed;

    /**
     * @param ledger the durable ledger
     * @param live the live jobs
     * @param json JSON for outputs
     * @param frontEnds this front end's lease
     * @param webhooks per-request webhooks
     * @param quotas per-role daily quotas
     */
    @Activate
    public LedgerObserver(@Reference JobLedger ledger, @Reference LiveJobs live, @Reference Json json, @Reference FrontEnds frontEnds,
            @Reference JobWebhooks webhooks, @Reference JobQuotas quotas) {
        this.webhooks = webhooks;
        this.ledger = ledger;
        this.live = live;
        this.json = json;
        this.frontEnds = frontEnds;
        this.quotas = quotas;
        frontEnds.onFence(onFence);
    }

    @Deactivate
    void stop() {
        // From now on nothing of the running jobs is recorded or saved: the next owner of the ledger resumes them.
        closed = true;
        frontEnds.removeFenceListener(onFence);
    }

    /** The webhook checked for the request being submitted on this thread, until its job id exists. */
    private final ThreadLocal<java.net.URI> checked = new ThreadLocal<>();

    @Override
    public void check(Session session, T2IRequestImpl request) {
        if (closed || !frontEnds.accepting()) {
            throw new ApiError("This server cannot record jobs right now (it is stopping, or lost its job database); try again shortly.");
        }
        quotas.check(session.user(), request);
        checked.set(webhooks.check(request));
    }

    @Override
    public void created(long jobId, String userId, String requestJson, int images, int batchSize, long[] seeds) {
        String frontEnd = frontEnds.id();
        runners.put(jobId, new Runner(userId, frontEnd));
        ledger.created(jobId, userId, requestJson, images, batchSize, seeds, frontEnd);
        webhooks.register(jobId, checked.get());
        checked.remove();
    }

    @Override
    public void resumed(long jobId, String userId, T2IRequestImpl request) {
        runners.put(jobId, new Runner(userId, frontEnds.id()));
        try {
            webhooks.register(jobId, webhooks.check(request));
        } catch (ApiError e) {
            // The host is no longer allowed: the job runs on, nobody is called.
        }
    }

    @Override
    public void started(String userId, GenerationService.Job job) {
        live.add(userId, job);
    }

    @Override
    public boolean mayCommit(long jobId) {
        Runner r = runners.get(jobId);
        return !closed && r != null && frontEnds.valid(r.frontEnd());
    }

    @Override
    public void taskStarted(long jobId, int task, int backendId) {
        if (mayCommit(jobId)) {
            ledger.taskStarted(jobId, task, backendId);
        }
    }

    @Override
    public void taskFinished(long jobId, String userId, int task, String state, List<String> outputs, String error,
            int backendId, String model, long backendMillis) {
        if (!mayCommit(jobId)) {
            return;
        }
        JobLedger.Usage usage = backendId < 0 ? null
                : new JobLedger.Usage(LocalDate.now(ZoneOffset.UTC).toString(), userId, model, backendId, outputs.size(), backendMillis);
        ledger.taskFinished(jobId, task, state, json.write(outputs), error, usage);
        webhooks.images(jobId, task, outputs);
    }

    @Override
    public void finished(long jobId, String state, String error) {
        boolean commit = mayCommit(jobId);
        Runner r = runners.remove(jobId);
        if (!commit) {
            webhooks.forget(jobId);
            return;
        }
        ledger.finished(jobId, state, error);
        if (r != null) {
            webhooks.finished(jobId, r.userId(), state);
        }
    }

    /** The front end fenced itself: the jobs recorded under its old id stop here (another front end takes them). */
    private void fenced(String oldId) {
        for (Map.Entry<Long, Runner> e : runners.entrySet()) {
            if (e.getValue().frontEnd().equals(oldId)) {
                live.find(e.getKey()).ifPresent(l -> l.job().cancel().run());
            }
        }
    }
}
