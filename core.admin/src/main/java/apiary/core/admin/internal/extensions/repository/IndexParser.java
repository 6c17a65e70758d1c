package apiary.core.admin.internal.extensions.repository;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Version;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the XML format of the OSGi Repository specification (what bnd's indexer writes): {@code <repository>}
 * of {@code <resource>}s, each with {@code <capability>} and {@code <requirement>} elements holding typed
 * {@code <attribute>}s and {@code <directive>}s.
 */
public final class IndexParser {
    private IndexParser() {
    }

    /**
     * @param in the index XML
     * @param indexUri where it came from; relative content URLs resolve against it
     * @return the resources, in index order
     * @throws IOException when the text is not a repository index
     */
    public static List<IndexResource> parse(InputStream in, URI indexUri) throws IOException {
        Element root;
        try {
            root = builder().parse(in).getDocumentElement();
        } catch (SAXException e) {
            throw new IOException("not a valid repository index: " + e.getMessage(), e);
        }
        if (!"repository".equals(root.getLocalName())) {
            throw new IOException("not a repository index: the root element is <" + root.getLocalName() + ">");
        }
        List<IndexResource> out = new ArrayList<>();
        for (Element r : children(root, "resource")) {
            IndexResource resource = new IndexResource(indexUri);
            for (Element clause : children(r, null)) {
                boolean capability = "capability".equals(clause.getLocalName());
                if (!capability && !"requirement".equals(clause.getLocalName())) {
                    continue;
                }
                Map<String, String> directives = new LinkedHashMap<>();
                Map<String, Object> attributes = new LinkedHashMap<>();
                for (Element d : children(clause, "directive")) {
                    directives.put(d.getAttribute("name"), d.getAttribute("value"));
                }
                for (Element a : children(clause, "attribute")) {
                    attributes.put(a.getAttribute("name"), typed(a.getAttribute("value"), a.getAttribute("type")));
                }
                resource.add(clause.getAttribute("namespace"), directives, attributes, capability);
            }
            out.add(resource);
        }
        return out;
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // An index comes from the network: no DTDs, no external entities.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser available", e);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && (localName == null || localName.equals(n.getLocalName()))) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** Converts an attribute value by its declared type; an unknown type is kept as text. */
    static Object typed(String value, String type) throws IOException {
        String t = type == null ? "" : type.replace(" ", "");
        try {
            if (t.startsWith("List<") && t.endsWith(">")) {
                Function<String, Object> element = scalar(t.substring(5, t.length() - 1));
                List<Object> list = new ArrayList<>();
                for (String part : splitList(value)) {
                    list.add(element.apply(part));
                }
                return list;
            }
            return scalar(t).apply(value);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad " + (t.isEmpty() ? "String" : t) + " value '" + value + "'", e);
        }
    }

    private static Function<String, Object> scalar(String type) {
        switch (type) {
            case "Version":
                return s -> Version.parseVersion(s.trim());
            case "Long":
                return s -> Long.valueOf(s.trim());
            case "Double":
                return s -> Double.valueOf(s.trim());
            default:
                return s -> s;
        }
    }

    /** Splits a list value at commas; a backslash escapes the next character, as the spec says. */
    private static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                current.append(value.charAt(++i));
            } else if (c == ',') {
                out.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString().trim());
        return out;
    }
}
