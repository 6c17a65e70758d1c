package apiary.core.backends.internal.scheduler;

import java.util.List;
import java.util.Set;

import apiary.core.backends.internal.pool.Slot;

/**
 * Which running backends may take one request, as of one {@link apiary.core.backends.internal.pool.PoolView}
 * version, and why the others refused it.
 *
 * @param version the pool version it was computed against
 * @param passed the slots that passed the filter
 * @param reasons the human-readable refusals, without duplicates, in the order they arose
 */
record Eligibility(long version, Set<Slot> passed, List<String> reasons) {
    /** @return SwarmUI's refusal suffix: {@code " Backends refused for the following reason(s):\n- ..."}, or empty */
    String reasonText() {
        if (reasons.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" Backends refused for the following reason(s):");
        for (String r : reasons) {
            sb.append("\n- ").append(r);
        }
        return sb.toString();
    }
}
