package apiary.itest.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A local webhook receiver for tests: records every POST (path, signature header, body, arrival time) and answers
 * each path with the statuses it was told (then 200), optionally after a delay.
 */
final class HookReceiver implements AutoCloseable {
    /** One received call. */
    record Hook(String path, String signature, String body, long arrivedNanos, long answeredNanos) {
    }

    private final HttpServer http;
    private final List<Hook> hooks = new ArrayList<>();
    private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();

    private HookReceiver() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        http.setExecutor(Executors.newCachedThreadPool());
        http.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            Long delay = delays.get(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay); // the receiver is slow on purpose: callers must wait for it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Deque<Integer> queue = statuses.get(path);
            Integer status;
            synchronized (this) {
                status = queue == null || queue.isEmpty() ? 200 : queue.poll();
            }
            // Recorded before the answer leaves: a caller that goes on (or exits) after the answer finds it here.
            synchronized (this) {
                hooks.add(new Hook(path, exchange.getRequestHeaders().getFirst("X-Apiary-Signature"), body, arrived, System.nanoTime()));
                notifyAll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        http.start();
    }

    static HookReceiver start() throws IOException {
        return new HookReceiver();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:4711} */
    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** @param path a path @param first the statuses of its first calls, in order (later calls get 200) */
    synchronized void answer(String path, Integer... first) {
        statuses.put(path, new ArrayDeque<>(List.of(first)));
    }

    /** @param path a path whose calls are answered only after this many milliseconds */
    void delay(String path, long millis) {
        delays.put(path, millis);
    }

    /**
     * @param path a path
     * @param count how many calls to wait for
     * @param seconds how long at most
     * @return the calls to that path so far (at least {@code count}, or fewer when the time ran out)
     */
    synchronized List<Hook> await(String path, int count, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (calls(path).size() < count && System.nanoTime() < deadline) {
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return calls(path);
    }

    /** @return the calls to a path so far */
    synchronized List<Hook> calls(String path) {
        return hooks.stream().filter(h -> h.path().equals(path)).toList();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
