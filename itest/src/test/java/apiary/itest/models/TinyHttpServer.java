package apiary.itest.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.0 file server on loopback for download tests (the JDK's own server is not visible inside the
 * framework): fixed bodies by path, a body that lies about its length, one that stalls until released, and resumable
 * ones (Accept-Ranges, an ETag, {@code Range: bytes=N-} answered with 206) whose first answer breaks off part-way and
 * which may then be down (503) until brought back.
 */
public final class TinyHttpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, Long> announced = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, Integer> cutFirstAfter = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private final Thread thread;

    /** Starts listening on a free loopback port. */
    public TinyHttpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "tiny-http");
        thread.setDaemon(true);
        thread.start();
    }

    /** @param path a path @param body what it serves */
    public void put(String path, byte[] body) {
        bodies.put(path, body);
    }

    /** @param path a path @param location where it redirects to (302) */
    public void putRedirect(String path, String location) {
        redirects.put(path, location);
    }

    /** @param path a path @param body what it sends @param length the Content-Length it announces */
    public void putLying(String path, byte[] body, long length) {
        bodies.put(path, body);
        announced.put(path, length);
    }

    /**
     * @param path a path
     * @param body what it serves, resumably
     * @param cutAfter how many bytes the first answer sends before the connection breaks
     */
    public void putResumable(String path, byte[] body, int cutAfter) {
        bodies.put(path, body);
        cutFirstAfter.put(path, cutAfter);
        served.put(path, new AtomicInteger());
    }

    /** @param isDown whether resumable paths answer 503 after their first (broken) answer */
    public void down(boolean isDown) {
        down = isDown;
    }

    /** @return the Range headers of the requests to resumable paths so far ("" for none), in order */
    public List<String> ranges() {
        return List.copyOf(ranges);
    }

    /** @param path a path @return its URL */
    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> answer(s), "tiny-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            String line = in.readLine();
            String path = line == null ? "" : line.split(" ")[1];
            String range = "";
            while (line != null && !line.isEmpty()) {
                line = in.readLine();
                if (line != null && line.toLowerCase(Locale.ROOT).startsWith("range:")) {
                    range = line.substring("range:".length()).trim();
                }
            }
            OutputStream out = s.getOutputStream();
            if (redirects.containsKey(path)) {
                out.write(("HTTP/1.0 302 Found\r\nLocation: " + redirects.get(path) + "\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (cutFirstAfter.containsKey(path)) {
                resumable(out, path, range);
                return;
            }
            if (path.equals("/stall")) {
                out.write(("HTTP/1.0 200 OK\r\nContent-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 200 && release.getCount() > 0; i++) {
                    out.write(new byte[100]);
                    out.flush();
                    release.await(100, TimeUnit.MILLISECONDS);
                }
                return;
            }
            byte[] body = bodies.get(path);
            if (body == null) {
                out.write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            long length = announced.getOrDefault(path, (long) body.length);
            out.write(("HTTP/1.0 200 OK\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException | InterruptedException e) {
            // The client went away; nothing to do.
        }
    }

    private void resumable(OutputStream out, String path, String range) throws IOException {
        ranges.add(range);
        byte[] body = bodies.get(path);
        int n = served.get(path).incrementAndGet();
        if (n > 1 && down) {
            out.write("HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        int from = range.startsWith("bytes=") ? Integer.parseInt(range.substring(6, range.length() - 1)) : 0;
        String head = from > 0
                ? "HTTP/1.0 206 Partial Content\r\nContent-Range: bytes " + from + "-" + (body.length - 1) + "/" + body.length + "\r\n"
                : "HTTP/1.0 200 OK\r\n";
        out.write((head + "Accept-Ranges: bytes\r\nETag: \"v1\"\r\nContent-Length: " + (body.length - from) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        int end = n == 1 ? Math.min(body.length, cutFirstAfter.get(path)) : body.length;
        out.write(body, from, end - from);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        socket.close();
    }
}
