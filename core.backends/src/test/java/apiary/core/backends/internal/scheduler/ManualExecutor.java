package apiary.core.backends.internal.scheduler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that runs nothing until told: tests step the scheduler deterministically. */
final class ManualExecutor implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable command) {
        tasks.add(command);
    }

    /** Runs queued tasks, and the tasks they queue, until none is left. @return how many ran */
    int runAll() {
        int n = 0;
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
            }
            if (next == null) {
                return n;
            }
            next.run();
            n++;
        }
    }
}
