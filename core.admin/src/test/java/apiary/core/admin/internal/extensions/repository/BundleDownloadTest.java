package apiary.core.admin.internal.extensions.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleDownloadTest {
    @TempDir
    Path dir;

    @Test
    void acceptsOnlyTheBytesTheIndexDescribes() throws IOException {
        byte[] content = "bundle bytes".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("b.jar"), content);
        String sha = BundleDownload.sha256(content);
        assertArrayEquals(content, BundleDownload.fetch(resource("b.jar", sha.toUpperCase())));

        IOException wrongHash = assertThrows(IOException.class,
                () -> BundleDownload.fetch(resource("b.jar", BundleDownload.sha256(new byte[] {1}))));
        assertTrue(wrongHash.getMessage().contains("does not match the SHA-256 in the repository index"), wrongHash.getMessage());
        assertTrue(wrongHash.getMessage().contains("has SHA-256 " + sha), wrongHash.getMessage());

        IOException missing = assertThrows(IOException.class, () -> BundleDownload.fetch(resource("nope.jar", sha)));
        assertTrue(missing.getMessage().startsWith("could not download b 1.0.0 from "), missing.getMessage());
    }

    @Test
    void refusesUnsupportedSchemes() {
        IOException e = assertThrows(IOException.class, () -> BundleDownload.fetch(
                new TestIndex().bundle("b", "1.0.0", "ftp://host/b.jar", "00").parse(dir.resolve("index.xml").toUri()).get(0)));
        assertTrue(e.getMessage().contains("unsupported URL scheme 'ftp'"), e.getMessage());
    }

    private IndexResource resource(String file, String sha) {
        return new TestIndex().bundle("b", "1.0.0", file, sha).parse(dir.resolve("index.xml").toUri()).get(0);
    }
}
