package apiary.core.backends.internal.scheduler;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One user's place in the fair share: its waiting requests in arrival order, how many of its images run now, and
 * its virtual time (start-time fair queuing: each image served adds {@code 1 / weight}; the user served next is
 * the one furthest behind). Guarded by the scheduler's queue lock.
 */
final class UserShare {
    final String id;
    final Set<PendingRequest> pending = new LinkedHashSet<>();
    double weight = 1;
    double vtime;
    int running;

    UserShare(String id) {
        this.id = id;
    }

    /** @param weight the user's scheduling weight; anything not positive counts as 1 */
    void weigh(double weight) {
        this.weight = weight > 0 && !Double.isNaN(weight) && !Double.isInfinite(weight) ? weight : 1;
    }

    /** @return images waiting or running */
    int load() {
        return pending.size() + running;
    }

    /** @return the sequence number of its oldest waiting request */
    long headSeq() {
        return pending.isEmpty() ? Long.MAX_VALUE : pending.iterator().next().seq;
    }
}
