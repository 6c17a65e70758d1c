import java.net.URI;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client of bench/jobs.sh (run with the single-file launcher: java JobsBench.java MODE PORT SESSION ...).
 * Mode: replay N ROUNDS: runs one job of N images (64x64), then reattaches to it ROUNDS times with SubscribeJobWS from
 * event 0 and prints, per round and as the median, the time from the subscribe message to the job_done frame. The
 * client reads frames as they arrive (unbounded demand), as a browser does.
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
        List<Double> ms = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
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
            ws.sendText("{\"session_id\":\"" + session + "\",\"job_id\":" + job + ",\"after_seq\":0}", true);
            double took = (done.get(60, TimeUnit.SECONDS) - t) / 1e6;
            ms.add(took);
            System.out.printf("   round %d: %d frames (%d events replayed, then job_done) in %.1f ms (first frame after %.1f ms)%n",
                    r + 1, frames[0], frames[0] - 1, took, (first[0] - t) / 1e6);
            ws.abort();
        }
        List<Double> warm = new ArrayList<>(ms.subList(1, ms.size()));
        Collections.sort(warm);
        System.out.printf("replay of %d images: median %.1f ms over %d warm rounds (first round %.1f ms; target <= 50 ms)%n",
                images, warm.get(warm.size() / 2), warm.size(), ms.get(0));
    }
}
