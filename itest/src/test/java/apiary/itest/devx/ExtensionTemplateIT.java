package apiary.itest.devx;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * The extension template built outside this repository, as its developer would (Maven on a copy in a temporary
 * folder, against the core.api artifact), then installed into a running server through its repository index, and
 * through the development folder: a rebuilt jar (same version, then a new one) replaces the running bundle, a jar
 * that cannot resolve is reported with the reason, and turning the folder off removes its bundles.
 */
public class ExtensionTemplateIT {
    @Test
    public void theTemplateBuildsOutsideTheRepositoryAndInstallsThroughTheIndexAndTheDevFolder() throws Exception {
        Path work = Path.of(System.getProperty("apiary.itest.workDir")).resolve("template-" + System.nanoTime());
        Path project = work.resolve("greeter");
        ScratchCopy.copy(NestedMaven.repositoryRoot().resolve("extension-template"), project);
        assertTrue("the template builds against this version of core.api",
                Files.readString(project.resolve("pom.xml")).contains("<apiary.version>" + System.getProperty("apiary.itest.version") + "</apiary.version>"));
        NestedMaven maven = NestedMaven.prepare(work);
        maven.build(project, "package");
        Path jar = project.resolve("target/ext.greeter-1.0.0.jar");
        Path index = project.resolve("target/repository/index.xml");
        assertTrue(Files.exists(index) && Files.readString(index).contains("ext.greeter-1.0.0.jar"));
        checkManifest(jar);

        String shipped = Path.of(System.getProperty("apiary.itest.distribution")).resolve("repository/index.xml").toUri().toString();
        Path data = ServerProcess.newDataDir("template");
        try (ServerProcess server = ServerProcess.start(data, List.of(),
                Map.of("apiary.extensions.index", shipped + "," + index.toUri()))) {
            Api api = server.api();
            String session = api.newSession();
            assertEquals(Map.of("success", true), api.call(session, "InstallExtension", Map.of("extensionName", "greeter")).json);
            assertEquals("Hello, Ann!", greet(api, session));
            assertEquals(Map.of("success", true), api.call(session, "UninstallExtension", Map.of("extensionName", "greeter")).json);
            assertEquals(null, greet(api, session));

            Map<String, Object> off = api.call(session, "ListDevExtensions", Map.of()).json;
            assertEquals("off by default", false, off.get("enabled"));
            assertEquals(false, off.get("watching"));
            setDevFolder(api, session, true);
            Map<String, Object> on = api.call(session, "ListDevExtensions", Map.of()).json;
            assertEquals(true, on.get("watching"));
            Path folder = Path.of((String) on.get("folder"));
            assertEquals(data.resolve("dev-extensions").toAbsolutePath(), folder);

            drop(jar, folder);
            await("the dropped jar serves its route", () -> "Hello, Ann!".equals(greet(api, session)));
            Map<?, ?> row = row(api, session, "ext.greeter-1.0.0.jar");
            assertEquals("active", row.get("state"));
            assertEquals("1.0.0", row.get("version"));
            assertEquals(null, row.get("reason"));

            ScratchCopy.replace(project.resolve("src/main/java/com/example/apiary/greeter/GreeterRoutes.java"),
                    "GREETING = \"Hello\"", "GREETING = \"Howdy\"");
            maven.build(project, "package");
            drop(jar, folder);
            await("the rebuilt jar, same version, replaces the bundle", () -> "Howdy, Ann!".equals(greet(api, session)));

            ScratchCopy.replace(project.resolve("pom.xml"), "<version>1.0.0</version>", "<version>1.0.1</version>");
            ScratchCopy.replace(project.resolve("src/main/java/com/example/apiary/greeter/GreeterRoutes.java"),
                    "GREETING = \"Howdy\"", "GREETING = \"Hi\"");
            maven.build(project, "package");
            // The same file name in the folder: a new version of the same bundle, updated in place.
            drop(project.resolve("target/ext.greeter-1.0.1.jar"), folder, "ext.greeter-1.0.0.jar");
            await("a new version replaces the bundle", () -> "Hi, Ann!".equals(greet(api, session)));
            assertEquals("1.0.1", row(api, session, "ext.greeter-1.0.0.jar").get("version"));

            server.restart();
            Api again = server.api();
            String s2 = again.newSession();
            await("after a restart the folder is watched again", () -> "Hi, Ann!".equals(greet(again, s2)));
            assertEquals(true, again.call(s2, "ListDevExtensions", Map.of()).get("watching"));
            devFolderChecks(again, s2, work, folder);
        }
    }

    /** A jar that cannot resolve is reported and removed again; turned off, the folder's bundles go. */
    private static void devFolderChecks(Api api, String session, Path work, Path folder) throws Exception {
        Path broken = work.resolve("broken.jar");
        writeUnresolvableBundle(broken);
        drop(broken, folder);
        await("a jar that cannot resolve is reported", () -> {
            Map<?, ?> r = row(api, session, "broken.jar");
            return r != null && "installed".equals(r.get("state")) && String.valueOf(r.get("reason")).contains("com.example.nowhere");
        });
        assertEquals("the working one keeps working", "Hi, Ann!", greet(api, session));
        Files.delete(folder.resolve("broken.jar"));
        await("a removed jar is uninstalled", () -> row(api, session, "broken.jar") == null);

        setDevFolder(api, session, false);
        await("turned off, its bundles are gone", () -> greet(api, session) == null);
        Map<?, ?> left = row(api, session, "ext.greeter-1.0.0.jar");
        assertEquals("not installed", left.get("state"));
        assertEquals(false, api.call(session, "ListDevExtensions", Map.of()).get("watching"));
    }

    private static void checkManifest(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Attributes m = jf.getManifest().getMainAttributes();
            assertEquals("ext.greeter", m.getValue("Bundle-SymbolicName"));
            assertEquals("1.0.0", m.getValue("Bundle-Version"));
            String imports = m.getValue("Import-Package");
            for (String clause : imports.split(",(?=[a-z])")) {
                assertTrue("imports only the contract, OSGi and Java: " + imports, clause.startsWith("apiary.core.api")
                        || clause.startsWith("org.osgi") || clause.startsWith("java."));
            }
            assertTrue(m.getValue("Provide-Capability"), m.getValue("Provide-Capability").contains("apiary.extension;apiary.extension=greeter"));
            assertTrue(m.getValue("Require-Capability"), m.getValue("Require-Capability").contains("osgi.extender=osgi.component"));
            assertTrue("-parameters kept the names", jf.getEntry("OSGI-INF/com.example.apiary.greeter.GreeterRoutes.xml") != null);
        }
    }

    private static String greet(Api api, String session) {
        Object greeting = api.call(session, "Greet", Map.of("name", "Ann")).get("greeting");
        return greeting == null ? null : greeting.toString();
    }

    private static void setDevFolder(Api api, String session, boolean on) {
        Api.Reply r = api.call(session, "ChangeServerSettings", Map.of("settings", Map.of("extensions.developmentfolder", on)));
        assertEquals(r.toString(), Map.of("success", true), r.json);
    }

    private static Map<?, ?> row(Api api, String session, String file) {
        for (Object o : (List<?>) api.call(session, "ListDevExtensions", Map.of()).get("files")) {
            if (file.equals(((Map<?, ?>) o).get("file"))) {
                return (Map<?, ?>) o;
            }
        }
        return null;
    }

    /** Puts a jar into the folder in one step (a move), as a build that writes elsewhere and moves would. */
    static void drop(Path jar, Path folder) throws IOException {
        drop(jar, folder, jar.getFileName().toString());
    }

    static void drop(Path jar, Path folder, String name) throws IOException {
        Path tmp = folder.resolveSibling(name + ".tmp");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeUnresolvableBundle(Path jar) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "ext.devx.unresolvable");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "com.example.nowhere;version=\"[1.0,2)\"");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after 30 s waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
