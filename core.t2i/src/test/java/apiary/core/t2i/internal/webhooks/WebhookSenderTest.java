package apiary.core.t2i.internal.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.route.ApiError;

import org.junit.jupiter.api.Test;

class WebhookSenderTest {
    @Test
    void failuresAreRetriedAndTheSignatureVerifies() throws Exception {
        List<String> signatures = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch delivered = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread receiver = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                        int length = 0;
                        String line;
                        String signature = null;
                        while (!(line = in.readLine()).isEmpty()) {
                            if (line.toLowerCase().startsWith("content-length:")) {
                                length = Integer.parseInt(line.substring(15).trim());
                            }
                            if (line.toLowerCase().startsWith(WebhookSigner.HEADER.toLowerCase() + ":")) {
                                signature = line.substring(WebhookSigner.HEADER.length() + 1).trim();
                            }
                        }
                        char[] body = new char[length];
                        in.read(body);
                        int n = calls.incrementAndGet();
                        String status = n < 3 ? "500 Internal Server Error" : "204 No Content";
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        if (n >= 3) {
                            signatures.add(signature);
                            bodies.add(new String(body));
                            delivered.countDown();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            receiver.setDaemon(true);
            receiver.start();
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            try {
                byte[] body = "{\"job_id\":1,\"state\":\"done\"}".getBytes(StandardCharsets.UTF_8);
                String sig = WebhookSigner.sign("secret", body);
                new WebhookSender(timer, 10).send(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook"), body, sig);
                assertTrue(delivered.await(20, TimeUnit.SECONDS), "delivered after two failures");
                assertEquals(3, calls.get());
                assertEquals(WebhookSigner.sign("secret", bodies.get(0).getBytes(StandardCharsets.UTF_8)), signatures.get(0),
                        "the receiver can verify the body with the shared secret");
                assertTrue(sig.matches("sha256=[0-9a-f]{64}"));
            } finally {
                timer.shutdownNow();
            }
        }
    }

    @Test
    void onlyAllowedHostsAndHttpUrls() {
        assertEquals("hooks.example.org", WebhookHosts.check("https://hooks.example.org/x", "a.org, hooks.example.org").getHost());
        assertEquals("x.org", WebhookHosts.check("http://x.org/", "*").getHost());
        assertTrue(assertThrows(ApiError.class, () -> WebhookHosts.check("http://evil.org/", "hooks.example.org")).getMessage()
                .contains("not allowed"));
        assertThrows(ApiError.class, () -> WebhookHosts.check("http://x.org/", ""), "empty allows none");
        assertThrows(ApiError.class, () -> WebhookHosts.check("file:///etc/passwd", "*"));
        assertThrows(ApiError.class, () -> WebhookHosts.check("not a url", "*"));
    }
}
