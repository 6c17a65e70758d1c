package apiary.core.server.internal.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExtensionFileHandlerTest {
    @Test
    void onlyPlainRelativePathsAreServed() {
        assertTrue(ExtensionFileHandler.safe("banner.js"));
        assertTrue(ExtensionFileHandler.safe("css/site.min.css"));
        assertTrue(ExtensionFileHandler.safe("a..b/c"));
        for (String bad : new String[] {"", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "dir/", "a\\b", "c:x", "a\0b"}) {
            assertFalse(ExtensionFileHandler.safe(bad), bad);
        }
    }
}
