package apiary.itest.process;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** The launcher as a user runs it: start, serve, stop cleanly on SIGTERM, start again on the same data folder. */
public class LauncherIT {
    @Test
    public void startsServesAndStopsCleanly() throws Exception {
        Path data = ServerProcess.newDataDir("launcher");
        try (ServerProcess server = ServerProcess.start(data)) {
            String first = (String) server.api().post("GetNewSession", Map.of()).get("server_id");
            assertEquals("SIGTERM ends the server with exit code 0", 0, server.stop());
            // Logged by the stop itself: JUL's own shutdown hook used to drop the handlers first, now and then.
            assertTrue(server.console(), server.console().contains("Stopping Apiary"));
            assertTrue("framework storage lives in the data folder", Files.isDirectory(data.resolve("osgi").resolve("framework")));
            server.restart();
            String second = (String) server.api().post("GetNewSession", Map.of()).get("server_id");
            assertNotEquals("server_id is new for every start", first, second);
            assertEquals(0, server.stop());
        }
    }

    @Test
    public void badArgumentsExitWithUsage() throws Exception {
        Path dist = Path.of(System.getProperty("apiary.itest.distribution"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                dist.resolve("lib") + "/*", "apiary.launcher.Main", "--port", "nope").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.waitFor());
        assertTrue(out, out.contains("--port needs a number") && out.contains("Usage: ./apiary"));
        Process help = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                dist.resolve("lib") + "/*", "apiary.launcher.Main", "--help")).redirectErrorStream(true).start();
        assertTrue(new String(help.getInputStream().readAllBytes()).contains("--data-dir"));
        assertEquals(0, help.waitFor());
    }
}
