package apiary.core.admin.internal.extensions.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RemovalPlannerTest {
    private static final Set<String> MANAGED = Set.of("ext", "lib", "base", "shared", "orphan");

    @Test
    void aChainOfLibrariesGoesWithItsExtension() {
        Map<String, Set<String>> requirers = Map.of("lib", Set.of("ext"), "base", Set.of("lib"), "ext", Set.of());
        assertEquals(List.of("ext", "lib", "base"),
                List.copyOf(RemovalPlanner.removalSet(Set.of("ext"), Set.of("ext", "lib", "base"), Set.of(), requirers)));
    }

    @Test
    void whatOthersNeedOrAreWiredToStays() {
        Map<String, Set<String>> requirers = Map.of("lib", Set.of("ext"), "shared", Set.of("ext", "other-ext"),
                "base", Set.of("ext", "core.server"), "orphan", Set.of());
        Set<String> removed = RemovalPlanner.removalSet(Set.of("ext"), MANAGED, Set.of("lib"), requirers);
        assertEquals(Set.of("ext", "orphan"), removed, "lib is needed, shared and base have other users; orphan has none");
    }

    @Test
    void aBundleWiredOnlyToItselfIsRemoved() {
        Map<String, Set<String>> requirers = Map.of("lib", Set.of("lib", "ext"));
        assertEquals(Set.of("ext", "lib"), RemovalPlanner.removalSet(Set.of("ext"), Set.of("ext", "lib"), Set.of(), requirers));
    }
}
