package apiary.core.admin.internal.devfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DevLocationsTest {
    private final Path folder = Path.of("/data/dev-extensions");

    @Test
    void fileLocationsDirectlyInTheFolderBelongToIt() {
        assertTrue(DevLocations.inside("file:/data/dev-extensions/ext.a-1.0.0.jar", folder));
        assertTrue(DevLocations.inside("file:/data/dev-extensions/with%20space.jar", folder));
        assertEquals(Path.of("/data/dev-extensions/with space.jar"), DevLocations.file("file:/data/dev-extensions/with%20space.jar"));
    }

    @Test
    void otherLocationsDoNot() {
        assertFalse(DevLocations.inside("file:/data/dev-extensions/sub/ext.jar", folder));
        assertFalse(DevLocations.inside("file:/data/other/ext.jar", folder));
        assertFalse(DevLocations.inside("apiary-dist:core.api", folder));
        assertFalse(DevLocations.inside("apiary-ext:hello", folder));
        assertNull(DevLocations.file("apiary-dist:core.api"));
    }
}
