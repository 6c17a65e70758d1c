package apiary.itest.extensions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The repository shipped in the distribution: it lists every server bundle of the distribution in its exact version
 * (what CheckForUpdates compares against), and each bundle's SHA-256 matches the jar beside the index.
 */
public class ShippedRepositoryIT {
    @Test
    public void listsEveryServerBundleWithItsHash() throws Exception {
        Path dist = Path.of(System.getProperty("apiary.itest.distribution"));
        Path repository = dist.resolve("repository");
        Map<String, String[]> indexed = readIndex(repository.resolve("index.xml"));
        int serverBundles = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dist.resolve("bundles"), "core.*.jar")) {
            for (Path jar : jars) {
                Attributes main;
                try (JarFile jf = new JarFile(jar.toFile())) {
                    main = jf.getManifest().getMainAttributes();
                }
                String bsn = main.getValue("Bundle-SymbolicName").split(";")[0].trim();
                String[] entry = indexed.get(bsn);
                assertTrue(bsn + " is missing from the shipped repository index (ext-repo/index/pom.xml)", entry != null);
                assertEquals(bsn, main.getValue("Bundle-Version"), entry[0]);
                assertEquals(bsn, sha256(jar), entry[1]);
                serverBundles++;
            }
        }
        assertTrue(serverBundles >= 5);
        for (String[] entry : indexed.values()) {
            assertEquals("every indexed jar is shipped and intact: " + entry[2], entry[1], sha256(repository.resolve(entry[2])));
        }
    }

    /** @return symbolic name to {version, sha256, url} */
    private static Map<String, String[]> readIndex(Path index) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        NodeList resources = f.newDocumentBuilder().parse(index.toFile()).getElementsByTagNameNS("*", "resource");
        Map<String, String[]> out = new HashMap<>();
        for (int i = 0; i < resources.getLength(); i++) {
            Map<String, String> attrs = new HashMap<>();
            NodeList attributes = ((Element) resources.item(i)).getElementsByTagNameNS("*", "attribute");
            for (int j = 0; j < attributes.getLength(); j++) {
                Element a = (Element) attributes.item(j);
                String namespace = ((Element) a.getParentNode()).getAttribute("namespace");
                attrs.put(namespace + "/" + a.getAttribute("name"), a.getAttribute("value"));
            }
            out.put(attrs.get("osgi.identity/osgi.identity"), new String[] {attrs.get("osgi.identity/version"),
                    attrs.get("osgi.content/osgi.content").toLowerCase(), attrs.get("osgi.content/url")});
        }
        return out;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
