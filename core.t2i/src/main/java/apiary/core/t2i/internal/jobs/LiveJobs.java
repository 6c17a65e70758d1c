package apiary.core.t2i.internal.jobs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.t2i.internal.generate.GenerationService;

import org.osgi.service.component.annotations.Component;

/**
 * The jobs this front end runs, and those it finished in the last minutes, in memory: their event streams (for a
 * client reattaching with a sequence number) and interrupt handles.
 */
@Component(service = LiveJobs.class)
public final class LiveJobs {
    /** How long a finished job's events stay available for replay. */
    static final long KEEP_FINISHED_MILLIS = 10 * 60_000;

    /** One job: owner, handle, and when it finished (0 while running). */
    record Live(String userId, GenerationService.Job job, long finishedAt) {
        /** @return whether the job still runs (its end may be known before {@link #finishedAt} is set) */
        boolean running() {
            return finishedAt == 0 && !job.done().isDone();
        }
    }

    private static final long PRUNE_EVERY_MILLIS = 1000;
    private final Map<Long, Live> jobs = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong lastPrune = new java.util.concurrent.atomic.AtomicLong();

    /** @param userId the owner @param job a started job */
    public void add(String userId, GenerationService.Job job) {
        jobs.put(job.id(), new Live(userId, job, 0));
        job.done().whenComplete((ok, t) -> jobs.computeIfPresent(job.id(), (id, l) -> new Live(l.userId(), l.job(), System.currentTimeMillis())));
        prune();
    }

    /** @param id a job id @return that job, if this front end runs it or ran it lately */
    public Optional<Live> find(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** @param userId an owner, or null for all @return the running jobs */
    public List<Live> running(String userId) {
        List<Live> out = new ArrayList<>();
        for (Live l : jobs.values()) {
            if (l.running() && (userId == null || userId.equals(l.userId()))) {
                out.add(l);
            }
        }
        out.sort((a, b) -> Long.compare(a.job().id(), b.job().id()));
        return out;
    }

    Collection<Live> all() {
        return jobs.values();
    }

    /** Drops jobs finished too long ago; at most once a second (a busy server adds many jobs a second). */
    private void prune() {
        long now = System.currentTimeMillis();
        long last = lastPrune.get();
        if (now - last < PRUNE_EVERY_MILLIS || !lastPrune.compareAndSet(last, now)) {
            return;
        }
        long cutoff = now - KEEP_FINISHED_MILLIS;
        jobs.values().removeIf(l -> l.finishedAt() != 0 && l.finishedAt() < cutoff);
    }
}
