package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import apiary.core.api.data.Database;
import apiary.itest.ApiaryTestSupport;
import apiary.itest.EchoBundle;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceReference;

/**
 * The connection limits, in a framework (and JVM) of its own started with limits small enough to reach quickly: idle and
 * header timeouts of seconds, a handful of connections per address, little memory for bodies, sessions that expire
 * after seconds. Shows that each limit acts, and that waiting for a route's answer is not mistaken for idling.
 */
public class TightLimitsIsolatedIT extends ApiaryTestSupport {
    static final int IDLE_SECONDS = 1;
    static final int HEADER_SECONDS = 2;
    static final int PER_ADDRESS = 8;
    static final int REQUEST_MEMORY_MB = 16;
    /** Sessions expire after this many idle seconds here (the purge runs every half of it). */
    static final int SESSION_IDLE_SECONDS = 8;

    private EchoBundle echo;
    private String session;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        options.add(frameworkProperty("apiary.http.idleTimeoutSeconds").value(String.valueOf(IDLE_SECONDS)));
        options.add(frameworkProperty("apiary.http.headerTimeoutSeconds").value(String.valueOf(HEADER_SECONDS)));
        options.add(frameworkProperty("apiary.http.maxConnectionsPerAddress").value(String.valueOf(PER_ADDRESS)));
        options.add(frameworkProperty("apiary.http.requestMemoryMegabytes").value(String.valueOf(REQUEST_MEMORY_MB)));
        options.add(frameworkProperty("apiary.sessions.idleTimeoutSeconds").value(String.valueOf(SESSION_IDLE_SECONDS)));
        return options.toArray(new Option[0]);
    }

    @Before
    public void setUp() throws Exception {
        echo = EchoBundle.install(context);
        session = (String) call("GetNewSession", Map.of()).get("session_id");
    }

    @After
    public void tearDown() throws Exception {
        echo.close();
    }

    /**
     * One call on a connection of its own, closed after the answer. (A pooled keep-alive client would meet this
     * framework's one-second idle timeout: a connection it reuses may be closing just then.)
     */
    private Map<String, Object> call(String route, Map<String, Object> body) {
        Map<String, Object> withSession = new java.util.LinkedHashMap<>(body);
        if (session != null) {
            withSession.put("session_id", session);
        }
        try (RawCall c = RawCall.open(server.port(), RandomAddress.next())) {
            return c.post(route, withSession).answer().json();
        }
    }

    private int held(String key) {
        return ((Number) call("ItestHeld", Map.of("key", key)).get("held")).intValue();
    }

    @Test
    public void aCallWaitingForItsRouteOutlivesTheIdleTimeout() throws Exception {
        String key = "idle-" + UUID.randomUUID();
        try (RawCall c = RawCall.open(server.port(), RandomAddress.next())) {
            c.post("ItestAwaitDisconnect", Map.of("session_id", session, "key", key));
            Await.until("held", 10, () -> held(key) == 1);
            long start = System.nanoTime();
            // Several idle timeouts pass while the route works (waited for by polling another call).
            Await.until("four idle timeouts passed", 30, () -> System.nanoTime() - start > 4L * IDLE_SECONDS * 1_000_000_000L
                    && held(key) == 1);
            assertEquals(false, call("ItestEvent", Map.of("event", "disconnect:" + key)).get("seen"));
            call("ItestRelease", Map.of("key", key));
            RawCall.Answer a = c.answer();
            assertEquals(a.toString(), 200, a.status);
            assertEquals(key, a.json().get("released"));
        }
    }

    /**
     * Expired sessions leave the database while the server runs, and so does their space: the H2 file, grown by the
     * commits of a few hundred GetNewSession calls, is compacted again without a restart (issue #9 finding 8).
     */
    @Test
    public void expiredSessionsArePurgedAndTheDatabaseFileShrinks() throws Exception {
        Path file = Path.of(context.getProperty("apiary.data.dir"), "Database", "apiary.mv.db");
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            try (RawCall c = RawCall.open(server.port(), RandomAddress.next())) {
                opened.add((String) c.post("GetNewSession", Map.of()).answer().json().get("session_id"));
            }
        }
        long grown = Files.size(file);
        assertTrue("the sessions are stored", sessionRows(opened) == opened.size());
        // Nobody uses them: the expiry purge deletes their rows, then the compaction gives the file space back.
        Await.until("the expired sessions' rows are deleted", 90, () -> sessionRows(opened) == 0);
        Await.until("the database file shrinks (was " + grown + " bytes)", 90, () -> {
            try {
                return Files.size(file) * 2 < grown;
            } catch (IOException e) {
                return false;
            }
        });
        try (RawCall c = RawCall.open(server.port(), RandomAddress.next())) {
            RawCall.Answer a = c.post("GetCurrentStatus", Map.of("session_id", opened.get(0))).answer();
            assertEquals(a.toString(), 401, a.status);
        }
        session = (String) call("GetNewSession", Map.of()).get("session_id");
        assertEquals("the compacted database works on", 1, sessionRows(List.of(session)));
    }

    private long sessionRows(List<String> ids) {
        ServiceReference<Database> ref = context.getServiceReference(Database.class);
        try (Connection c = context.getService(ref).dataSource().getConnection();
                PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM acct_sessions WHERE session_id = ANY(?)")) {
            st.setArray(1, c.createArrayOf("VARCHAR", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            context.ungetService(ref);
        }
    }

    @Test
    public void aBodyThatStopsArrivingIsCutOff() {
        try (RawCall c = RawCall.open(server.port(), RandomAddress.next())) {
            c.send(RawCall.postHead("GetCurrentStatus", 1000)).send("{\"session_id\":\"");
            c.timeout(20_000);
            RawCall.Answer a = c.answer();
            assertEquals(a.toString(), 408, a.status);
            assertEquals("{\"error_id\":\"basic_api\",\"error\":\"The request body did not arrive in time.\"}", a.body);
            assertTrue("the server closes the stalled connection", c.closedByServer());
        }
    }

    @Test
    public void aHeadThatNeverCompletesIsCutOff() throws Exception {
        try (RawCall c = RawCall.open(server.port(), RandomAddress.next())) {
            long start = System.nanoTime();
            c.send("POST /API/GetNewSession HTTP/1.1\r\nHost: x\r\n");
            // Trickle a header byte more often than the idle timeout: only the head deadline ends this.
            boolean open = true;
            while (open && System.nanoTime() - start < 20_000_000_000L) {
                Thread.sleep(IDLE_SECONDS * 100L);
                open = c.trySend("X".getBytes());
            }
            c.timeout(5_000);
            assertTrue("closed by the head deadline", !open || c.closedByServer());
        }
    }

    @Test
    public void oneAddressCannotHoldMoreThanItsShareOfConnections() throws Exception {
        String hostile = RandomAddress.next();
        List<RawCall> held = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS; i++) {
                held.add(RawCall.open(server.port(), hostile));
            }
            // Wait until the server counted them all: the next one is then refused at once.
            RawCall extra = RawCall.open(server.port(), hostile);
            extra.timeout(10_000);
            assertTrue("an address over its share is closed before it says anything", extra.closedByServer());
            extra.close();
            // Another address is unaffected.
            try (RawCall other = RawCall.open(server.port(), RandomAddress.next())) {
                assertEquals(200, other.post("GetNewSession", Map.of()).answer().status);
            }
        } finally {
            held.forEach(RawCall::close);
        }
        // Once they are closed, the address may connect again.
        Await.until("the address may connect again", 10, () -> {
            try (RawCall again = RawCall.open(server.port(), hostile)) {
                return again.post("GetNewSession", Map.of()).answer().status == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    @Test
    public void largeBodiesAtOnceAreRefusedWhenTheirMemoryIsTaken() throws Exception {
        // A 5 MiB body counts 10 MiB of the 16 until its call is answered; a second one cannot fit meanwhile.
        String key = "memory-" + UUID.randomUUID();
        String data = "m".repeat(5 * 1024 * 1024 - 200);
        try (RawCall first = RawCall.open(server.port(), RandomAddress.next())) {
            first.post("ItestHoldLarge", Map.of("session_id", session, "key", key, "data", data));
            Await.until("the large call is held", 30,
                    () -> held(key) == 1);
            try (RawCall second = RawCall.open(server.port(), RandomAddress.next())) {
                second.send(RawCall.postHead("ItestLargeBody", 5L * 1024 * 1024));
                RawCall.Answer refused = second.answer();
                assertEquals(503, refused.status);
                assertEquals("{\"error_id\":\"server_busy\",\"error\":\"The server is receiving too many large requests at once; try again shortly.\"}",
                        refused.body);
                assertTrue(refused.head, refused.hasHeader("Retry-After", "1"));
            }
            call("ItestRelease", Map.of("key", key));
            assertEquals(200, first.answer().status);
        }
        // Answered, the first call gave its memory back.
        Await.until("a large body fits again", 10,
                () -> Map.of("length", data.length()).equals(call("ItestLargeBody", Map.of("data", data))));
    }
}
