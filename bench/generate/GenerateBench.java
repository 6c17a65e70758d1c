import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

/**
 * Load client of bench/generate.sh (run with the single-file launcher: java GenerateBench.java MODE PORT SESSION ...).
 * Modes: http N SIZE [WARMUP] (sequential GenerateText2Image, images=1, after WARMUP (200) unmeasured ones; prints p50/p90/p99 ms); floor N (the same client and
 * connection reuse against GetCurrentStatus, a route that does no work: the HTTP round trip the figures include); ws N (N concurrent
 * GenerateText2ImageWS clients, prints failures and wall time); seed DIR N (writes N small PNGs with metadata into a
 * user's output folder); history N (ListImageHistory pages of 100 and one ListImages, warm, prints p50 ms).
 */
public final class GenerateBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "http": http(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 512,
                    args.length > 5 ? Integer.parseInt(args[5]) : 200); break;
            case "floor": floor(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3])); break;
            case "ws": ws(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3])); break;
            case "seed": seed(Path.of(args[1]), Integer.parseInt(args[2])); break;
            case "history": history(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3])); break;
            default: throw new IllegalArgumentException(args[0]);
        }
    }

    static String post(int port, String route, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/API/" + route))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    static void http(int port, String session, int n, int size, int warmUp) throws Exception {
        String body = "{\"session_id\":\"" + session + "\",\"images\":1,\"seed\":1,\"prompt\":\"bench\",\"width\":" + size + ",\"height\":" + size + "}";
        for (int i = 0; i < warmUp; i++) {
            post(port, "GenerateText2Image", body);
        }
        List<Double> ms = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            String r = post(port, "GenerateText2Image", body);
            ms.add((System.nanoTime() - t) / 1e6);
            if (!r.contains("\"images\":[\"View/")) {
                errors++;
                if (errors < 3) {
                    System.err.println(r);
                }
            }
        }
        Collections.sort(ms);
        System.out.printf("http %dx%d images=%d errors=%d p50=%.2fms p90=%.2fms p99=%.2fms%n", size, size, n, errors,
                ms.get(n / 2), ms.get(n * 9 / 10), ms.get(n * 99 / 100));
    }

    static void floor(int port, String session, int n) throws Exception {
        String body = "{\"session_id\":\"" + session + "\"}";
        for (int i = 0; i < Math.min(200, n); i++) {
            post(port, "GetCurrentStatus", body);
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            post(port, "GetCurrentStatus", body);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("floor GetCurrentStatus requests=%d p50=%.2fms p90=%.2fms p99=%.2fms%n", n, ms.get(n / 2),
                ms.get(n * 9 / 10), ms.get(n * 99 / 100));
    }

    static void ws(int port, String session, int n) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger images = new AtomicInteger();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            done.add(closed);
            int[] got = new int[1];
            WebSocket.Listener l = new WebSocket.Listener() {
                StringBuilder sb = new StringBuilder();
                public CompletionStage<?> onText(WebSocket w, CharSequence d, boolean last) {
                    sb.append(d);
                    if (last) {
                        String f = sb.toString();
                        sb.setLength(0);
                        if (f.startsWith("{\"image\"")) {
                            got[0]++;
                        } else if (f.startsWith("{\"error\"")) {
                            fail(failures, f);
                        }
                    }
                    w.request(1);
                    return null;
                }
                public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                    if (code != 1000 || got[0] != 1) {
                        fail(failures, "closed " + code + " " + reason + " after " + got[0] + " images");
                    }
                    images.addAndGet(got[0]);
                    closed.complete(null);
                    return null;
                }
                public void onError(WebSocket w, Throwable e) {
                    fail(failures, "socket error " + e);
                    closed.complete(null);
                }
            };
            HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/API/GenerateText2ImageWS"), l)
                    .thenAccept(w -> w.sendText("{\"session_id\":\"" + session + "\",\"images\":1,\"seed\":1,\"prompt\":\"ws bench\"}", true))
                    .exceptionally(e -> {
                        fail(failures, "connect failed " + e);
                        closed.complete(null);
                        return null;
                    });
        }
        CompletableFuture.allOf(done.toArray(new CompletableFuture[0])).get(10, TimeUnit.MINUTES);
        System.out.printf("ws clients=%d images=%d failures=%d wall=%.1fs%n", n, images.get(), failures.get(), (System.nanoTime() - t) / 1e9);
    }

    /** Counts a failure and prints the first few, so that a run says what went wrong. */
    static void fail(AtomicInteger failures, String why) {
        if (failures.incrementAndGet() <= 5) {
            System.err.println("ws failure: " + why);
        }
    }

    static void seed(Path dir, int n) throws Exception {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        byte[] png = withParameters(out.toByteArray(), "{\n  \"sui_image_params\": {\n    \"prompt\": \"seeded image\",\n"
                + "    \"seed\": 1,\n    \"steps\": 20\n  }\n}");
        for (int day = 0; day < 100; day++) {
            Path d = dir.resolve(String.format("raw/2025-%02d-%02d", 1 + day / 28, 1 + day % 28));
            Files.createDirectories(d);
            for (int i = 0; i < n / 100; i++) {
                Files.write(d.resolve(String.format("%06d-seeded image.png", i)), png);
            }
        }
    }

    /** A PNG with a {@code parameters} text chunk after IHDR, as saved images carry it. */
    static byte[] withParameters(byte[] png, String text) {
        byte[] data = ("parameters\0" + text).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).put(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        out.writeBytes(chunk.array());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    static void history(int port, String session, int rounds) throws Exception {
        String first = "{\"session_id\":\"" + session + "\",\"limit\":100}";
        System.out.println("first page (index build): " + time(() -> post(port, "ListImageHistory", first)) + " ms");
        List<Double> page = new ArrayList<>();
        List<Double> deep = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < rounds; i++) {
            page.add(time(() -> post(port, "ListImageHistory", first)));
        }
        String r = post(port, "ListImageHistory", first);
        for (int i = 0; i < rounds; i++) {
            int at = r.indexOf("\"next_cursor\":\"");
            cursor = r.substring(at + 15, r.indexOf('"', at + 15));
            String body = "{\"session_id\":\"" + session + "\",\"limit\":100,\"cursor\":\"" + cursor + "\"}";
            long t = System.nanoTime();
            r = post(port, "ListImageHistory", body);
            deep.add((System.nanoTime() - t) / 1e6);
        }
        String swarm = "{\"session_id\":\"" + session + "\",\"path\":\"\",\"depth\":5,\"sortBy\":\"Date\"}";
        List<Double> list = new ArrayList<>();
        for (int i = 0; i < Math.max(3, rounds / 10); i++) {
            list.add(time(() -> post(port, "ListImages", swarm)));
        }
        Collections.sort(page);
        Collections.sort(deep);
        Collections.sort(list);
        System.out.printf("history: ListImageHistory first page p50=%.2fms, following pages p50=%.2fms p99=%.2fms; ListImages (1000 files) p50=%.2fms%n",
                page.get(page.size() / 2), deep.get(deep.size() / 2), deep.get(deep.size() * 99 / 100), list.get(list.size() / 2));
    }

    interface Call {
        Object run() throws Exception;
    }

    static double time(Call c) throws Exception {
        long t = System.nanoTime();
        c.run();
        return (System.nanoTime() - t) / 1e6;
    }
}
