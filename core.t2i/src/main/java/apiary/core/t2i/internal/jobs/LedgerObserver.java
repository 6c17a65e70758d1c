package apiary.core.t2i.internal.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import apiary.core.api.json.Json;
import apiary.core.api.server.ServerInfo;
import apiary.core.t2i.internal.generate.GenerationService;
import apiary.core.t2i.internal.generate.JobObserver;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Records every job in the durable ledger and in the live-job table, and meters usage per day, user, model and backend. */
@Component(service = JobObserver.class)
public final class LedgerObserver implements JobObserver {
    private final JobLedger ledger;
    private final LiveJobs live;
    private final Json json;
    private final String frontEnd;
    private final JobWebhooks webhooks;
    private final Map<Long, String> owners = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param ledger the durable ledger
     * @param live the live jobs
     * @param json JSON for outputs
     * @param server this front end's id
     * @param webhooks per-request webhooks
     */
    @Activate
    public LedgerObserver(@Reference JobLedger ledger, @Reference LiveJobs live, @Reference Json json, @Reference ServerInfo server,
            @Reference JobWebhooks webhooks) {
        this.webhooks = webhooks;
        this.ledger = ledger;
        this.live = live;
        this.json = json;
        this.frontEnd = server.serverId();
    }

    /** The webhook checked for the request being submitted on this thread, until its job id exists. */
    private final ThreadLocal<java.net.URI> checked = new ThreadLocal<>();

    @Override
    public void check(apiary.core.api.session.Session session, apiary.core.t2i.internal.params.T2IRequestImpl request) {
        checked.set(webhooks.check(request));
    }

    @Override
    public void created(long jobId, String userId, String requestJson, int images, int batchSize, long[] seeds) {
        ledger.created(jobId, userId, requestJson, images, batchSize, seeds, frontEnd);
        webhooks.register(jobId, checked.get());
        checked.remove();
        owners.put(jobId, userId);
    }

    @Override
    public void started(String userId, GenerationService.Job job) {
        live.add(userId, job);
    }

    @Override
    public void taskStarted(long jobId, int task, int backendId) {
        ledger.taskStarted(jobId, task, backendId);
    }

    @Override
    public void taskFinished(long jobId, String userId, int task, String state, List<String> outputs, String error,
            int backendId, String model, long backendMillis) {
        ledger.taskFinished(jobId, task, state, json.write(outputs), error);
        webhooks.images(jobId, outputs);
        if (backendId >= 0) {
            ledger.usage(LocalDate.now().toString(), userId, model, backendId, outputs.size(), backendMillis);
        }
    }

    @Override
    public void finished(long jobId, String state, String error) {
        ledger.finished(jobId, state, error);
        String owner = owners.remove(jobId);
        if (owner != null) {
            webhooks.finished(jobId, owner, state);
        }
    }
}
