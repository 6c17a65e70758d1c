package apiary.core.t2i.internal.generate;

import java.util.List;

/**
 * Told about a job's life, for the durable ledger and usage metering. Calls come from generation and saving
 * threads; implementations must be quick (queue their writes), except {@link #taskFinished}, which may wait for its
 * write so that a finished image is recorded before the client hears of it.
 */
public interface JobObserver {
    /** Observes nothing. */
    JobObserver NONE = new JobObserver() { };

    /**
     * Checks a parsed request before anything starts (for example its webhook address).
     *
     * @throws apiary.core.api.route.ApiError to refuse the request
     */
    default void check(apiary.core.api.session.Session session, apiary.core.t2i.internal.params.T2IRequestImpl request) {
    }

    /** A job was accepted. */
    default void created(long jobId, String userId, String requestJson, int images, int batchSize, long[] seeds) {
    }

    /** A job a dead front end left unfinished runs again here (it was {@link #created} there). */
    default void resumed(long jobId, String userId, apiary.core.t2i.internal.params.T2IRequestImpl request) {
    }

    /**
     * @param jobId a job
     * @return whether the job may still save images and record its progress here (false once another front end may
     *         have taken it over, or while the server stops)
     */
    default boolean mayCommit(long jobId) {
        return true;
    }

    /** The job runs; its handle (events, cancel) is available from now on. */
    default void started(String userId, GenerationService.Job job) {
    }

    /** A task got a backend and starts. */
    default void taskStarted(long jobId, int task, int backendId) {
    }

    /** A task ended: {@code done} with its image URLs, or {@code failed}/{@code interrupted} with the error. */
    default void taskFinished(long jobId, String userId, int task, String state, List<String> outputs, String error,
            int backendId, String model, long backendMillis) {
    }

    /** The job ended: {@code done}, {@code failed} or {@code interrupted}. */
    default void finished(long jobId, String state, String error) {
    }
}
