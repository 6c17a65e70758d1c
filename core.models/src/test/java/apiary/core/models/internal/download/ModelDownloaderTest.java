package apiary.core.models.internal.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real HTTP against a local server: success, wrong bytes, errors, refused connections and stalls; resuming with
 * Range requests after a break, across two downloads, after the file changed; and a wrong size that leaves nothing.
 */
class ModelDownloaderTest {
    private static final byte[] BODY = "pretend safetensors".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BIG = big();

    @TempDir
    Path dir;
    private HttpServer server;
    private ExecutorService threads;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean down;
    private volatile String etag = "\"v1\"";
    // Generous read time limits, so that a loaded machine does not turn a slow answer into a broken one; the stall
    // test has its own short limit.
    private final ModelDownloader downloader = new ModelDownloader(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(10));
    private final ModelDownloader impatient = new ModelDownloader(Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofMillis(10));

    private static byte[] big() {
        byte[] b = new byte[300_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + (i >> 8));
        }
        return b;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        // Cuts the first answer after 100,000 bytes; answers Range requests (206) while If-Range matches.
        server.createContext("/flaky", ex -> ranged(ex, BIG, BIG.length, requests.incrementAndGet() == 1 ? 100_000 : -1));
        // Cuts the first answer, then is down (503) until the test brings it back.
        server.createContext("/dying", ex -> {
            if (requests.incrementAndGet() > 1 && down) {
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            ranged(ex, BIG, BIG.length, requests.get() == 1 ? 100_000 : -1);
        });
        // Announces 100 bytes more than it has, and can resume.
        server.createContext("/short", ex -> ranged(ex, BIG, BIG.length + 100, -1));
        server.createContext("/model", ex -> {
            ex.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.createContext("/stall", ex -> {
            ex.sendResponseHeaders(200, BODY.length);
            ex.getResponseBody().write(BODY, 0, 3);
            ex.getResponseBody().flush();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    /** Serves {@code body} announcing {@code length} bytes, honouring {@code Range: bytes=N-}; cuts after {@code cut} bytes. */
    private void ranged(HttpExchange ex, byte[] body, long length, int cut) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        String ifRange = ex.getRequestHeaders().getFirst("If-Range");
        ranges.add(range == null ? "" : range + " " + ifRange);
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        ex.getResponseHeaders().add("ETag", etag);
        int from = 0;
        if (range != null && (ifRange == null || ifRange.equals(etag))) {
            from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            if (from >= body.length) {
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (length - 1) + "/" + length);
            ex.sendResponseHeaders(206, length - from);
        } else {
            ex.sendResponseHeaders(200, length);
        }
        OutputStream out = ex.getResponseBody();
        int end = cut >= 0 ? Math.min(cut, body.length) : body.length;
        out.write(body, from, end - from);
        out.flush();
        // Closing before the announced length was sent breaks the connection, as a dropped link would.
        ex.close();
    }

    private List<String> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBrokenTransferResumesWithARangeRequest() throws Exception {
        Path target = dir.resolve("m.safetensors");
        downloader.download(uri("/flaky"), sha(BIG), 1 << 20, target, (d, t, r) -> { });
        assertArrayEquals(BIG, Files.readAllBytes(target));
        assertEquals(List.of("", "bytes=100000- \"v1\""), ranges);
        assertEquals(List.of("m.safetensors"), files());
    }

    @Test
    void whatWasReceivedIsKeptAndALaterDownloadResumes() throws Exception {
        down = true;
        Path target = dir.resolve("m.safetensors");
        IOException e = assertThrows(IOException.class, () -> downloader.download(uri("/dying"), sha(BIG), 1 << 20, target, (d, t, r) -> { }));
        assertTrue(e.getMessage().contains("100000 bytes received are kept"), e.getMessage());
        assertEquals(List.of(".m.safetensors.download", ".m.safetensors.download.state"), files());
        assertEquals(100_000, Files.size(dir.resolve(".m.safetensors.download")));
        down = false;
        ranges.clear();
        downloader.download(uri("/dying"), sha(BIG), 1 << 20, target, (d, t, r) -> { });
        assertArrayEquals(BIG, Files.readAllBytes(target));
        assertEquals(List.of("bytes=100000- \"v1\""), ranges);
        assertEquals(List.of("m.safetensors"), files());
    }

    @Test
    void aFileChangedOnTheServerIsDownloadedAfresh() throws Exception {
        down = true;
        Path target = dir.resolve("m.safetensors");
        assertThrows(IOException.class, () -> downloader.download(uri("/dying"), null, 1 << 20, target, (d, t, r) -> { }));
        down = false;
        etag = "\"v2\"";
        downloader.download(uri("/dying"), sha(BIG), 1 << 20, target, (d, t, r) -> { });
        assertArrayEquals(BIG, Files.readAllBytes(target), "If-Range did not match: the whole file came again");
        assertEquals(List.of("m.safetensors"), files());
    }

    @Test
    void anotherUrlToTheSameTargetStartsAfresh() throws Exception {
        down = true;
        Path target = dir.resolve("m.safetensors");
        assertThrows(IOException.class, () -> downloader.download(uri("/dying"), null, 1 << 20, target, (d, t, r) -> { }));
        ranges.clear();
        downloader.download(uri("/flaky"), sha(BIG), 1 << 20, target, (d, t, r) -> { });
        assertEquals("", ranges.get(0), "the kept bytes of another URL are not resumed");
        assertArrayEquals(BIG, Files.readAllBytes(target));
    }

    @Test
    void aSizeOtherThanAnnouncedLeavesNothing() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> downloader.download(uri("/short"), null, 1 << 20, dir.resolve("m.safetensors"), (d, t, r) -> { }));
        assertTrue(e.getMessage().contains("announced"), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void aWrongHashAfterAResumeLeavesNothing() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> downloader.download(uri("/flaky"), sha(BODY), 1 << 20, dir.resolve("m.safetensors"), (d, t, r) -> { }));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void aCancelWhileResumingLeavesNothing() throws Exception {
        down = true;
        assertThrows(IllegalStateException.class, () -> downloader.download(uri("/dying"), null, 1 << 20,
                dir.resolve("m.safetensors"), (d, t, r) -> {
                    if (requests.get() > 1) {
                        throw new IllegalStateException("cancelled");
                    }
                }));
        assertEquals(List.of(), files());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void downloadsVerifiesAndMovesIntoPlace() throws Exception {
        Path target = dir.resolve("Models/Stable-Diffusion/Official/x.safetensors");
        AtomicLong lastDone = new AtomicLong();
        downloader.download(uri("/model"), sha(BODY), 1 << 20, target, (done, total, rate) -> {
            assertEquals(BODY.length, total);
            lastDone.set(done);
        });
        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(BODY.length, lastDone.get());
        assertFalse(Files.exists(target.resolveSibling(".x.safetensors.download")));
    }

    @Test
    void wrongBytesAreRejectedAndLeaveNothing() throws Exception {
        Path target = dir.resolve("x.safetensors");
        IOException e = assertThrows(IOException.class,
                () -> downloader.download(uri("/model"), sha("other".getBytes(StandardCharsets.UTF_8)), 1 << 20, target, (d, t, r) -> { }));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertEquals(0, Files.list(dir).count());
    }

    @Test
    void anHttpErrorIsAnIOException() {
        IOException e = assertThrows(IOException.class,
                () -> downloader.download(uri("/missing"), sha(BODY), 1 << 20, dir.resolve("x.safetensors"), (d, t, r) -> { }));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    @Test
    void aRefusedConnectionIsAnIOException() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThrows(IOException.class, () -> downloader.download(URI.create("http://127.0.0.1:" + closedPort + "/m"),
                sha(BODY), 1 << 20, dir.resolve("x.safetensors"), (d, t, r) -> { }));
    }

    @Test
    void aStalledTransferTimesOutInsteadOfHanging() throws Exception {
        // The server holds the connection for 10 s; only the client's read timeout ends in this exception type.
        assertThrows(SocketTimeoutException.class,
                () -> impatient.download(uri("/stall"), sha(BODY), 1 << 20, dir.resolve("x.safetensors"), (d, t, r) -> { }));
        assertEquals(0, Files.list(dir).count());
    }

    @Test
    void aFileOverTheLimitIsAbortedAndLeavesNothing() {
        IOException e = assertThrows(IOException.class,
                () -> downloader.download(uri("/model"), null, 5, dir.resolve("x.safetensors"), (d, t, r) -> { }));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void aProgressExceptionCancelsAndLeavesNothing() {
        assertThrows(IllegalStateException.class, () -> downloader.download(uri("/model"), null, 1 << 20,
                dir.resolve("x.safetensors"), (d, t, r) -> {
                    throw new IllegalStateException("cancelled");
                }));
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void withoutAnExpectedHashAnyBytesAreKept() throws Exception {
        Path target = dir.resolve("y.safetensors");
        downloader.download(uri("/model"), null, 1 << 20, target, (d, t, r) -> { });
        assertArrayEquals(BODY, Files.readAllBytes(target));
    }
}
