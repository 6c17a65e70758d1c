package apiary.core.t2i.internal.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.session.User;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Who may see and stop which job: owners their own, holders of SwarmUI's {@code interrupt_others} everyone's (the
 * permission that already lets admins stop other users' generations).
 */
@Component(service = JobAccess.class)
public final class JobAccess {
    /** See and interrupt every user's jobs. */
    static final String MANAGE_ALL_JOBS = CorePermissions.INTERRUPT_OTHERS;
    /** See every user's usage: a server status panel. */
    public static final String VIEW_ALL_USAGE = CorePermissions.READ_SERVER_INFO_PANELS;

    private final LiveJobs live;

    /** @param live the jobs this front end runs */
    @Activate
    public JobAccess(@Reference LiveJobs live) {
        this.live = live;
    }

    /** @throws ApiError unless the user may manage everyone's jobs */
    public void requireManageAll(User user) {
        if (!user.hasPermission(MANAGE_ALL_JOBS)) {
            throw new ApiError("You lack permission to manage other users' jobs.");
        }
    }

    /** @return whether this front end runs (or just ran) the job */
    public boolean isLive(long id) {
        return live.find(id).isPresent();
    }

    /**
     * @param user the caller
     * @param id a job id
     * @return the job, if the caller may see it and this front end has it
     */
    public Optional<LiveJobs.Live> visible(User user, long id) {
        Optional<LiveJobs.Live> job = live.find(id);
        if (job.isPresent() && !job.get().userId().equals(user.id()) && !user.hasPermission(MANAGE_ALL_JOBS)) {
            return Optional.empty();
        }
        return job;
    }

    /** Interrupts one job. @throws ApiError when there is no such running job the caller may stop */
    public void interrupt(User user, long id) {
        LiveJobs.Live job = visible(user, id).filter(LiveJobs.Live::running)
                .orElseThrow(() -> new ApiError("No running job with that id."));
        job.job().cancel().run();
    }

    /** Interrupts the caller's running jobs except one. @return how many, and which was kept */
    public Map<String, Object> interruptOthers(User user, long keep) {
        List<LiveJobs.Live> running = live.running(user.id());
        long kept = keep >= 0 ? keep : running.isEmpty() ? -1 : running.get(0).job().id();
        int n = 0;
        for (LiveJobs.Live l : running) {
            if (l.job().id() != kept) {
                l.job().cancel().run();
                n++;
            }
        }
        return Map.of("interrupted", n, "kept", kept);
    }
}
