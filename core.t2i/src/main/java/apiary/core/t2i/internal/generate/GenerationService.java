package apiary.core.t2i.internal.generate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.backend.BackendStatusReport;
import apiary.core.api.route.ApiError;
import apiary.core.api.server.ServerInfo;
import apiary.core.api.session.CurrentStatus;
import apiary.core.api.session.Session;
import apiary.core.api.t2i.T2IParamRegistry;
import apiary.core.t2i.internal.output.OutputStore;
import apiary.core.t2i.internal.params.T2IRequestImpl;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Starts generation jobs: every request becomes a job with an id and a numbered event stream, parsed by the
 * parameter registry and run by {@link GenerationRun} against the backend scheduler (when one runs; without it every
 * image fails with SwarmUI's {@code No backends available!}).
 */
@Component(service = GenerationService.class)
public final class GenerationService {
    private final T2IParamRegistry registry;
    private final RunContext context;
    /** Job ids: the submission time in milliseconds times 1000 plus a counter, unique across restarts (and below 2^53). */
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000L);
    /**
     * Framework property: {@code off} records no jobs (no ListJobs, reattaching, crash recovery, usage, quotas or job
     * webhooks). Only for measuring what the bookkeeping costs (bench/jobs.sh); never for a real server.
     */
    static final String LEDGER_PROPERTY = "apiary.jobs.ledger";
    private final boolean ledgerOff;
    private volatile BackendScheduler scheduler;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobObserver observer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile apiary.core.api.json.Json json;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendRegistry backends;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile QueueHooks hooks;

    /** A started job. */
    public record Job(long id, RunEvents events, CompletableFuture<Void> done, int nextBatchOffset, Runnable cancel) {
    }

    /**
     * @param registry the parameter parser
     * @param store saves images
     * @param executors the generation threads
     * @param server the version for metadata
     * @param bundle the framework property {@value #LEDGER_PROPERTY}
     */
    @Activate
    public GenerationService(@Reference T2IParamRegistry registry, @Reference OutputStore store,
            @Reference GenerationExecutors executors, @Reference ServerInfo server, BundleContext bundle) {
        this(registry, store, executors, server, "off".equalsIgnoreCase(String.valueOf(bundle.getProperty(LEDGER_PROPERTY)).trim()));
    }

    /** For unit tests: jobs are told to the observer that binds. */
    GenerationService(T2IParamRegistry registry, OutputStore store, GenerationExecutors executors, ServerInfo server) {
        this(registry, store, executors, server, false);
    }

    private GenerationService(T2IParamRegistry registry, OutputStore store, GenerationExecutors executors, ServerInfo server,
            boolean ledgerOff) {
        this.registry = registry;
        this.ledgerOff = ledgerOff;
        this.context = new RunContext(() -> scheduler, store, this::status, executors, server.version(), this::observer,
                () -> hooks == null ? QueueHooks.NONE : hooks);
    }

    /** @param s the backend scheduler (also used by unit tests) */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setScheduler(BackendScheduler s) {
        scheduler = s;
    }

    void unsetScheduler(BackendScheduler s) {
        if (scheduler == s) {
            scheduler = null;
        }
    }

    /** @param session a session @return its {@code GetCurrentStatus} object */
    public Map<String, Object> status(Session session) {
        BackendRegistry reg = backends;
        return CurrentStatus.of(List.of(session), reg == null ? BackendStatusReport.empty() : reg.status());
    }

    /** @return the generation threads */
    public GenerationExecutors executors() {
        return context.executors();
    }

    /**
     * Parses a request and starts it as a job.
     *
     * @param session the caller
     * @param raw the request body
     * @param batchOffset where this request's batch indexes start (follow-up requests on one socket continue)
     * @param indexes the index counters shared by the requests of one socket
     * @param sink where the job's events go
     * @return the job
     * @throws ApiError for a request that does not parse (nothing has started then)
     */
    public Job submit(Session session, Map<String, Object> raw, int batchOffset, BatchIndexes indexes, RunSink sink) {
        return submit(session, raw, batchOffset, indexes, sink, true);
    }

    /**
     * @param statusFrames whether the job emits status frames (WebSocket clients want them; HTTP answers do not)
     * @see #submit(Session, Map, int, BatchIndexes, RunSink)
     */
    public Job submit(Session session, Map<String, Object> raw, int batchOffset, BatchIndexes indexes, RunSink sink,
            boolean statusFrames) {
        T2IRequestImpl request = (T2IRequestImpl) registry.parse(session, raw);
        JobObserver checker = observer();
        if (checker != null) {
            checker.check(session, request);
        }
        long id = nextId();
        RunEvents events = new RunEvents(sink);
        GenerationRun run = new GenerationRun(id, session, request, batchOffset, context, events, indexes,
                new JobInterrupt(session.interruptToken()));
        if (!statusFrames) {
            run.withoutStatusFrames();
        }
        apiary.core.api.json.Json j = json;
        Map<String, Object> body = new java.util.LinkedHashMap<>(raw);
        body.remove("session_id");
        run.record(j == null ? String.valueOf(body) : j.write(body));
        Job job = new Job(id, events, run.start(), run.nextBatchOffset(), run::cancel);
        JobObserver o = observer();
        if (o != null) {
            o.started(session.user().id(), job);
        }
        return job;
    }

    /**
     * Runs again, under its own id, the tasks of a job that a previous process left unfinished (after a crash or a
     * restart), each with the seed the ledger recorded, so that no image is lost and none is made twice.
     *
     * @param session a session of the job's owner
     * @param id the job id
     * @param raw the recorded request body
     * @param seeds task index to seed of the tasks not done
     * @return the job
     */
    public Job resume(Session session, long id, Map<String, Object> raw, Map<Integer, Long> seeds) {
        T2IRequestImpl request = (T2IRequestImpl) registry.parse(session, raw);
        RunEvents events = new RunEvents(RunSink.NONE);
        JobObserver o = observer();
        if (o != null) {
            o.resumed(id, session.user().id(), request);
        }
        GenerationRun run = new GenerationRun(id, session, request, 0, context, events, newIndexes(),
                new JobInterrupt(session.interruptToken()));
        run.resumeOnly(seeds);
        Job job = new Job(id, events, run.start(), run.nextBatchOffset(), run::cancel);
        if (o != null) {
            o.started(session.user().id(), job);
        }
        return job;
    }

    /** @return who is told about jobs (the ledger), or null */
    private JobObserver observer() {
        return ledgerOff ? null : observer;
    }

    private long nextId() {
        long floor = System.currentTimeMillis() * 1000L;
        return ids.updateAndGet(last -> Math.max(last + 1, floor));
    }

    /** @return index counters for a new socket or HTTP call */
    public static BatchIndexes newIndexes() {
        return new BatchIndexes();
    }
}
