package apiary.core.backends.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads for the bundle's executors, so a stuck backend call shows up by name in a thread dump. */
public final class Threads {
    private Threads() {
    }

    /**
     * @param name the thread name prefix, e.g. {@code apiary-scheduler}
     * @return a factory of daemon threads named {@code name-1}, {@code name-2}...
     */
    public static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
