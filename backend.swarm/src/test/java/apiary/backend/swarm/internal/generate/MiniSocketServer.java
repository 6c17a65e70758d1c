package apiary.backend.swarm.internal.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;

/**
 * A WebSocket server just big enough for the generation socket (RFC 6455 handshake, unfragmented text frames): for
 * each request it receives it answers an image frame and {@code socket_intention: close}, except the requests the
 * test chose to drop (their connection is closed, unanswered). Records which connection each request arrived on.
 */
final class MiniSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** The number (1, 2...) of the connection each request arrived on, in order. */
    final List<Integer> requestsOn = new CopyOnWriteArrayList<>();
    private final IntPredicate drop;
    private volatile int accepted;

    /** @param drop which requests (numbered 1, 2... in arrival order) are dropped with their connection */
    MiniSocketServer(IntPredicate drop) throws IOException {
        this.drop = drop;
        Thread t = new Thread(this::acceptLoop, "mini-socket-server");
        t.setDaemon(true);
        t.start();
    }

    String address() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** @return connections accepted so far */
    int accepted() {
        return accepted;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                int number = ++accepted;
                open.add(s);
                Thread t = new Thread(() -> serve(s, number), "mini-socket-" + number);
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s, int number) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            String key = null;
            for (String line : head(in)) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                int opcode = readFrame(in);
                if (opcode < 0 || opcode == 8) {
                    return;
                }
                if (opcode != 1) {
                    continue;
                }
                int request;
                synchronized (requestsOn) {
                    requestsOn.add(number);
                    request = requestsOn.size();
                }
                if (drop.test(request)) {
                    return;
                }
                text(out, "{\"image\":\"data:image/png;base64,iVBORw0KGgo=\",\"batch_index\":\"0\"}");
                text(out, "{\"socket_intention\":\"close\"}");
            }
        } catch (Exception e) {
            // the client went away
        }
    }

    private static List<String> head(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String l = line.toString(StandardCharsets.US_ASCII).trim();
                if (l.isEmpty()) {
                    return lines;
                }
                lines.add(l);
                line.reset();
            } else {
                line.write(b);
            }
        }
        throw new IOException("the head ended early");
    }

    /** Reads one client frame (always masked); @return its opcode, or -1 at the end of the stream. */
    private static int readFrame(InputStream in) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        if (b0 < 0 || b1 < 0) {
            return -1;
        }
        long length = b1 & 0x7f;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        in.readNBytes(4); // the mask; the payload is not looked at
        in.readNBytes((int) length);
        return b0 & 0x0f;
    }

    private static void text(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x81);
        if (payload.length < 126) {
            out.write(payload.length);
        } else {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        out.write(payload);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
