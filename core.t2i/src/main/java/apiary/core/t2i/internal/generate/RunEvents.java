package apiary.core.t2i.internal.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The numbered event stream of one job: every event gets the next sequence number and goes to every attached sink;
 * the events are kept (previews only the latest per key) so that a sink attached later can be replayed from any
 * sequence number.
 */
public final class RunEvents {
    private final ArrayList<RunEvent> kept = new ArrayList<>();
    private final List<RunSink> sinks = new CopyOnWriteArrayList<>();
    private long seq;
    private boolean settled;

    /** @param sink the first sink */
    RunEvents(RunSink sink) {
        sinks.add(sink);
    }

    /**
     * @param type the kind
     * @param body the frame
     * @param latestKey the latest-wins key, or null
     */
    void emit(RunEvent.Type type, Map<String, Object> body, String latestKey) {
        // Delivered under the lock (sinks never block), so every sink sees events in sequence order.
        synchronized (this) {
            RunEvent e = new RunEvent(++seq, type, body, latestKey);
            if (latestKey != null) {
                kept.removeIf(old -> latestKey.equals(old.latestKey()));
            }
            // Status frames are stale by the time anyone replays them; keep-alives mean nothing later.
            if (type != RunEvent.Type.KEEP_ALIVE && type != RunEvent.Type.STATUS) {
                kept.add(e);
            }
            for (RunSink s : sinks) {
                s.accept(e);
            }
        }
    }

    /**
     * Attaches a sink and replays to it every kept event after a sequence number, atomically with respect to new
     * events (none is missed or seen twice).
     *
     * @param sink the sink
     * @param afterSeq replay events with a higher number
     * @return a handle that detaches the sink
     */
    public AutoCloseable attach(RunSink sink, long afterSeq) {
        synchronized (this) {
            for (RunEvent e : kept) {
                if (e.seq() > afterSeq) {
                    sink.accept(e);
                }
            }
            if (!settled) {
                sinks.add(sink);
            }
        }
        return () -> sinks.remove(sink);
    }

    /**
     * The job is over: progress and previews no longer matter for a replay, only images, errors and the end; and no
     * event follows, so the sinks (and the sockets they hold) are let go.
     */
    synchronized void settle() {
        kept.removeIf(e -> e.type() == RunEvent.Type.PROGRESS);
        kept.trimToSize();
        settled = true;
        sinks.clear();
    }

    /** @param sink a sink to stop telling (its client left) */
    void detach(RunSink sink) {
        sinks.remove(sink);
    }

    /** @return the number of the latest event */
    public synchronized long lastSeq() {
        return seq;
    }
}
