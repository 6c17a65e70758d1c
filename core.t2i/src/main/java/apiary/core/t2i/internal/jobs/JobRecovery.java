package apiary.core.t2i.internal.jobs;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.json.Json;
import apiary.core.api.server.ServerInfo;
import apiary.core.api.session.User;
import apiary.core.api.user.UserDirectory;
import apiary.core.t2i.internal.generate.GenerationService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * After a crash or restart, runs the image tasks that the ledger records as not done, once, with their recorded
 * seeds: queued ones that never ran and running ones that died with the process. It waits for the configured
 * backends to finish starting (for at most a minute) so that resumed tasks do not fail for want of a backend.
 */
@Component(immediate = true)
public final class JobRecovery {
    private static final System.Logger LOG = System.getLogger(JobRecovery.class.getName());
    static final long BACKEND_WAIT_MILLIS = 60_000;

    /**
     * @param ledger the durable ledger
     * @param generation runs the resumed tasks
     * @param users the owners
     * @param registry the backends, to wait for their start
     * @param scheduler present once backends can be scheduled
     * @param json reads the recorded requests
     * @param server this front end's id
     */
    @Activate
    public JobRecovery(@Reference JobLedger ledger, @Reference GenerationService generation, @Reference UserDirectory users,
            @Reference BackendRegistry registry, @Reference BackendScheduler scheduler, @Reference Json json,
            @Reference ServerInfo server) {
        CompletableFuture.runAsync(() -> {
            try {
                awaitBackends(registry);
                for (JobLedger.Unfinished job : ledger.claimUnfinished(server.serverId())) {
                    resume(job, generation, users, json);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Resuming unfinished jobs failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, generation.executors().backends());
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

    private static void resume(JobLedger.Unfinished job, GenerationService generation, UserDirectory users, Json json) {
        Optional<User> owner = users.find(job.userId());
        if (owner.isEmpty()) {
            LOG.log(Level.WARNING, "Job {0} belongs to user {1}, who no longer exists; not resumed", job.id(), job.userId());
            return;
        }
        Map<String, Object> raw = json.readObject(job.requestJson());
        LOG.log(Level.INFO, "Resuming job {0} of {1}: {2} image task(s) not done", job.id(), job.userId(), job.pendingSeeds().size());
        generation.resume(new RecoverySession(owner.get(), job.id()), job.id(), raw, job.pendingSeeds());
    }
}
