package apiary.itest.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.0 file server on loopback for download tests (the JDK's own server is not visible inside the
 * framework): fixed bodies by path, a body that lies about its length, and one that stalls until released.
 */
public final class TinyHttpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, Long> announced = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
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

    /** @param path a path @param body what it sends @param length the Content-Length it announces */
    public void putLying(String path, byte[] body, long length) {
        bodies.put(path, body);
        announced.put(path, length);
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
            while (line != null && !line.isEmpty()) {
                line = in.readLine();
            }
            OutputStream out = s.getOutputStream();
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

    @Override
    public void close() throws IOException {
        release.countDown();
        socket.close();
    }
}
