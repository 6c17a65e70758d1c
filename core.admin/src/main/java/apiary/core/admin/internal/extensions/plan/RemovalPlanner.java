package apiary.core.admin.internal.extensions.plan;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides which bundles an uninstall removes: the extension's own bundle, then every bundle the manager installed
 * that no remaining extension needs and that nothing outside the removal is wired to (repeated until nothing
 * changes, so a chain of libraries goes away together).
 */
public final class RemovalPlanner {
    private RemovalPlanner() {
    }

    /**
     * @param roots locations to remove in any case (the extension's main bundle)
     * @param managed locations of every bundle the extension manager installed
     * @param stillNeeded locations the remaining extensions need
     * @param requirers for each managed location, the locations of the bundles wired to it
     * @return the locations to remove, roots first
     */
    public static Set<String> removalSet(Set<String> roots, Set<String> managed, Set<String> stillNeeded,
            Map<String, Set<String>> requirers) {
        Set<String> remove = new LinkedHashSet<>(roots);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String m : managed) {
                if (remove.contains(m) || stillNeeded.contains(m)) {
                    continue;
                }
                Set<String> users = new LinkedHashSet<>(requirers.getOrDefault(m, Set.of()));
                users.remove(m);
                if (remove.containsAll(users)) {
                    remove.add(m);
                    changed = true;
                }
            }
        }
        return remove;
    }
}
