package apiary.core.admin.internal.extensions.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    @TempDir
    Path data;

    @Test
    void roundTripKeepsOrderAndDependencies() {
        StateStore store = new StateStore(data);
        assertTrue(store.load().extensions().isEmpty());
        ExtensionState state = ExtensionState.EMPTY
                .with("zeta", "apiary-ext:ext.zeta@1.0.0", Set.of())
                .with("alpha", "apiary-ext:ext.alpha@2.0.0", Set.of("apiary-ext:ext.lib@1.0.0"))
                .withUses("alpha", List.of("apiary-ext:ext.base@1.0.0"));
        store.save(state);
        ExtensionState loaded = new StateStore(data).load();
        assertEquals(List.of("zeta", "alpha"), List.copyOf(loaded.extensions().keySet()));
        assertEquals(List.of("apiary-ext:ext.lib@1.0.0", "apiary-ext:ext.base@1.0.0"),
                List.copyOf(loaded.extensions().get("alpha").uses));
        assertEquals("alpha", loaded.nameOf("apiary-ext:ext.alpha@2.0.0"));
        assertNull(loaded.nameOf("apiary-ext:ext.lib@1.0.0"));
        assertEquals(Set.of("apiary-ext:ext.zeta@1.0.0", "apiary-ext:ext.alpha@2.0.0", "apiary-ext:ext.lib@1.0.0",
                "apiary-ext:ext.base@1.0.0"), loaded.neededLocations());
        assertTrue(Files.exists(data.resolve("extensions").resolve("extensions.properties")));
        assertTrue(!Files.exists(data.resolve("extensions").resolve("extensions.properties.tmp")));

        store.save(loaded.without(Set.of("alpha")));
        assertEquals(List.of("zeta"), List.copyOf(new StateStore(data).load().extensions().keySet()));
    }
}
