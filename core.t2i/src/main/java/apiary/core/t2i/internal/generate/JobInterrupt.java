package apiary.core.t2i.internal.generate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import apiary.core.api.session.InterruptToken;

/**
 * A job's own interrupt token: cancelled by the session's token (InterruptAll), by the job itself (an error without
 * {@code continueaftererrors}), or by a per-job cancel, without touching the session's other jobs.
 */
final class JobInterrupt implements InterruptToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile boolean byError;
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private final AutoCloseable parentLink;

    JobInterrupt(InterruptToken parent) {
        this.parentLink = parent == null ? () -> { } : parent.onInterrupt(this::cancel);
    }

    /** Cancels because the job failed: the other tasks stop without reporting an interrupt of their own. */
    void cancelForError() {
        byError = true;
        cancel();
    }

    /** @return whether the job stopped itself after an error, rather than being interrupted */
    boolean stoppedByError() {
        return byError;
    }

    void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (Runnable r : actions) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    System.getLogger(JobInterrupt.class.getName()).log(System.Logger.Level.WARNING, "Interrupt action failed", e);
                }
            }
            actions.clear();
        }
    }

    /** Stops listening to the session's token (the job is over). */
    void release() {
        try {
            parentLink.close();
        } catch (Exception e) {
            // The session's token has no resources to leak.
        }
    }

    @Override
    public boolean isInterrupted() {
        return cancelled.get();
    }

    @Override
    public AutoCloseable onInterrupt(Runnable action) {
        if (cancelled.get()) {
            action.run();
            return () -> { };
        }
        actions.add(action);
        if (cancelled.get() && actions.remove(action)) {
            action.run();
        }
        return () -> actions.remove(action);
    }
}
