package apiary.backend.swarm.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.backend.swarm.internal.TestJson;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The remote's answers sorted into what the backend does with them, against a real HTTP server on loopback. */
class RemoteSessionsTest {
    private final HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final CountDownLatch never = new CountDownLatch(1);
    private volatile String serverId = "remote-id";

    RemoteSessionsTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/API/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        never.countDown();
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        String route = x.getRequestURI().getPath().substring(5);
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(route + " " + x.getRequestHeaders().getFirst("Authorization") + " " + body);
        switch (route) {
            case "GetNewSession" -> send(x, 200, serverId.equals("login") ? "{\"error\":\"Invalid or unauthorized.\"}" : "{\"session_id\":\"S" + sessions.incrementAndGet() + "\",\"server_id\":\"" + serverId + "\",\"version\":\"0.9\"}");
            case "Known" -> send(x, body.contains("\"S1\"") ? 401 : 200, body.contains("\"S1\"")
                    ? "{\"error\":\"Invalid session ID. You may need to refresh the page.\",\"error_id\":\"invalid_session_id\"}" : "{\"ok\":1}");
            case "Garbage" -> send(x, 200, "<html>proxy error</html>");
            case "Refuse" -> send(x, 401, "Unauthorized");
            case "Fails" -> send(x, 200, "{\"error\":\"Model not found.\"}");
            case "Slow" -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(x, 200, "{}");
            }
            default -> send(x, 400, "{\"error_id\":\"bad_route\",\"error\":\"Unknown API route\"}");
        }
    }

    private static void send(HttpExchange x, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    private RemoteHttp http(Duration timeout) {
        return new RemoteHttp("http://127.0.0.1:" + server.getAddress().getPort(), Map.of("Authorization", "Bearer t"),
                new TestJson(), timeout);
    }

    @Test
    void aSessionTheRemoteForgotIsRenewedOnceAndEachUserHasItsOwn() throws Exception {
        RemoteSessions s = new RemoteSessions(http(Duration.ofSeconds(5)), "local-id");
        assertEquals("S1", s.session("alice"));
        assertEquals(Map.of("ok", 1), s.call("alice", "Known", Map.of(), Duration.ofSeconds(5)));
        assertEquals("S2", s.session("alice"));
        assertEquals("S3", s.session("bob"));
        assertNotEquals(s.session("alice"), s.session(RemoteSessions.SERVICE));
        assertTrue(seen.get(0).startsWith("GetNewSession Bearer t"), seen.get(0));
        assertEquals("0.9", s.remoteVersion());
    }

    @Test
    void connectingToItselfIsRefused() {
        serverId = "local-id";
        RemoteException e = assertThrows(RemoteException.class, () -> new RemoteSessions(http(Duration.ofSeconds(5)), "local-id").session("x"));
        assertEquals(RemoteException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("this server itself"), e.getMessage());
    }

    @Test
    void aRemoteThatWantsALoginSaysHowToGiveIt() {
        serverId = "login";
        RemoteException e = assertThrows(RemoteException.class, () -> new RemoteSessions(http(Duration.ofSeconds(5)), "local-id").session("x"));
        assertEquals(RemoteException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("refused to open a session: Invalid or unauthorized. (if it requires a login"), e.getMessage());
    }

    @Test
    void refusalsGarbageErrorsAndSilenceEachSaySo() {
        RemoteHttp h = http(Duration.ofSeconds(1));
        RemoteException e = assertThrows(RemoteException.class, () -> h.post("Refuse", Map.of()));
        assertEquals(RemoteException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().endsWith("refused the request: HTTP 401 Unauthorized"), e.getMessage());
        e = assertThrows(RemoteException.class, () -> h.post("Garbage", Map.of()));
        assertEquals(RemoteException.Kind.GARBAGE, e.kind());
        assertTrue(e.getMessage().contains("not a JSON object: <html>proxy error</html>"), e.getMessage());
        e = assertThrows(RemoteException.class, () -> h.post("Fails", Map.of()));
        assertEquals(RemoteException.Kind.API_ERROR, e.kind());
        assertEquals("Model not found.", e.getMessage());
        e = assertThrows(RemoteException.class, () -> h.post("Slow", Map.of()));
        assertEquals(RemoteException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("did not answer Slow within 1 seconds"), e.getMessage());
        RemoteHttp nowhere = new RemoteHttp("http://127.0.0.1:1", Map.of(), new TestJson(), Duration.ofSeconds(1));
        e = assertThrows(RemoteException.class, () -> nowhere.post("GetNewSession", Map.of()));
        assertEquals(RemoteException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().startsWith("Cannot reach the remote server at http://127.0.0.1:1"), e.getMessage());
    }
}
