package apiary.core.admin.internal.extensions.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class IndexParserTest {
    private static final URI BASE = URI.create("https://repo.example/apiary/index.xml");

    @Test
    void readsIdentityContentAndExtensionMetadata() {
        List<IndexResource> resources = new TestIndex().bundle("ext.hello", "1.2.3", "jars/hello.jar", "ABCDEF")
                .extension("hello", "tools,ui").exports("apiary.ext.hello", "1.0.0").parse(BASE);
        IndexResource r = resources.get(0);
        assertEquals("ext.hello", r.symbolicName());
        assertEquals(new Version(1, 2, 3), r.version());
        assertEquals(URI.create("https://repo.example/apiary/jars/hello.jar"), r.url());
        assertEquals("ABCDEF", r.sha256());
        assertTrue(r.installable());
        ExtensionMetadata m = r.extension().orElseThrow();
        assertEquals("hello", m.name());
        assertEquals(List.of("tools", "ui"), m.describe().get("tags"));
        assertEquals("Display hello", m.describe().get("display_name"));
        assertFalse(m.hidden());
        assertEquals(Version.class, r.getCapabilities("osgi.wiring.package").get(0).getAttributes().get("version").getClass());
    }

    @Test
    void typedAttributes() throws IOException {
        assertEquals(42L, IndexParser.typed("42", "Long"));
        assertEquals(0.5, IndexParser.typed(" 0.5", "Double"));
        assertEquals(List.of("a,b", "c"), IndexParser.typed("a\\,b, c", "List<String>"));
        assertEquals(List.of(new Version(1, 0, 0), new Version(2, 1, 0)), IndexParser.typed("1.0.0,2.1", "List<Version>"));
        assertEquals("text", IndexParser.typed("text", null));
        assertThrows(IOException.class, () -> IndexParser.typed("x", "Long"));
    }

    @Test
    void directivesAreKept() {
        IndexResource r = new TestIndex().bundle("a", "1.0.0", "a.jar", "00").imports("p", "1.0.0", "2.0.0").parse(BASE).get(0);
        Map<String, String> directives = r.getRequirements("osgi.wiring.package").get(0).getDirectives();
        assertEquals("(&(osgi.wiring.package=p)(version>=1.0.0)(!(version>=2.0.0)))", directives.get("filter"));
    }

    @Test
    void refusesWhatIsNotAnIndex() {
        assertThrows(IOException.class, () -> parse("<html><body/></html>"));
        assertThrows(IOException.class, () -> parse("<repository"));
        assertThrows(IOException.class, () -> parse("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<repository xmlns=\"http://www.osgi.org/xmlns/repository/v1.0.0\">&x;</repository>"));
    }

    @Test
    void aResourceWithoutContentIsNotInstallable() throws IOException {
        IndexResource r = parse("<repository xmlns=\"http://www.osgi.org/xmlns/repository/v1.0.0\"><resource>"
                + "<capability namespace=\"osgi.identity\"><attribute name=\"osgi.identity\" value=\"x\"/>"
                + "<attribute name=\"type\" value=\"osgi.bundle\"/></capability></resource></repository>").get(0);
        assertFalse(r.installable());
    }

    private static List<IndexResource> parse(String xml) throws IOException {
        return IndexParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), BASE);
    }
}
