import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hardening load test: a hostile client holds N slow connections (full headers announcing a 10,000-byte body,
 * then one body byte per second) while a normal client calls POST /API/GetCurrentStatus back to back over one
 * keep-alive connection; prints the normal client's latency percentiles. Hostile connections come either from N
 * different loopback addresses (so only non-blocking body reading protects the server) or all from one address (the
 * per-address connection limit applies too).
 * Run: java bench/HardeningLoad.java PORT SESSION HOSTILE_CONNECTIONS SECONDS many|one
 */
public class HardeningLoad {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String session = args[1];
        int hostile = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        boolean manyAddresses = !args[4].equals("one");

        List<Socket> slow = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < hostile; i++) {
            String source = manyAddresses ? "127.77." + (i / 250) + "." + (1 + i % 250) : "127.77.250.1";
            try {
                Socket s = new Socket();
                s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.getOutputStream().write(("POST /API/GetCurrentStatus HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 10000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
                slow.add(s);
            } catch (IOException e) {
                refused++;
            }
        }

        byte[] body = ("{\"session_id\":\"" + session + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST /API/GetCurrentStatus HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long nextTrickle = System.nanoTime();
        int failures = 0;
        Socket normal = new Socket("127.0.0.1", port);
        normal.setSoTimeout(30_000);
        while (System.nanoTime() < end) {
            if (System.nanoTime() >= nextTrickle) {
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write(' ');
                    } catch (IOException e) {
                        // Cut off by the server (its body deadline): what it should do eventually.
                    }
                }
                nextTrickle += 1_000_000_000L;
            }
            long t0 = System.nanoTime();
            try {
                normal.getOutputStream().write(request);
                readAnswer(normal.getInputStream());
                latencies.add(System.nanoTime() - t0);
            } catch (IOException e) {
                failures++;
                normal.close();
                normal = new Socket("127.0.0.1", port);
                normal.setSoTimeout(30_000);
            }
        }
        long held = slow.stream().filter(s -> {
            try {
                s.getOutputStream().write(' ');
                return true;
            } catch (IOException e) {
                return false;
            }
        }).count();
        for (Socket s : slow) {
            s.close();
        }
        long[] ms = latencies.stream().mapToLong(l -> l).sorted().toArray();
        System.out.printf("hostile: %d slow connections (%s), %d refused at connect, %d still open at the end%n",
                hostile, manyAddresses ? "one address each" : "all from one address", refused, held);
        System.out.printf("normal client: %d calls, %d failed; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                ms.length, failures, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Reads one Content-Length framed answer. */
    private static void readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        if (!head.toString().startsWith("HTTP/1.1 200")) {
            throw new IOException("not 200: " + head);
        }
        in.readNBytes(length);
    }
}
