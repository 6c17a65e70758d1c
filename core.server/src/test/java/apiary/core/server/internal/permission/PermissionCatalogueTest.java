package apiary.core.server.internal.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;

import org.junit.jupiter.api.Test;

/** Catalogue rules: first declaration wins; ordering by SwarmUI's core group order, then first appearance. */
class PermissionCatalogueTest {
    private static PermissionInfo p(String id, PermissionGroup g) {
        return PermissionInfo.of(id, id, "", PermissionLevel.USER, g);
    }

    @Test
    void duplicatesKeepTheFirstDeclaration() {
        List<String> dups = new ArrayList<>();
        PermissionInfo first = p("a", PermissionGroup.USER);
        PermissionCatalogue c = PermissionCatalogue.build(
                List.of(List.of(first), List.of(PermissionInfo.of("a", "Other", "", PermissionLevel.GUEST, PermissionGroup.ADMIN))),
                d -> dups.add(d.id()));
        assertEquals(List.of("a"), dups);
        assertEquals("a", c.get("a").displayName());
        assertEquals(1, c.ordered().size());
    }

    @Test
    void orderFollowsCoreGroupsThenFirstAppearance() {
        PermissionGroup ext = new PermissionGroup("Extension", "");
        PermissionCatalogue c = PermissionCatalogue.build(List.of(
                List.of(p("u1", PermissionGroup.USER), p("e1", ext)),
                List.of(p("a1", PermissionGroup.ADMIN), p("u2", PermissionGroup.USER)),
                List.of(p("s1", PermissionGroup.SPECIAL))), d -> { });
        assertEquals(List.of("s1", "a1", "u1", "u2", "e1"), c.ordered().stream().map(PermissionInfo::id).toList());
    }
}
