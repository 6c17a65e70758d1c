package apiary.itest.admin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import apiary.itest.Api;

import com.sun.net.httpserver.HttpServer;

import org.junit.After;
import org.junit.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LoggerFactory;

/**
 * The server log routes: one pipeline collecting our code, Jetty and other bundles (System.Logger and the OSGi Log
 * service), typed buffers with one sequence, the log file, and submitting to a paste service (a local test server).
 */
public class AdminLogsIT extends AdminTestSupport {
    private HttpServer paste;

    @After
    public void tearDown() {
        if (paste != null) {
            paste.stop(0);
        }
        settings.change(Map.of("logs.pastebinurl", "https://paste.denizenscript.com/New/Swarm"));
    }

    @Test
    public void logTypesAreTheSixLevelsWithSwarmColours() {
        List<?> types = (List<?>) api.call(session, "ListLogTypes", Map.of()).get("types_available");
        assertEquals(List.of(
                Map.of("name", "Verbose", "color", "#606060", "identifier", ""),
                Map.of("name", "Debug", "color", "#808080", "identifier", ""),
                Map.of("name", "Info", "color", "#00FFFF", "identifier", ""),
                Map.of("name", "Init", "color", "#00FF00", "identifier", ""),
                Map.of("name", "Warning", "color", "#FFFF00", "identifier", ""),
                Map.of("name", "Error", "color", "#FF0000", "identifier", "")), types.subList(0, 6));
    }

    @Test
    public void jettyOurCodeAndOtherBundlesAllReachTheLog() throws Exception {
        String marker = "marker-" + System.nanoTime();
        System.getLogger("itest.probe").log(System.Logger.Level.WARNING, "system logger " + marker);
        ServiceReference<LoggerFactory> ref = context.getServiceReference(LoggerFactory.class);
        context.getService(ref).getLogger("itest.osgi").error("osgi log " + marker);
        context.ungetService(ref);

        List<String> info = messages("Info");
        assertTrue("Jetty's start-up lines", info.stream().anyMatch(m -> m.startsWith("[org.eclipse.jetty.server.Server] jetty-12")));
        assertTrue("our start-up line", messages("Init").stream().anyMatch(m -> m.startsWith("Apiary ") && m.contains(" listening on http://")));
        assertTrue(eventually(() -> messages("Warning").contains("[itest.probe] system logger " + marker)));
        assertTrue("the OSGi Log service's entries, delivered asynchronously",
                eventually(() -> messages("Error").stream().anyMatch(m -> m.endsWith("osgi log " + marker) && m.startsWith("["))));

        Path logs = server.dataDir().resolve("Logs");
        assertTrue("the log file under the data folder has the same lines", eventually(() -> {
            try (Stream<Path> files = Files.walk(logs)) {
                return files.filter(Files::isRegularFile).anyMatch(f -> read(f).contains("[Warning] [itest.probe] system logger " + marker));
            } catch (IOException e) {
                return false;
            }
        }));
    }

    @Test
    public void recentMessagesFollowSequenceIdsAndCaseSensitiveTypes() {
        System.getLogger("itest.probe").log(System.Logger.Level.INFO, "first");
        Map<String, Object> all = recent(List.of("Info", "info", "NoSuchType"), Map.of());
        long last = ((Number) all.get("last_sequence_id")).longValue();
        Map<?, ?> data = (Map<?, ?>) all.get("data");
        assertEquals("type names are case-sensitive; unknown ones are left out", List.of("Info"), new ArrayList<>(data.keySet()));
        Map<?, ?> newest = (Map<?, ?>) ((List<?>) data.get("Info")).get(((List<?>) data.get("Info")).size() - 1);
        assertEquals(List.of("sequence_id", "time", "message"), new ArrayList<>(newest.keySet()));
        assertTrue(((String) newest.get("time")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"));

        System.getLogger("itest.probe").log(System.Logger.Level.INFO, "second");
        List<?> after = (List<?>) ((Map<?, ?>) recent(List.of("Info"), Map.of("Info", last)).get("data")).get("Info");
        assertTrue(after.stream().map(m -> ((Map<?, ?>) m).get("message")).anyMatch("[itest.probe] second"::equals));
        assertTrue(after.stream().allMatch(m -> ((Number) ((Map<?, ?>) m).get("sequence_id")).longValue() > last));
        assertEquals("a type with nothing newer answers []", List.of(),
                ((Map<?, ?>) recent(List.of("Info"), Map.of("Info", Long.MAX_VALUE)).get("data")).get("Info"));
    }

    @Test
    public void recentMessagesRejectBadBodiesClearly() {
        assertEquals("Missing or invalid 'types': must be a JSON array.", api.call(session, "ListRecentLogMessages", Map.of()).get("error"));
        assertEquals("Missing or invalid 'last_sequence_ids': must be a JSON object.",
                api.call(session, "ListRecentLogMessages", Map.of("types", List.of("Info"), "last_sequence_ids", 5)).get("error"));
        assertTrue(((String) api.call(session, "ListRecentLogMessages", Map.of("types", List.of("Info"),
                "last_sequence_ids", Map.of("Info", "abc"))).get("error")).startsWith("Invalid value 'abc' in last_sequence_ids"));
    }

    @Test
    public void submitToPastebinPostsTheLogAndReturnsTheUrl() throws Exception {
        AtomicReference<Map<String, String>> received = new AtomicReference<>();
        startPaste(exchange -> {
            received.set(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            return "https://paste.example/View/42";
        });
        for (int i = 0; i < 5; i++) {
            System.getLogger("itest.probe").log(System.Logger.Level.WARNING, "padding line " + i + " to pass the minimum size of a paste");
        }
        Api.Reply r = api.call(session, "LogSubmitToPastebin", Map.of("type", "warning"));
        assertEquals(r.toString(), "https://paste.example/View/42", r.get("url"));
        Map<String, String> form = received.get();
        assertEquals("swarm", form.get("pastetype"));
        assertEquals("micro", form.get("response"));
        assertTrue(form.get("contents").contains("[Warning] [itest.probe] padding line 4"));
        assertTrue("only the level asked for and above", !form.get("contents").contains("[Info] "));

        assertEquals("Invalid log level type specified.", api.call(session, "LogSubmitToPastebin", Map.of("type", "loud")).get("error"));
        assertEquals("Missing required parameter 'type'", api.call(session, "LogSubmitToPastebin", Map.of()).get("error"));
    }

    @Test
    public void submitToPastebinReportsAnUnreachableOrBrokenService() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            settings.change(Map.of("logs.pastebinurl", "http://127.0.0.1:" + s.getLocalPort() + "/New/Swarm"));
        }
        assertEquals("Failed to submit log to pastebin - could not reach 127.0.0.1.",
                api.call(session, "LogSubmitToPastebin", Map.of("type", "verbose")).get("error"));
        startPaste(exchange -> "<html>oops</html>");
        assertEquals("Failed to submit log to pastebin - server error?",
                api.call(session, "LogSubmitToPastebin", Map.of("type", "verbose")).get("error"));
        settings.change(Map.of("logs.pastebinurl", "file:///etc/passwd"));
        assertEquals("The pastebin URL (server setting logs.pastebinurl) is not a valid http(s) URL.",
                api.call(session, "LogSubmitToPastebin", Map.of("type", "verbose")).get("error"));
    }

    private interface Answer {
        String answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException;
    }

    private void startPaste(Answer answer) throws IOException {
        if (paste != null) {
            paste.stop(0);
        }
        paste = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        paste.createContext("/New/Swarm", exchange -> {
            byte[] body = answer.answer(exchange).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        paste.start();
        settings.change(Map.of("logs.pastebinurl", "http://127.0.0.1:" + paste.getAddress().getPort() + "/New/Swarm"));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private Map<String, Object> recent(List<String> types, Map<String, Object> last) {
        Api.Reply r = api.call(session, "ListRecentLogMessages", Map.of("types", types, "last_sequence_ids", last));
        assertEquals(r.toString(), 200, r.status);
        return r.json;
    }

    private List<String> messages(String type) {
        List<String> out = new ArrayList<>();
        for (Object m : (List<?>) ((Map<?, ?>) recent(List.of(type), Map.of()).get("data")).get(type)) {
            out.add((String) ((Map<?, ?>) m).get("message"));
        }
        return out;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "";
        }
    }

    static boolean eventually(java.util.function.BooleanSupplier check) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (check.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return check.getAsBoolean();
    }
}
