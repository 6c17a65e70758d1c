package apiary.core.t2i.internal.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import apiary.core.api.json.Json;
import apiary.core.api.json.RawJson;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.session.User;
import apiary.core.t2i.internal.generate.RunEvent;
import apiary.core.t2i.internal.generate.RunSink;

/**
 * One reattached client of a job: the job's kept events after a sequence number, then its live events, each frame
 * with {@code job_seq}, offered without blocking; {@code job_done} when the job is over. A job this front end no
 * longer holds in memory is answered from the ledger with its final state. Each event is serialised once, the first
 * time any subscriber gets it, so a replay costs socket writes, not JSON work.
 */
public final class JobSubscription {
    private final JobAccess access;
    private final JobLedger ledger;
    private final Json json;

    /**
     * @param access who may see which job
     * @param ledger the durable ledger
     * @param json serialises the frames
     */
    public JobSubscription(JobAccess access, JobLedger ledger, Json json) {
        this.access = access;
        this.ledger = ledger;
        this.json = json;
    }

    /**
     * @param user the caller
     * @param socket the socket
     * @param jobId the job
     * @param afterSeq replay events after this number
     * @return completes with the {@code job_done} frame (sent last)
     */
    public CompletableFuture<Object> start(User user, WebSocketChannel socket, long jobId, long afterSeq) {
        Optional<LiveJobs.Live> live = access.visible(user, jobId);
        if (live.isEmpty()) {
            JobRow row = ledger.job(jobId).filter(r -> r.userId().equals(user.id())
                    || user.hasPermission(JobAccess.MANAGE_ALL_JOBS))
                    .orElseThrow(() -> new ApiError("No job with that id."));
            return CompletableFuture.completedFuture(done(jobId, row.state()));
        }
        CompletableFuture<Object> result = new CompletableFuture<>();
        RunSink sink = e -> {
            RawJson frame = e.numbered(json::write);
            if (e.latestKey() != null) {
                socket.offerLatest(e.latestKey(), frame);
            } else {
                socket.offer(frame);
            }
        };
        AutoCloseable attached = live.get().job().events().attach(sink, afterSeq);
        socket.onClose(() -> {
            close(attached);
            result.complete(null);
        });
        live.get().job().done().whenComplete((ok, t) -> {
            close(attached);
            String state = ledger.job(jobId).map(JobRow::state).orElse("done");
            result.complete(done(jobId, state));
        });
        return result;
    }

    private static Map<String, Object> done(long jobId, String state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", jobId);
        m.put("state", state);
        return Map.of("job_done", m);
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Detaching a sink cannot fail.
        }
    }
}
