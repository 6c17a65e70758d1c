package apiary.itest.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import apiary.itest.Api;

/**
 * One HTTP/1.1 exchange over a socket the test controls completely: from a chosen loopback source address, with the
 * head and body sent when and how the test wants (whole, in pieces, never), and the answer read when it wants.
 * Hostile clients are made of these.
 */
final class RawCall implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A parsed answer. */
    static final class Answer {
        final int status;
        final String head;
        final String body;

        Answer(int status, String head, String body) {
            this.status = status;
            this.head = head;
            this.body = body;
        }

        Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        boolean hasHeader(String name, String value) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)
                        && line.substring(colon + 1).trim().equalsIgnoreCase(value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final Socket socket;
    private final OutputStream out;

    private RawCall(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Connects from {@code source} (a loopback address) to the server on 127.0.0.1. */
    static RawCall open(int port, String source) {
        try {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
            s.setSoTimeout(60_000);
            return new RawCall(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the head of a JSON POST to {@code /API/<route>} announcing {@code length} body bytes */
    static String postHead(String route, long length) {
        return "POST /API/" + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n";
    }

    /** Sends a whole JSON POST. */
    RawCall post(String route, Map<String, ?> body) {
        byte[] bytes = Api.write(body).getBytes(StandardCharsets.UTF_8);
        send(postHead(route, bytes.length));
        return send(bytes);
    }

    RawCall send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawCall send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return false when the server has closed the connection (the write failed) */
    boolean trySend(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads one answer (Content-Length framed, or up to the close). */
    Answer answer() {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed before an answer: " + head);
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String h = head.toString(StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(h.substring(9, 12));
            long length = -1;
            for (String line : h.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            byte[] body = length >= 0 ? in.readNBytes((int) length) : (status == 304 || status == 101 ? new byte[0] : in.readAllBytes());
            return new Answer(status, h, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return true when the server closed the connection (end of stream or reset) within the socket timeout */
    boolean closedByServer() {
        try {
            return socket.getInputStream().read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    void timeout(int millis) {
        try {
            socket.setSoTimeout(millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed either way.
        }
    }
}
