package apiary.core.admin.internal.extensions.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes small repository indexes in the OSGi XML format for tests, and parses them. */
public final class TestIndex {
    private final StringBuilder xml = new StringBuilder(
            "<repository xmlns=\"http://www.osgi.org/xmlns/repository/v1.0.0\" name=\"test\">\n");

    /**
     * Starts a bundle resource.
     *
     * @param bsn symbolic name
     * @param version version
     * @param url content URL, relative to the index
     * @param sha256 content hash
     * @return this
     */
    public TestIndex bundle(String bsn, String version, String url, String sha256) {
        if (xml.indexOf("<resource>") >= 0 && !xml.toString().endsWith("</resource>\n")) {
            xml.append("</resource>\n");
        }
        xml.append("<resource>\n")
                .append(clause("capability", "osgi.identity", "",
                        attr("osgi.identity", bsn, null) + attr("type", "osgi.bundle", null) + attr("version", version, "Version")))
                .append(clause("capability", "osgi.content", "", attr("osgi.content", sha256, null) + attr("url", url, null)));
        return this;
    }

    /** Adds an exported package. */
    public TestIndex exports(String pkg, String version) {
        xml.append(clause("capability", "osgi.wiring.package", "",
                attr("osgi.wiring.package", pkg, null) + attr("version", version, "Version")));
        return this;
    }

    /** Adds an imported package with a version range {@code [from, to)}. */
    public TestIndex imports(String pkg, String from, String to) {
        String filter = "(&amp;(osgi.wiring.package=" + pkg + ")(version&gt;=" + from + ")(!(version&gt;=" + to + ")))";
        xml.append(clause("requirement", "osgi.wiring.package", "<directive name=\"filter\" value=\"" + filter + "\"/>", ""));
        return this;
    }

    /** Declares the resource an extension. */
    public TestIndex extension(String name, String tags) {
        xml.append(clause("capability", "apiary.extension", "",
                attr("apiary.extension", name, null) + attr("name", "Display " + name, null) + attr("tags", tags, "List&lt;String&gt;")));
        return this;
    }

    /** @return the XML text */
    public String xml() {
        String s = xml.toString();
        return s + (s.contains("<resource>") && !s.endsWith("</resource>\n") ? "</resource>\n" : "") + "</repository>\n";
    }

    /** @return the parsed resources, as if read from {@code base} */
    public List<IndexResource> parse(URI base) {
        try {
            return IndexParser.parse(new ByteArrayInputStream(xml().getBytes(StandardCharsets.UTF_8)), base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clause(String kind, String namespace, String directives, String attributes) {
        return "<" + kind + " namespace=\"" + namespace + "\">" + directives + attributes + "</" + kind + ">\n";
    }

    private static String attr(String name, String value, String type) {
        return "<attribute name=\"" + name + "\" value=\"" + value + "\"" + (type == null ? "" : " type=\"" + type + "\"") + "/>";
    }
}
