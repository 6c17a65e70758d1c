package apiary.itest.admin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/** What needs a real process: settings surviving a restart, and ShutdownServer ending the process cleanly. */
public class AdminProcessIT {
    @Test
    public void settingsSurviveARestartAndShutdownServerExitsWithZero() throws Exception {
        Path data = ServerProcess.newDataDir("admin-process");
        try (ServerProcess server = ServerProcess.start(data)) {
            Api api = server.api();
            String s = api.newSession();
            assertEquals(Map.of("success", true), api.call(s, "ChangeServerSettings",
                    Map.of("settings", Map.of("maintenance.userdbbackups", 11, "logs.loglevel", "Warning"))).json);
            assertEquals(0, server.stop());

            server.restart();
            api = server.api();
            s = api.newSession();
            Map<?, ?> tree = (Map<?, ?>) api.call(s, "ListServerSettings", Map.of()).get("settings");
            Map<?, ?> maintenance = (Map<?, ?>) ((Map<?, ?>) tree.get("maintenance")).get("value");
            assertEquals(11, ((Map<?, ?>) maintenance.get("userdbbackups")).get("value"));
            String before = server.console();
            api.call(s, "LogSubmitToPastebin", Map.of("type", "nonsense"));
            assertTrue("log level Warning keeps Info lines off the console",
                    !server.console().substring(before.length()).contains("[Info]"));

            assertEquals(Map.of("success", true), api.call(s, "ShutdownServer", Map.of()).json);
            assertEquals("ShutdownServer ends the process with exit code 0", 0, server.waitForExit(Duration.ofSeconds(60)));

            server.restart();
            s = server.api().newSession();
            tree = (Map<?, ?>) server.api().call(s, "ListServerSettings", Map.of()).get("settings");
            assertEquals("the database was closed cleanly and still has the change", 11,
                    ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) tree.get("maintenance")).get("value")).get("userdbbackups")).get("value"));
            assertEquals(0, server.stop());
        }
    }
}
