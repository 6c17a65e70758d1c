package apiary.itest.sessions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import apiary.itest.Api;

/**
 * A bare HTTP/1.1 client for what {@link Api} cannot do: connect from a chosen loopback source address (so rate limits
 * and the localhost bypass see different callers), send exactly the headers given (no User-Agent unless asked) and
 * read every {@code Set-Cookie}.
 */
public final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, headers (lower-case names, repeated ones in order) and the parsed JSON body. */
    public static final class Reply {
        public final int status;
        public final Map<String, List<String>> headers;
        public final Map<String, Object> json;
        public final String text;

        Reply(int status, Map<String, List<String>> headers, String text) {
            this.status = status;
            this.headers = headers;
            this.text = text;
            Map<String, Object> parsed = null;
            try {
                parsed = JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (IOException e) {
                // Not JSON.
            }
            this.json = parsed;
        }

        /** @return a JSON body value */
        public Object get(String key) {
            return json == null ? null : json.get(key);
        }

        /** @return the value the server set for a cookie, or null */
        public String cookie(String name) {
            for (String c : headers.getOrDefault("set-cookie", List.of())) {
                if (c.startsWith(name + "=")) {
                    return c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
                }
            }
            return null;
        }

        /** @return the whole Set-Cookie header for a cookie, or null */
        public String setCookieHeader(String name) {
            return headers.getOrDefault("set-cookie", List.of()).stream().filter(c -> c.startsWith(name + "="))
                    .findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private final int port;
    private final String source;

    /**
     * @param port the server port (the server listens on 127.0.0.1)
     * @param source the loopback address to connect from, e.g. {@code 127.0.0.1} or {@code 127.4.5.6}
     */
    public RawHttp(int port, String source) {
        this.port = port;
        this.source = source;
    }

    /** @return a random loopback address other than 127.0.0.1, so each test is a caller of its own */
    public static String randomLoopback() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "127." + r.nextInt(1, 255) + "." + r.nextInt(0, 256) + "." + r.nextInt(2, 255);
    }

    /** POSTs JSON to {@code /API/<route>} with the given extra headers. */
    public Reply post(String route, Map<String, ?> body, Map<String, String> headers) {
        byte[] payload = Api.write(body).getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST /API/" + route + " HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(payload.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs JSON with a session id and the given headers. */
    public Reply call(String session, String route, Map<String, ?> body, Map<String, String> headers) {
        Map<String, Object> withSession = new LinkedHashMap<>(body);
        withSession.put("session_id", session);
        return post(route, withSession, headers);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toByteArray();
    }

    private static Reply parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int split = all.indexOf("\r\n\r\n");
        String[] lines = all.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        String body = all.substring(split + 4);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            StringBuilder out = new StringBuilder();
            int pos = 0;
            for (int size; (size = Integer.parseInt(body.substring(pos, body.indexOf("\r\n", pos)).trim(), 16)) > 0; ) {
                int start = body.indexOf("\r\n", pos) + 2;
                out.append(body, start, start + size);
                pos = start + size + 2;
            }
            body = out.toString();
        }
        return new Reply(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}
