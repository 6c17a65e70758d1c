package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.pg.PostgresServer;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * A database that cannot be opened at boot (PostgreSQL not running yet): the server says so in every answer and in
 * its log, serves nothing meanwhile (so a required Authorization header cannot be skipped), keeps retrying, and
 * serves normally once the database comes up, with its stored settings applied.
 */
public class DatabaseOutageIT {
    private static final String AUTH = "Bearer outage-secret";

    @Test
    public void theServerWaitsForItsDatabaseAndSaysWhy() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            pg.createDatabase("outage");
            Map<String, String> props = new java.util.HashMap<>(pg.properties("outage"));
            props.put("apiary.http.readyTimeoutSeconds", "2");
            // First a normal run that stores a required Authorization header (loopback not exempt).
            try (ServerProcess first = ServerProcess.start(ServerProcess.newDataDir("outage"), List.of(), props)) {
                Api api = first.api();
                String s = api.newSession();
                assertEquals(Map.of("success", true), api.call(s, "ChangeServerSettings", Map.of("settings",
                        Map.of("network.requiredauthorization", AUTH, "network.authbypassips", ""))).json);
                assertEquals(0, first.stop());
            }
            pg.stopServer();
            try (ServerProcess server = ServerProcess.start(ServerProcess.newDataDir("outage"), List.of(), props,
                    reply -> reply.status == 503)) {
                Api api = server.api();
                // Until the first attempt to open the database has failed the server only knows it is starting.
                Await.until("the server says its database is unavailable", 30,
                        () -> "database_unavailable".equals(api.post("GetNewSession", Map.of()).get("error_id")));
                Api.Reply r = api.post("GetNewSession", Map.of());
                assertEquals(503, r.status);
                assertEquals("database_unavailable", r.get("error_id"));
                assertTrue(r.toString(), ((String) r.get("error")).contains("cannot open its database"));
                assertEquals("5", r.raw.headers().firstValue("Retry-After").orElse(""));
                // Even with the right header, and for pages too: nothing is served while settings are unknown.
                assertEquals(503, api.send(post(api, "GetNewSession", AUTH)).status);
                assertEquals(503, api.send(HttpRequest.newBuilder(api.uri("/Text2Image")).GET().build()).status);
                Await.until("the log says why and that it retries", 30, () -> {
                    try {
                        String log = server.console();
                        return log.contains("Database: cannot open") && log.contains("retrying in");
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });

                pg.startAgain();
                Await.until("the server opens the database by itself", 60,
                        () -> api.send(post(api, "GetNewSession", AUTH)).status == 200);
                assertEquals("the stored Authorization requirement applies", 401, api.post("GetNewSession", Map.of()).status);
            }
        }
    }

    private static HttpRequest post(Api api, String route, String authorization) {
        return HttpRequest.newBuilder(api.uri("/API/" + route)).header("Content-Type", "application/json")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }
}
