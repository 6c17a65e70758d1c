package apiary.itest.sessions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;
import apiary.itest.Api;

import org.junit.Test;

/** GetNewSession, GetCurrentStatus, InterruptAll and ServerDebugMessage through the running server. */
public class SessionRoutesIT extends SessionsTestSupport {
    @Test
    public void newSessionsAreRandomLowercaseHexAndPersisted() {
        Api.Reply r = api().post("GetNewSession", Map.of());
        String id = (String) r.get("session_id");
        assertTrue(id, id.matches("[0-9a-f]{40}"));
        assertEquals("local", r.get("user_id"));
        assertEquals(true, r.get("output_append_user"));
        assertEquals(server.version(), r.get("version"));
        assertEquals(server.serverId(), r.get("server_id"));
        assertTrue(((List<?>) r.get("permissions")).contains("*"));
        assertNotEquals(id, api().newSession());
        assertTrue(sessionService.find(id).isPresent());
    }

    @Test
    public void headerCannotPickAnotherUser() {
        RawHttp.Reply r = from("127.0.0.1").post("GetNewSession", Map.of(), Map.of("X-SWARM-USER_ID", "mallory"));
        assertEquals("local", r.get("user_id"));
        assertTrue(users.find("mallory").isEmpty());
    }

    @Test
    public void logoutNeedsLoginRequiredMode() {
        assertEquals("Authorization is not enabled, you have no account to log out of.",
                ok(localSession(), "Logout", Map.of()).get("error"));
    }

    @Test
    public void unknownAndMalformedSessionsAreRefused() {
        Api.Reply r = api().call("0".repeat(40), "GetCurrentStatus", Map.of());
        assertEquals(401, r.status);
        assertEquals("invalid_session_id", r.get("error_id"));
        assertEquals(401, api().call("../../etc", "GetCurrentStatus", Map.of()).status);
    }

    @Test
    public void currentStatusShowsTheSessionCountersAndEmptyBackends() {
        String s = localSession();
        Session session = sessionService.find(s).orElseThrow();
        session.counter(StatusCounter.WAITING_GENS).addAndGet(2);
        session.counter(StatusCounter.LIVE_GENS).incrementAndGet();
        try {
            Api.Reply r = ok(s, "GetCurrentStatus", Map.of());
            assertEquals(Map.of("waiting_gens", 2, "loading_models", 0, "waiting_backends", 0, "live_gens", 1), r.get("status"));
            Map<?, ?> backend = (Map<?, ?>) r.get("backend_status");
            assertEquals("empty", backend.get("status"));
            assertEquals("error", backend.get("class"));
            assertFalse(((String) backend.get("message")).isEmpty());
            assertEquals(false, backend.get("any_loading"));
            assertEquals(List.of(), r.get("supported_features"));
            Map<?, ?> other = (Map<?, ?>) ok(localSession(), "GetCurrentStatus", Map.of()).get("status");
            assertEquals("counters are per session", 0, other.get("waiting_gens"));
        } finally {
            session.counter(StatusCounter.WAITING_GENS).set(0);
            session.counter(StatusCounter.LIVE_GENS).set(0);
        }
    }

    @Test
    public void interruptAllCancelsThisOrEverySessionOfTheUser() {
        String a = localSession();
        String b = localSession();
        InterruptToken tokenA = sessionService.find(a).orElseThrow().interruptToken();
        InterruptToken tokenB = sessionService.find(b).orElseThrow().interruptToken();
        List<String> ran = new CopyOnWriteArrayList<>();
        tokenA.onInterrupt(() -> ran.add("a"));
        assertEquals(Map.of("success", true), ok(a, "InterruptAll", Map.of()).json);
        assertTrue(tokenA.isInterrupted());
        assertEquals(List.of("a"), ran);
        assertFalse("other sessions untouched by default", tokenB.isInterrupted());
        InterruptToken freshA = sessionService.find(a).orElseThrow().interruptToken();
        assertFalse("the session gets a fresh token", freshA.isInterrupted());
        ok(a, "InterruptAll", Map.of("other_sessions", true));
        assertTrue(tokenB.isInterrupted());
        assertTrue(freshA.isInterrupted());
        assertEquals("Invalid value 'maybe' for parameter 'other_sessions', must be type 'Boolean'",
                ok(a, "InterruptAll", Map.of("other_sessions", "maybe")).get("error"));
    }

    @Test
    public void debugMessagesReachTheServerLogOnOneLine() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String s = localSession();
            assertEquals(Map.of("success", true), ok(s, "ServerDebugMessage", Map.of("message", "hello\nFAKE [Error] line")).json);
            String logged = records.stream().filter(r -> r.getLevel() == java.util.logging.Level.INFO)
                    .map(r -> r.getParameters() == null ? r.getMessage()
                            : java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
                    .filter(m -> m.contains("hello")).findFirst().orElseThrow();
            assertTrue(logged, logged.contains("local") && logged.contains("hello\\nFAKE [Error] line"));
            assertFalse(logged, logged.contains("\n"));
            assertEquals("Missing required parameter 'message'", ok(s, "ServerDebugMessage", Map.of()).get("error"));
        } finally {
            root.removeHandler(capture);
        }
    }
}
