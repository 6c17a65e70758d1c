package apiary.core.admin.internal.extensions.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

class RepositorySourcesTest {
    @TempDir
    Path dir;

    private final RepositorySources sources = new RepositorySources();

    @Test
    void mergesIndexesInOrderAndReportsTheUnreadable() throws IOException {
        String first = write("a.xml", new TestIndex().bundle("ext.hello", "1.0.0", "h1.jar", "01").extension("hello", "tools"));
        String second = write("b.xml", new TestIndex().bundle("ext.hello", "1.0.0", "other.jar", "02").extension("hello", "tools")
                .bundle("ext.hello", "1.1.0", "h2.jar", "03").extension("hello", "tools")
                .bundle("ext.hidden", "1.0.0", "x.jar", "04").extension("hidden", "hidden"));
        String missing = dir.resolve("missing.xml").toUri().toString();

        RepositorySnapshot s = sources.snapshot(List.of(first, second, missing, " "));
        assertEquals(3, s.resources().size(), "the second copy of hello 1.0.0 is dropped");
        assertEquals("01", s.resources().get(0).sha256(), "the first index wins");
        assertEquals(new Version(1, 1, 0), s.newestExtension("hello").orElseThrow().version());
        assertEquals(new Version(1, 1, 0), s.newestBundle("ext.hello").orElseThrow().version());
        assertEquals(List.of("hello", "hidden"), List.copyOf(s.newestExtensions().keySet()));
        assertTrue(s.newestExtensions().get("hidden").extension().orElseThrow().hidden());
        assertEquals(List.of(missing), List.copyOf(s.errors().keySet()));
        assertTrue(s.errorNote().startsWith(" (The extension repository " + missing + " could not be read: "), s.errorNote());
    }

    @Test
    void aChangedLocalIndexIsReadAgain() throws IOException {
        String url = write("i.xml", new TestIndex().bundle("ext.a", "1.0.0", "a.jar", "01"));
        assertEquals(1, sources.snapshot(List.of(url)).resources().size());
        write("i.xml", new TestIndex().bundle("ext.a", "1.0.0", "a.jar", "01").bundle("ext.b", "1.0.0", "b.jar", "02"));
        Files.setLastModifiedTime(dir.resolve("i.xml"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(2, sources.snapshot(List.of(url)).resources().size());
    }

    @Test
    void aMalformedIndexIsAnError() throws IOException {
        Files.writeString(dir.resolve("bad.xml"), "not xml");
        String url = dir.resolve("bad.xml").toUri().toString();
        RepositorySnapshot s = sources.snapshot(List.of(url, "::not a uri"));
        assertTrue(s.errors().get(url).startsWith("not a valid repository index"), s.errors().toString());
        assertEquals(2, s.errors().size());
    }

    private String write(String name, TestIndex index) throws IOException {
        Files.writeString(dir.resolve(name), index.xml());
        return dir.resolve(name).toUri().toString();
    }
}
