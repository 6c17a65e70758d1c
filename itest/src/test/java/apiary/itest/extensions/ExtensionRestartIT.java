package apiary.itest.extensions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * The real launcher as a process: installed extensions come back after a restart; UpdateAndRestart updates a
 * server bundle and an extension from the index and restarts the framework inside the process; with
 * {@code force} it exits with 42 for {@code ./apiary} to rebuild and relaunch.
 */
public class ExtensionRestartIT {
    private static final String INDEX_PROPERTY = "apiary.extensions.index";

    @Test
    public void extensionsSurviveRestartsAndUpdateAndRestartUpdatesInProcess() throws Exception {
        Path data = ServerProcess.newDataDir("extensions");
        String shipped = Path.of(System.getProperty("apiary.itest.distribution")).resolve("repository")
                .resolve("index.xml").toUri().toString();
        try (ServerProcess server = ServerProcess.start(data)) {
            ExtensionAdmin admin = new ExtensionAdmin(server.api());
            admin.installOk("hello");
            admin.installOk("promptstats");
            assertEquals(0, server.stop());
        }

        try (ServerProcess server = ServerProcess.start(data, List.of(),
                Map.of(INDEX_PROPERTY, shipped + "," + ExtensionAdmin.index("repository-updates")))) {
            ExtensionAdmin admin = new ExtensionAdmin(server.api());
            assertEquals("hello came back", "Hello, Ann!", admin.call("Hello", Map.of("name", "Ann")).get("greeting"));
            assertEquals("promptstats and its library came back", 3, admin.call("PromptStats", Map.of("prompt", "a red fox")).get("words"));
            assertEquals("active", admin.row("installed", "promptstats").orElseThrow().get("state"));

            Map<String, Object> check = admin.call("CheckForUpdates", Map.of()).json;
            assertEquals(check.toString(), 1, check.get("server_updates_count"));
            assertEquals(List.of("core.backends: 0.1.0.SNAPSHOT -> 0.1.0.zz-update-fixture"), check.get("server_updates_preview"));
            assertEquals(List.of("hello"), check.get("extension_updates"));

            String before = (String) server.api().post("GetNewSession", Map.of()).get("server_id");
            Api.Reply update = admin.call("UpdateAndRestart", Map.of("updateExtensions", true));
            assertEquals(update.toString(), Map.of("success", true,
                    "result", "Update successful. Restarting... (please wait a moment, then refresh the page)"), update.json);
            waitForNewServerId(server.api(), before);

            ExtensionAdmin after = new ExtensionAdmin(server.api());
            Map<String, Object> again = after.call("CheckForUpdates", Map.of()).json;
            assertEquals(again.toString(), 0, again.get("server_updates_count"));
            assertEquals(List.of(), again.get("extension_updates"));
            assertEquals("1.1.0", after.row("installed", "hello").orElseThrow().get("version"));
            assertEquals("Hello, Ann!", after.call("Hello", Map.of("name", "Ann")).get("greeting"));
            assertEquals(Map.of("success", false, "result", "No changes found."), after.call("UpdateAndRestart", Map.of()).json);

            assertEquals(true, after.call("UpdateAndRestart", Map.of("force", true)).get("success"));
            assertEquals("force asks ./apiary to rebuild and relaunch", 42, server.waitForExit(Duration.ofSeconds(60)));
        }
    }

    private static void waitForNewServerId(Api api, String before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Object id = api.post("GetNewSession", Map.of()).get("server_id");
                if (id != null && !id.equals(before)) {
                    return;
                }
            } catch (RuntimeException e) {
                // Restarting: not listening for a moment.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not come back after UpdateAndRestart");
    }
}
