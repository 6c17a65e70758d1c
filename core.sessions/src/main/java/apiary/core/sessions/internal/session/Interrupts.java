package apiary.core.sessions.internal.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import apiary.core.api.session.InterruptToken;

/** A one-shot cancellation token; {@code InterruptAll} cancels it and the session takes a new one. */
final class Interrupts implements InterruptToken {
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean interrupted;

    @Override
    public boolean isInterrupted() {
        return interrupted;
    }

    @Override
    public AutoCloseable onInterrupt(Runnable action) {
        actions.add(action);
        if (interrupted && actions.remove(action)) {
            action.run();
        }
        return () -> actions.remove(action);
    }

    void interrupt() {
        interrupted = true;
        for (Runnable r : actions) {
            if (actions.remove(r)) {
                r.run();
            }
        }
    }
}
