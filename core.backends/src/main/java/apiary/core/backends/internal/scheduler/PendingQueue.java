package apiary.core.backends.internal.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The waiting requests, in two orders: arrival (SwarmUI's first come, first served) and fair share between users
 * (users sorted by virtual time, each user's own requests in arrival order). Guarded by the scheduler's queue lock.
 */
final class PendingQueue {
    private static final Comparator<UserShare> FAIR = Comparator.<UserShare>comparingDouble(u -> u.vtime)
            .thenComparingInt(u -> u.running).thenComparingLong(UserShare::headSeq);

    private final Set<PendingRequest> all = new LinkedHashSet<>();
    private final Map<String, UserShare> users = new HashMap<>();
    private double virtualNow;

    /** @param id a user id @return that user's share, created when the user has nothing queued or running */
    UserShare user(String id) {
        return users.computeIfAbsent(id, UserShare::new);
    }

    /** Queues a request; a user who had nothing waiting joins at the current virtual time, so idling earns no credit. */
    void add(PendingRequest p) {
        UserShare u = p.user;
        if (u.pending.isEmpty()) {
            u.vtime = Math.max(u.vtime, virtualNow);
        }
        u.pending.add(p);
        all.add(p);
    }

    void remove(PendingRequest p) {
        all.remove(p);
        p.user.pending.remove(p);
        forgetIfIdle(p.user);
    }

    /** Records that one of the user's images got a backend: its virtual time moves on by {@code 1 / weight}. */
    void charge(UserShare u) {
        virtualNow = Math.max(virtualNow, u.vtime);
        u.vtime += 1 / u.weight;
        u.running++;
    }

    /** Records that one of the user's images gave its backend back. */
    void released(UserShare u) {
        u.running--;
        forgetIfIdle(u);
    }

    /** Drops a user's share once nothing of theirs waits or runs (their virtual time no longer matters). */
    void forgetIfIdle(UserShare u) {
        if (u.load() == 0 && users.get(u.id) == u) {
            users.remove(u.id);
        }
    }

    /** @return every waiting request in arrival order (a copy) */
    List<PendingRequest> arrival() {
        return new ArrayList<>(all);
    }

    /**
     * @param fifo whether to use arrival order instead of fair order
     * @return the waiting requests in that order, read live: stop iterating before changing the queue
     */
    Iterable<PendingRequest> order(boolean fifo) {
        if (fifo) {
            return all;
        }
        List<UserShare> active = new ArrayList<>();
        for (UserShare u : users.values()) {
            if (!u.pending.isEmpty()) {
                active.add(u);
            }
        }
        active.sort(FAIR);
        return () -> active.stream().flatMap(u -> u.pending.stream()).iterator();
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    int size() {
        return all.size();
    }
}
