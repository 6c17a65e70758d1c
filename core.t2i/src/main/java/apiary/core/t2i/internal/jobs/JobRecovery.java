package apiary.core.t2i.internal.jobs;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.json.Json;
import apiary.core.api.route.ApiError;
import apiary.core.api.session.User;
import apiary.core.api.user.UserDirectory;
import apiary.core.t2i.internal.generate.GenerationService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the image tasks that dead front ends left unfinished, once, with their recorded seeds: queued ones that never
 * ran and running ones that died with their process. After a crash or restart (H2: every other front end is dead at
 * once) and, on a shared PostgreSQL ledger, whenever another front end's lease expires: it sweeps every heartbeat.
 * Before the first sweep it waits for the configured backends to finish starting (at most a minute) so that resumed
 * tasks do not fail for want of a backend.
 */
@Component(immediate = true)
public final class JobRecovery {
    private static final System.Logger LOG = System.getLogger(JobRecovery.class.getName());
    static final long BACKEND_WAIT_MILLIS = 60_000;
    static final long SWEEP_MILLIS = 2000;

    private final JobLedger ledger;
    private final JobClaims claims;
    private final FrontEnds frontEnds;
    private final GenerationService generation;
    private final UserDirectory users;
    private final Json json;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "apiary-job-recovery");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param ledger the durable ledger
     * @param claims takes dead front ends' jobs over
     * @param frontEnds who is dead
     * @param generation runs the resumed tasks
     * @param users the owners
     * @param registry the backends, to wait for their start
     * @param scheduler present once backends can be scheduled
     * @param json reads the recorded requests
     */
    @Activate
    public JobRecovery(@Reference JobLedger ledger, @Reference JobClaims claims, @Reference FrontEnds frontEnds,
            @Reference GenerationService generation, @Reference UserDirectory users, @Reference BackendRegistry registry,
            @Reference BackendScheduler scheduler, @Reference Json json) {
        this.ledger = ledger;
        this.claims = claims;
        this.frontEnds = frontEnds;
        this.generation = generation;
        this.users = users;
        this.json = json;
        timer.execute(() -> {
            try {
                awaitBackends(registry);
            } catch (InterruptedException e) {
                return;
            }
            sweep();
            if (frontEnds.shared()) {
                timer.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private static void awaitBackends(BackendRegistry registry) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BACKEND_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline && registry.backends().stream().anyMatch(JobRecovery::starting)) {
            Thread.sleep(100);
        }
    }

    private static boolean starting(BackendDTO b) {
        // A backend whose type's bundle (an extension) has not started yet counts as starting too.
        return b.enabled && (!b.typeAvailable || b.status == BackendStatus.WAITING || b.status == BackendStatus.LOADING);
    }

    /** Takes over and resumes the jobs of every dead front end. */
    void sweep() {
        try {
            for (Map.Entry<String, Long> dead : frontEnds.dead().entrySet()) {
                if (!frontEnds.accepting()) {
                    return;
                }
                for (JobClaims.Unfinished job : claims.claim(dead.getKey(), frontEnds.id())) {
                    LOG.log(Level.INFO, "Front end {0} is gone; taking over its job {1}", dead.getKey(), Long.toString(job.id()));
                    resume(job);
                }
                frontEnds.forget(dead.getKey(), dead.getValue());
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.log(Level.ERROR, "Resuming unfinished jobs failed", e);
        }
    }

    private void resume(JobClaims.Unfinished job) {
        Optional<User> owner = users.find(job.userId());
        if (owner.isEmpty()) {
            LOG.log(Level.WARNING, "Job {0} belongs to user {1}, who no longer exists; not resumed", Long.toString(job.id()), job.userId());
            ledger.finished(job.id(), "failed", "The job's owner no longer exists.");
            return;
        }
        LOG.log(Level.INFO, "Resuming job {0} of {1}: {2} image task(s) not done", Long.toString(job.id()), job.userId(), job.pendingSeeds().size());
        try {
            generation.resume(new RecoverySession(owner.get(), job.id()), job.id(), json.readObject(job.requestJson()), job.pendingSeeds());
        } catch (ApiError e) {
            // The request no longer parses here (a parameter, model or webhook host went away): it cannot run again.
            LOG.log(Level.WARNING, "Job {0} cannot be resumed: {1}", Long.toString(job.id()), e.getMessage());
            ledger.finished(job.id(), "failed", e.getMessage());
        }
    }
}
