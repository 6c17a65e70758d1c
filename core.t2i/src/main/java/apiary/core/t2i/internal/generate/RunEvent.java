package apiary.core.t2i.internal.generate;

import java.util.Map;
import java.util.function.Function;

import apiary.core.api.json.RawJson;

/**
 * One event of a generation job, numbered in the order the job produced it: what a WebSocket client receives as one
 * frame, what the HTTP answer is assembled from, and what a client reattaching to the job is replayed from.
 */
public final class RunEvent {
    private final long seq;
    private final Type type;
    private final Map<String, Object> body;
    private final String latestKey;
    /** The frame a reattached client gets (the body plus {@code job_seq}), serialised once for every subscriber. */
    private volatile RawJson numbered;

    /**
     * @param seq the job's event number, from 1
     * @param type what kind of event
     * @param body the frame, in SwarmUI's shape
     * @param latestKey for events only the latest of which matters (previews), the key that replaces older ones; else null
     */
    public RunEvent(long seq, Type type, Map<String, Object> body, String latestKey) {
        this.seq = seq;
        this.type = type;
        this.body = body;
        this.latestKey = latestKey;
    }

    /** @return the job's event number, from 1 */
    public long seq() {
        return seq;
    }

    /** @return what kind of event */
    public Type type() {
        return type;
    }

    /** @return the frame, in SwarmUI's shape */
    public Map<String, Object> body() {
        return body;
    }

    /** @return the latest-wins key (previews), or null */
    public String latestKey() {
        return latestKey;
    }

    /**
     * @param writer serialises a map as compact JSON
     * @return the body with {@code "job_seq": seq} added last, as JSON text (made on the first call, then kept)
     */
    public RawJson numbered(Function<Map<String, Object>, String> writer) {
        RawJson done = numbered;
        if (done == null) {
            String json = writer.apply(body);
            // The body is a JSON object: the sequence number goes in before its closing brace.
            String cut = json.substring(0, json.length() - 1);
            done = RawJson.of(cut + (cut.length() > 1 ? "," : "") + "\"job_seq\":" + seq + "}");
            numbered = done;
        }
        return done;
    }

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
