package apiary.core.t2i.internal.jobs;

/**
 * One job as the ledger holds it.
 *
 * @param id the job id (the {@code request_id} of its frames)
 * @param userId the owner
 * @param state {@code queued}, {@code running}, {@code done}, {@code failed} or {@code interrupted}
 * @param images how many image tasks
 * @param imagesDone how many finished with an image
 * @param error the first error, or null
 * @param frontEnd the server id of the front end that runs it
 * @param created when it was submitted, epoch ms
 * @param started when its first task started, or 0
 * @param finished when it ended, or 0
 */
public record JobRow(long id, String userId, String state, int images, int imagesDone, String error, String frontEnd,
        long created, long started, long finished) {
}
