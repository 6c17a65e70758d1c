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
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTP against a local server: success, wrong bytes, errors, refused connections and stalls. */
class ModelDownloaderTest {
    private static final byte[] BODY = "pretend safetensors".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private HttpServer server;
    private final ModelDownloader downloader = new ModelDownloader(Duration.ofSeconds(2), Duration.ofMillis(500));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
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
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
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
        long start = System.nanoTime();
        assertThrows(SocketTimeoutException.class,
                () -> downloader.download(uri("/stall"), sha(BODY), 1 << 20, dir.resolve("x.safetensors"), (d, t, r) -> { }));
        assertTrue(System.nanoTime() - start < Duration.ofMillis(1400).toNanos(), "gave up after the read timeout");
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
