import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load for bench/scale.sh: GenerateText2Image (one image, not saved) against one server.
 *   load PORT SESSION CLIENTS IMAGES   CLIENTS concurrent callers share IMAGES requests; prints images/s
 *   seq  PORT SESSION IMAGES [WARMUP]  one caller; prints the p50 and p90 of the request time in ms, measured after
 *                                      WARMUP unmeasured requests (default 20); IMAGES 0 = warm-up only
 * Every request uses its own seed (no caching anywhere on the way); a failed request is counted and shown.
 */
public final class ScaleBench {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        String session = args[2];
        if (args[0].equals("load")) {
            load(port, session, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else {
            seq(port, session, Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 20);
        }
    }

    private static long one(int port, String session, long seed) throws Exception {
        String body = "{\"session_id\":\"" + session + "\",\"prompt\":\"bench\",\"images\":1,\"seed\":" + seed
                + ",\"width\":64,\"height\":64,\"donotsave\":true}";
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/API/GenerateText2Image"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long t = System.nanoTime() - t0;
        if (r.statusCode() != 200 || !r.body().contains("\"images\"")) {
            throw new IllegalStateException(r.statusCode() + " " + (r.body().length() > 300 ? r.body().substring(0, 300) : r.body()));
        }
        return t;
    }

    private static void load(int port, String session, int clients, int images) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> all = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            all.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < images) {
                    try {
                        one(port, session, 1_000_000L + i);
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 3) {
                            System.err.println("failed: " + e.getMessage());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf("images=%d clients=%d failed=%d seconds=%.2f images_per_second=%.2f%n", images, clients,
                failed.get(), seconds, (images - failed.get()) / seconds);
    }

    private static void seq(int port, String session, int images, int warmup) throws Exception {
        for (int i = 0; i < warmup; i++) {
            one(port, session, 5_000_000L + i);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            times.add(one(port, session, 6_000_000L + i));
        }
        if (times.isEmpty()) {
            return; // a warm-up only
        }
        Collections.sort(times);
        System.out.printf("images=%d p50_ms=%.2f p90_ms=%.2f%n", images, times.get(times.size() / 2) / 1e6,
                times.get(times.size() * 9 / 10) / 1e6);
    }
}
