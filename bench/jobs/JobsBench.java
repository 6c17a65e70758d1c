import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client of bench/jobs.sh (run with the single-file launcher: java JobsBench.java MODE PORT SESSION ...).
 * Mode: replay N ROUNDS: runs one job of N images (64x64), then reattaches to it ROUNDS times with SubscribeJobWS from
 * event 0 and prints, per round and as the median, the time from the subscribe message to the job_done frame, with two
 * clients in turn: the JDK's WebSocket client (unbounded demand) and a plain-socket client that reads frames as they
 * arrive, as a browser does; the second is the target's figure (the first adds the JDK client's per-message costs).
 */
public final class JobsBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        if (!args[0].equals("replay")) {
            throw new IllegalArgumentException(args[0]);
        }
        replay(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    }

    static String post(int port, String route, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/API/" + route))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static void replay(int port, String session, int images, int rounds) throws Exception {
        String made = post(port, "GenerateText2Image", "{\"session_id\":\"" + session + "\",\"images\":" + images
                + ",\"seed\":1,\"noseedincrement\":true,\"prompt\":\"replay\",\"width\":64,\"height\":64}");
        if (!made.startsWith("{\"images\"")) {
            throw new IllegalStateException(made);
        }
        Matcher m = Pattern.compile("\"job_id\":(\\d+)").matcher(post(port, "ListJobs", "{\"session_id\":\"" + session + "\",\"limit\":1}"));
        if (!m.find()) {
            throw new IllegalStateException("no job listed");
        }
        long job = Long.parseLong(m.group(1));
        String subscribe = "{\"session_id\":\"" + session + "\",\"job_id\":" + job + ",\"after_seq\":0}";
        List<Double> jdk = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            jdk.add(jdkRound(port, subscribe, r + 1));
            raw.add(RawClient.round(port, subscribe, r + 1));
        }
        System.out.printf("replay of %d images, JDK WebSocket client: median %.1f ms over %d warm rounds (first round %.1f ms)%n",
                images, warmMedian(jdk), jdk.size() - 1, jdk.get(0));
        System.out.printf("replay of %d images, plain socket client: median %.1f ms over %d warm rounds (first round %.1f ms; target <= 50 ms)%n",
                images, warmMedian(raw), raw.size() - 1, raw.get(0));
    }

    static double warmMedian(List<Double> ms) {
        List<Double> warm = new ArrayList<>(ms.subList(1, ms.size()));
        Collections.sort(warm);
        return warm.get(warm.size() / 2);
    }

    /** One reattachment through the JDK's WebSocket client, which delivers every message through its own scheduler. */
    static double jdkRound(int port, String subscribe, int round) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        int[] frames = new int[1];
        long[] first = new long[1];
        WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/API/SubscribeJobWS"),
                new WebSocket.Listener() {
                    final StringBuilder sb = new StringBuilder();

                    // A browser (SwarmUI's page) takes frames as fast as they arrive; asking the JDK client for one
                    // message at a time (its default) measured the client's own per-message hand-offs too.
                    public void onOpen(WebSocket w) {
                        w.request(Long.MAX_VALUE);
                    }

                    public CompletionStage<?> onText(WebSocket w, CharSequence d, boolean last) {
                        sb.append(d);
                        if (last) {
                            if (frames[0]++ == 0) {
                                first[0] = System.nanoTime();
                            }
                            if (sb.indexOf("\"job_done\"") >= 0) {
                                done.complete(System.nanoTime());
                            }
                            sb.setLength(0);
                        }
                        return null;
                    }

                    public void onError(WebSocket w, Throwable e) {
                        done.completeExceptionally(e);
                    }
                }).get(30, TimeUnit.SECONDS);
        long t = System.nanoTime();
        ws.sendText(subscribe, true);
        double took = (done.get(60, TimeUnit.SECONDS) - t) / 1e6;
        System.out.printf("   round %d, JDK client: %d frames (%d events replayed, then job_done) in %.1f ms (first frame after %.1f ms)%n",
                round, frames[0], frames[0] - 1, took, (first[0] - t) / 1e6);
        ws.abort();
        return took;
    }

    /**
     * A WebSocket client on a plain socket, reading frames as they arrive and decoding each message to a string (what
     * a browser does natively): the time is the server's replay, not a client library's per-message scheduling.
     */
    static final class RawClient {
        static double round(int port, String subscribe, int round) throws Exception {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
                byte[] nonce = new byte[16];
                ThreadLocalRandom.current().nextBytes(nonce);
                out.write(("GET /API/SubscribeJobWS HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                        + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = headers(in);
                if (!status.startsWith("HTTP/1.1 101")) {
                    throw new IllegalStateException("upgrade refused: " + status);
                }
                long t = System.nanoTime();
                out.write(maskedText(subscribe.getBytes(StandardCharsets.UTF_8)));
                out.flush();
                int frames = 0;
                long first = 0;
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                while (true) {
                    int b0 = in.readUnsignedByte();
                    int b1 = in.readUnsignedByte();
                    long length = b1 & 0x7f;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = in.readLong();
                    }
                    byte[] payload = in.readNBytes((int) length);
                    int opcode = b0 & 0x0f;
                    if (opcode == 8) {
                        throw new IllegalStateException("closed by the server after " + frames + " frames");
                    }
                    if (opcode == 9 || opcode == 10) {
                        continue;
                    }
                    message.write(payload);
                    if ((b0 & 0x80) != 0) {
                        if (frames++ == 0) {
                            first = System.nanoTime();
                        }
                        String text = message.toString(StandardCharsets.UTF_8);
                        message.reset();
                        if (text.contains("\"job_done\"")) {
                            double took = (System.nanoTime() - t) / 1e6;
                            System.out.printf("   round %d, plain socket client: %d frames in %.1f ms (first frame after %.1f ms)%n",
                                    round, frames, took, (first - t) / 1e6);
                            return took;
                        }
                    }
                }
            }
        }

        private static String headers(DataInputStream in) throws Exception {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 4 || !sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                sb.append((char) in.readUnsignedByte());
            }
            return sb.toString();
        }

        /** A client's text frame (clients must mask theirs). */
        private static byte[] maskedText(byte[] data) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(data.length + 14);
            frame.write(0x81);
            if (data.length < 126) {
                frame.write(0x80 | data.length);
            } else {
                frame.write(0x80 | 126);
                frame.write(data.length >> 8);
                frame.write(data.length & 0xff);
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.writeBytes(mask);
            for (int i = 0; i < data.length; i++) {
                frame.write(data[i] ^ mask[i & 3]);
            }
            return frame.toByteArray();
        }
    }
}
