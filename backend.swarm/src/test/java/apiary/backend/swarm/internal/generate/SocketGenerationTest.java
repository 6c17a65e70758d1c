package apiary.backend.swarm.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import apiary.backend.swarm.internal.TestJson;
import apiary.backend.swarm.internal.client.RemoteException;
import apiary.backend.swarm.internal.client.RemoteHttp;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.t2i.T2IRequest;

import org.junit.jupiter.api.Test;

/** Generation sockets against a real (minimal) WebSocket server: opened ahead and used, or replaced when broken. */
class SocketGenerationTest {
    private final List<String> outputs = new CopyOnWriteArrayList<>();
    private final GenerationJob job = new GenerationJob() {
        @Override public T2IRequest request() { return null; }
        @Override public InterruptToken interrupt() { return null; }
        @Override public int backendId() { return -1; }
        @Override public void progress(double overall, double current) { }
        @Override public void preview(byte[] image, String mediaType) { }
        @Override public void output(byte[] data, String mediaType) { outputs.add(mediaType); }
        @Override public void intermediateOutput(byte[] data, String mediaType) { }
    };

    private void generate(RemoteHttp http, SocketSpares spares) throws Exception {
        generate(http, spares, "s1");
    }

    private void generate(RemoteHttp http, SocketSpares spares, String session) throws Exception {
        new SocketGeneration(http, spares).run(new HashMap<>(Map.of("prompt", "p", "session_id", session)),
                new FrameRelay(job, http.base()), () -> false);
    }

    private static RemoteHttp client(MiniSocketServer server) {
        return new RemoteHttp(server.address(), Map.of(), new TestJson(), Duration.ofSeconds(10));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "never: " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void eachNextImageOfASessionGoesOverTheSocketTheRemoteWaitsOn() throws Exception {
        try (MiniSocketServer server = new MiniSocketServer(n -> false)) {
            RemoteHttp http = client(server);
            SocketSpares spares = new SocketSpares(http);
            for (int i = 0; i < 3; i++) {
                generate(http, spares);
            }
            assertEquals(3, outputs.size());
            assertEquals(3, server.requestsOn.size());
            assertEquals(1, server.requestsOn.stream().distinct().count(), "one socket for all three images: " + server.requestsOn);
            // The first image found no spare and opened its own socket; the spare opened in its place is not used yet.
            await("the spare is open", () -> server.accepted() == 2);
            spares.close();
        }
    }

    @Test
    void anotherSessionsImageTakesASpareNotTheWaitingSocket() throws Exception {
        try (MiniSocketServer server = new MiniSocketServer(n -> false)) {
            RemoteHttp http = client(server);
            SocketSpares spares = new SocketSpares(http);
            generate(http, spares, "s1");
            generate(http, spares, "s2");
            generate(http, spares, "s1");
            assertEquals(3, outputs.size());
            List<Integer> on = server.requestsOn;
            assertEquals(on.get(0), on.get(2), "s1 again over its own socket: " + on);
            assertTrue(!on.get(0).equals(on.get(1)), "s2 over another socket: " + on);
            spares.close();
        }
    }

    @Test
    void aWaitingSocketTheRemoteClosedIsReplacedWithoutLosingTheImage() throws Exception {
        // request 2 arrives on the reused socket and the remote drops it unanswered, as if its 2 s had just run out
        try (MiniSocketServer server = new MiniSocketServer(n -> n == 2)) {
            RemoteHttp http = client(server);
            SocketSpares spares = new SocketSpares(http);
            generate(http, spares);
            generate(http, spares);
            assertEquals(List.of("image/png", "image/png"), outputs);
            List<Integer> on = server.requestsOn;
            assertEquals(3, on.size());
            assertEquals(on.get(0), on.get(1), "the second image went first over the first one's socket: " + on);
            assertTrue(!on.get(1).equals(on.get(2)), "then again over another socket: " + on);
            spares.close();
        }
    }

    @Test
    void aSocketThatBreaksBeforeTheRemoteAnsweredIsReplacedOnce() throws Exception {
        try (MiniSocketServer server = new MiniSocketServer(n -> n == 1)) {
            RemoteHttp http = client(server);
            SocketSpares spares = new SocketSpares(http);
            generate(http, spares);
            assertEquals(List.of("image/png"), outputs, "the request went again over a new socket");
            assertEquals(2, server.requestsOn.size());
            spares.close();
        }
    }

    @Test
    void aSocketThatBreaksAgainIsTheRemotesFault() throws Exception {
        try (MiniSocketServer server = new MiniSocketServer(n -> true)) {
            RemoteHttp http = client(server);
            SocketSpares spares = new SocketSpares(http);
            RemoteException e = assertThrows(RemoteException.class, () -> generate(http, spares));
            assertEquals(RemoteException.Kind.UNREACHABLE, e.kind());
            assertEquals(2, server.requestsOn.size(), "tried twice, not more");
            spares.close();
        }
    }

    @Test
    void aRemoteThatIsDownIsUnreachable() {
        RemoteHttp http = new RemoteHttp("http://127.0.0.1:1", Map.of(), new TestJson(), Duration.ofSeconds(2));
        SocketSpares spares = new SocketSpares(http);
        RemoteException e = assertThrows(RemoteException.class, () -> generate(http, spares));
        assertEquals(RemoteException.Kind.UNREACHABLE, e.kind());
        spares.close();
    }
}
