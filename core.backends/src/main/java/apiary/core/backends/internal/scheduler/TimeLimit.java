package apiary.core.backends.internal.scheduler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import apiary.core.api.session.InterruptToken;

/**
 * The interrupt token a watched generation sees: the caller's own token, or the time limit running out, whichever
 * comes first. Expiring runs the actions registered here once; the caller's token is never touched (the user did
 * not interrupt, and the rest of their request goes on).
 */
final class TimeLimit implements InterruptToken {
    private final InterruptToken caller;
    private final int backendId;
    private final long startedNanos;
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile String expiredMessage;

    TimeLimit(InterruptToken caller, int backendId, long startedNanos) {
        this.caller = caller;
        this.backendId = backendId;
        this.startedNanos = startedNanos;
    }

    long startedNanos() {
        return startedNanos;
    }

    int backendId() {
        return backendId;
    }

    /** @return the message the generation fails with, or {@code null} while the limit holds */
    String expiredMessage() {
        return expiredMessage;
    }

    /** @return true if this call expired the limit (and ran the actions) */
    boolean expire(long minutes) {
        synchronized (this) {
            if (expiredMessage != null) {
                return false;
            }
            expiredMessage = "The backend did not finish the generation within " + minutes + " minute(s) (server setting "
                    + "MaxTimeoutMinutes), so it was interrupted.";
        }
        for (Runnable r : actions) {
            try {
                r.run();
            } catch (RuntimeException e) {
                System.getLogger(TimeLimit.class.getName()).log(System.Logger.Level.WARNING, "An interrupt action failed", e);
            }
        }
        return true;
    }

    @Override
    public boolean isInterrupted() {
        return expiredMessage != null || caller.isInterrupted();
    }

    @Override
    public AutoCloseable onInterrupt(Runnable action) {
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                action.run();
            }
        };
        AutoCloseable onCaller = caller.onInterrupt(once);
        actions.add(once);
        if (expiredMessage != null) {
            once.run(); // expired while it was being registered: it must still run
        }
        return () -> {
            actions.remove(once);
            onCaller.close();
        };
    }
}
