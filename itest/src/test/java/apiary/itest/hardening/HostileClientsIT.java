package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Hostile anonymous clients against the real launcher (its own JVM and heap), each attack bounded in connections
 * and time: slow bodies, huge bodies, hoarded request heads. A normal client keeps being answered throughout.
 */
public class HostileClientsIT {
    private static ServerProcess server;

    @BeforeClass
    public static void start() throws Exception {
        server = ServerProcess.start(ServerProcess.newDataDir("hostile"), List.of(),
                Map.of("apiary.http.headerTimeoutSeconds", "3"));
    }

    @AfterClass
    public static void stop() throws Exception {
        server.close();
    }

    /** Loopback addresses of their own for each attack, so that the per-address limit is not what saves the day. */
    private static String address(int attack, int i) {
        return "127." + (100 + attack) + "." + (i / 250) + "." + (1 + i % 250);
    }

    private static long timed(Runnable call) {
        long t0 = System.nanoTime();
        call.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    public void slowBodiesHoldNoThreads() throws Exception {
        // 200 clients send their head and then one body byte a second (the pool has 200 threads).
        List<RawCall> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                RawCall c = RawCall.open(server.port(), address(1, i));
                slow.add(c.send(RawCall.postHead("GetCurrentStatus", 10_000)).send("{"));
            }
            Api api = server.api();
            String s = api.newSession();
            for (int round = 0; round < 5; round++) {
                for (RawCall c : slow) {
                    c.trySend(" ".getBytes());
                }
                long ms = timed(() -> assertEquals(200, api.call(s, "GetCurrentStatus", Map.of()).status));
                assertTrue("a normal call took " + ms + " ms", ms < 5_000);
            }
        } finally {
            slow.forEach(RawCall::close);
        }
    }

    @Test
    public void hugeBodiesAreRefusedWithoutBeingRead() throws Exception {
        List<RawCall> huge = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                huge.add(RawCall.open(server.port(), address(2, i)).send(RawCall.postHead("GetCurrentStatus", 190L * 1024 * 1024)));
            }
            for (RawCall c : huge) {
                RawCall.Answer a = c.answer();
                assertEquals(a.toString(), 400, a.status);
            }
            // Bodies that do fit the route, 3.9 MB with the session id at the end, 16 at once: each is answered
            // (no 500), and whatever could not be admitted at once is told to retry.
            byte[] body = ("{\"pad\":\"" + "x".repeat(3_900_000) + "\",\"session_id\":\"0000000000000000000000000000000000000000\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            List<RawCall> full = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RawCall c = RawCall.open(server.port(), address(3, i));
                full.add(c);
                c.send(RawCall.postHead("GetCurrentStatus", body.length));
                c.trySend(body);
            }
            for (RawCall c : full) {
                int status = c.answer().status;
                assertTrue("status " + status, status == 401 || status == 503);
                c.close();
            }
            assertEquals(200, server.api().post("GetNewSession", Map.of()).status);
            assertFalse(server.console().contains("OutOfMemoryError"));
        } finally {
            huge.forEach(RawCall::close);
        }
    }

    @Test
    public void hoardedHeadsCostLittleMemoryAndAreCutOff() throws Exception {
        long before = residentMegabytes();
        List<RawCall> heads = new ArrayList<>();
        String almostFull = "X-Pad: " + "p".repeat(30 * 1024) + "\r\n";
        try {
            // 1500 connections (30 addresses of 50), each with a 30 KiB unfinished head: SwarmUI kept up to 1 MiB
            // each (1.67 GB for 1500).
            for (int i = 0; i < 1500; i++) {
                RawCall c = RawCall.open(server.port(), address(4, (i % 30) * 250 + i / 30));
                heads.add(c.send("POST /API/GetNewSession HTTP/1.1\r\nHost: x\r\n").send(almostFull));
            }
            long during = residentMegabytes();
            assertTrue("1500 open heads grew the server by " + (during - before) + " MB", during - before < 400);
            assertEquals(200, server.api().post("GetNewSession", Map.of()).status);
            // The head deadline (3 s here) ends them all.
            for (RawCall c : heads) {
                c.timeout(20_000);
                assertTrue("closed by the head deadline", c.closedByServer());
            }
        } finally {
            heads.forEach(RawCall::close);
        }
        // A head over the 32 KiB limit is refused at once.
        try (RawCall big = RawCall.open(server.port(), address(5, 0))) {
            big.send("POST /API/GetNewSession HTTP/1.1\r\nHost: x\r\nX-Pad: " + "p".repeat(40 * 1024) + "\r\n\r\n");
            assertEquals(431, big.answer().status);
        }
    }

    private static long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }
}
