package apiary.itest.hardening;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.Test;

/**
 * Text from clients reaches the log with its invisible and direction-changing characters shown escaped, so that a
 * log line cannot read differently from what it contains (U+202E made "exe.txt" of "txt.exe").
 */
public class LogEscapingIT extends ApiaryTestSupport {
    @Test
    public void bidiAndFormatCharactersAreEscapedInTheLog() throws Exception {
        Api api = api();
        String s = api.newSession();
        String marker = "bidi-" + System.nanoTime();
        api.call(s, "ServerDebugMessage", Map.of("message", marker + " \u202Etxt.exe \u2066x\u2069 \u200B"));
        // A server setting id from a client reaches the log through another path (core.server's own logging).
        api.call(s, "ChangeServerSettings", Map.of("settings", Map.of(marker + "\u202Eunknown", 1)));
        Await.until("both lines are in the log", 30, () -> lines(api, s, marker).size() >= 2);
        for (String line : lines(api, s, marker)) {
            assertFalse(line, line.matches("(?s).*[\u202E\u2066\u2069\u200B].*"));
            assertTrue(line, line.contains("\\u202e"));
        }
    }

    private static List<String> lines(Api api, String session, String marker) {
        Map<?, ?> data = (Map<?, ?>) api.call(session, "ListRecentLogMessages",
                Map.of("types", List.of("Info", "Warning"))).get("data");
        return data.values().stream().flatMap(l -> ((List<?>) l).stream())
                .map(m -> String.valueOf(((Map<?, ?>) m).get("message"))).filter(m -> m.contains(marker)).toList();
    }
}
