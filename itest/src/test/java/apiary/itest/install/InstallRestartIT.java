package apiary.itest.install;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * The real launcher: a setup that added a ComfyUI backend survives the process being killed, so the entry is still
 * there (errored: its ComfyUI is not on disk) and the setup refuses to run again.
 */
public class InstallRestartIT {
    @Test
    public void theSetupAndItsBackendEntrySurviveAKill() throws Exception {
        Path data = ServerProcess.newDataDir("install-restart");
        try (ServerProcess server = ServerProcess.start(data)) {
            assertEquals("empty", backendStatus(server.api()));
            Api.WsResult r = install(server.api());
            assertEquals(r.frames.toString(), Map.of("success", true), r.last());
            // The entry's ComfyUI is not on disk (the installer does not download it): init fails until errored.
            assertEquals("the ComfyUI entry cannot start", "errored", awaitStatus(server.api(), "errored"));

            server.killHard();
            server.restart();

            assertEquals("the entry was persisted", "errored", awaitStatus(server.api(), "errored"));
            assertEquals(List.of(Map.of("error", "Server is already installed!")), install(server.api()).frames);
            assertEquals(0, server.stop());
        }
    }

    private static Api.WsResult install(Api api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_id", api.newSession());
        body.put("theme", "modern_dark");
        body.put("installed_for", "just_self");
        body.put("backend", "comfyui");
        body.put("models", "none");
        body.put("install_amd", false);
        body.put("language", "en");
        return api.ws("InstallConfirmWS", body);
    }

    private static String awaitStatus(Api api, String wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        String status = backendStatus(api);
        while (!status.equals(wanted) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            status = backendStatus(api);
        }
        return status;
    }

    private static String backendStatus(Api api) {
        Api.Reply r = api.call(api.newSession(), "GetCurrentStatus", Map.of());
        return (String) ((Map<?, ?>) r.get("backend_status")).get("status");
    }
}
