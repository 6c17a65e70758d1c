package apiary.core.server.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.route.ApiError;
import apiary.core.server.internal.route.RouteDefinition;
import apiary.core.server.internal.route.RouteTestAccess;

import org.junit.jupiter.api.Test;

/** Binding a JSON body to a route's parameters, with SwarmUI's exact error texts. */
class ArgumentBinderTest {
    private final RouteDefinition valid = RouteTestAccess.route("Valid");

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void bindsValuesDefaultsAndTheBodyWithoutSession() {
        Object[] args = ArgumentBinder.bind(valid, body("session_id", "s", "text", "hi", "count", "4", "extra", List.of(1)),
                null, null, null);
        assertEquals("hi", args[2]);
        assertEquals(4, args[3]);
        assertEquals(false, args[4]);
        assertNull(args[5]);
        assertEquals(body("text", "hi", "count", "4", "extra", List.of(1)), args[6]);
    }

    @Test
    void missingAndInvalidUseSwarmUITexts() {
        ApiError missing = assertThrows(ApiError.class, () -> ArgumentBinder.bind(valid, body(), null, null, null));
        assertEquals("Missing required parameter 'text'", missing.getMessage());
        ApiError invalid = assertThrows(ApiError.class,
                () -> ArgumentBinder.bind(valid, body("text", "x", "count", true), null, null, null));
        assertEquals("Invalid value 'True' for parameter 'count', must be type 'Int32'", invalid.getMessage());
        ApiError wrongLong = assertThrows(ApiError.class,
                () -> ArgumentBinder.bind(valid, body("text", "x", "renamed", Map.of("a", 1)), null, null, null));
        assertEquals("Invalid value '{\n  \"a\": 1\n}' for parameter 'renamed', must be type 'Int64'", wrongLong.getMessage());
    }

    @Test
    void stringsTakeAnyJsonValue() {
        assertEquals("", ArgumentBinder.bind(valid, body("text", null), null, null, null)[2]);
        assertEquals("[\n  1,\n  2\n]", ArgumentBinder.bind(valid, body("text", List.of(1, 2)), null, null, null)[2]);
    }

    @Test
    void stringArraysTakeArrayChildrenAndIgnoreScalars() {
        RouteDefinition echo = RouteTestAccess.arrays();
        assertArrayEquals(new String[] {"a", "2", "True"},
                (String[]) ArgumentBinder.bind(echo, body("items", List.of("a", 2, true)), null, null, null)[0]);
        assertArrayEquals(new String[0], (String[]) ArgumentBinder.bind(echo, body("items", "a,b"), null, null, null)[0]);
    }
}
