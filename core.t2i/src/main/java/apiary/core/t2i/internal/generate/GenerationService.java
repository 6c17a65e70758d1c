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
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() % 1_000_000L * 1000L);
    private volatile BackendScheduler scheduler;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendRegistry backends;

    /** A started job. */
    public record Job(long id, RunEvents events, CompletableFuture<Void> done, int nextBatchOffset) {
    }

    /**
     * @param registry the parameter parser
     * @param store saves images
     * @param executors the generation threads
     * @param server the version for metadata
     */
    @Activate
    public GenerationService(@Reference T2IParamRegistry registry, @Reference OutputStore store,
            @Reference GenerationExecutors executors, @Reference ServerInfo server) {
        this.registry = registry;
        this.context = new RunContext(() -> scheduler, store, this::status, executors, server.version());
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
        T2IRequestImpl request = (T2IRequestImpl) registry.parse(session, raw);
        long id = ids.incrementAndGet();
        RunEvents events = new RunEvents(sink);
        GenerationRun run = new GenerationRun(id, session, request, batchOffset, context, events, indexes,
                new JobInterrupt(session.interruptToken()));
        return new Job(id, events, run.start(), run.nextBatchOffset());
    }

    /** @return index counters for a new socket or HTTP call */
    public static BatchIndexes newIndexes() {
        return new BatchIndexes();
    }
}
