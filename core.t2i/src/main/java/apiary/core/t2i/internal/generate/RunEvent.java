package apiary.core.t2i.internal.generate;

import java.util.Map;

/**
 * One event of a generation job, numbered in the order the job produced it: what a WebSocket client receives as one
 * frame, what the HTTP answer is assembled from, and what a client reattaching to the job is replayed from.
 *
 * @param seq the job's event number, from 1
 * @param type what kind of event
 * @param body the frame, in SwarmUI's shape
 * @param latestKey for events only the latest of which matters (previews), the key that replaces older ones; else null
 */
public record RunEvent(long seq, Type type, Map<String, Object> body, String latestKey) {
    /** Event kinds. */
    public enum Type {
        /** A {@code GetCurrentStatus} object. */
        STATUS,
        /** {@code gen_progress}, possibly with a preview. */
        PROGRESS,
        /** A finished image. */
        IMAGE,
        /** An error. */
        ERROR,
        /** {@code keep_alive}. */
        KEEP_ALIVE,
        /** {@code discard_indices}: the request is done. */
        DISCARD,
        /** {@code raw_swarm_data} or {@code raw_backend_data}. */
        RAW
    }
}
