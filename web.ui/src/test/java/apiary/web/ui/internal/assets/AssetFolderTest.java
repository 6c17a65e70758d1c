package apiary.web.ui.internal.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import apiary.core.api.web.WebFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetFolderTest {
    @TempDir
    Path dir;

    private AssetFolder folder() throws Exception {
        Path root = dir.resolve("assets");
        Files.createDirectories(root.resolve("css/themes"));
        Files.writeString(root.resolve("css/site.css"), "body{}");
        Files.writeString(root.resolve("css/themes/a.css"), ":root{}");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        return new AssetFolder(root);
    }

    @Test
    void findsFilesBelowTheRootOnly() throws Exception {
        AssetFolder f = folder();
        assertTrue(f.find("css/site.css").isPresent());
        assertTrue(f.find("css/themes/a.css").isPresent());
        for (String bad : new String[] {"", "css", "css/", "../secret.txt", "css/../../secret.txt", "/etc/passwd",
                "css\\..\\..\\secret.txt", "css/site.css\0.png"}) {
            assertTrue(f.find(bad).isEmpty(), bad);
        }
    }

    @Test
    void aFolderServesItsFilesWithTypeAndCacheAndRefusesTheRest() throws Exception {
        AssetFolder f = folder();
        StaticFiles css = new StaticFiles("css", 300) {
            @Override
            AssetFolder assets() {
                return f;
            }
        };
        WebFile ok = css.serve("themes/a.css", Map.of(), null);
        assertEquals(200, ok.status());
        assertEquals("text/css; charset=utf-8", ok.contentType());
        assertEquals(300, ok.cacheSeconds());
        assertTrue(ok.file().isPresent());
        assertEquals(404, css.serve("../../secret.txt", Map.of(), null).status());
        assertEquals(404, css.serve("/site.css", Map.of(), null).status());
        assertEquals(404, css.serve("none.css", Map.of(), null).status());
    }

    @Test
    void mediaTypesFollowTheExtension() {
        assertEquals("text/javascript; charset=utf-8", ContentTypes.of("app.js"));
        assertEquals("image/jpeg", ContentTypes.of("model_placeholder.JPG"));
        assertEquals("font/woff2", ContentTypes.of("a.woff2"));
        assertEquals("application/octet-stream", ContentTypes.of("noext"));
    }
}
