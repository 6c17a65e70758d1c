package apiary.itest.t2i;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.Test;

/**
 * GenerateText2Image(WS) when no backend can take the work, and with bad input: SwarmUI's error texts, the WS frame
 * sequence around an error, and a follow-up request on the same socket within the two-second window.
 */
public class GenerateWithoutBackendIT extends ApiaryTestSupport {
    @Test
    public void httpAnswersTheErrorAlone() {
        Api api = api();
        String s = api.newSession();
        Api.Reply r = api.call(s, "GenerateText2Image", Map.of("images", 2, "prompt", "a cat"));
        assertEquals(r.toString(), 200, r.status);
        assertEquals(Map.of("error", "No backends available!"), r.json);
        Api.Reply bad = api.call(s, "GenerateText2Image", Map.of("images", 1, "steps", 9000));
        assertEquals("Invalid value for parameter Steps: Invalid integer value for param Steps - '9000' - must be between 0 and 500",
                bad.get("error"));
        Api.Reply none = api.call(s, "GenerateText2Image", Map.of("images", 0));
        assertTrue(none.toString(), String.valueOf(none.get("error")).contains("must be between 1 and 10000"));
        Api.Reply huge = api.call(s, "GenerateText2Image", Map.of("images", 1, "prompt", "x".repeat(1_000_000)));
        assertTrue(huge.toString(), String.valueOf(huge.get("error")).startsWith("The prompt is too long"));
        Api.Reply preset = api.call(s, "GenerateText2Image", Map.of("images", 1, "presets", List.of("nope")));
        assertEquals("Preset 'nope' does not exist.", preset.get("error"));
        Api.Reply model = api.call(s, "GenerateText2Image", Map.of("images", 1, "model", "missing/model"));
        assertTrue(model.toString(), String.valueOf(model.get("error")).endsWith("are you sure that model name is correct?"));
        assertEquals("the server keeps serving", 200, api.call(s, "GetCurrentStatus", Map.of()).status);
    }

    @Test
    public void webSocketFramesAroundAnErrorThenCloseAfterTheWindow() {
        Api api = api();
        String s = api.newSession();
        Api.WsResult ws = api.ws("GenerateText2ImageWS", Map.of("session_id", s, "images", 1, "prompt", "a cat"));
        List<String> kinds = kinds(ws.frames);
        assertEquals(ws.frames.toString(), List.of("status", "status", "error", "discard_indices", "socket_intention", "status"), kinds);
        assertEquals("the first status counts the request's images", 1,
                ((Number) ((Map<?, ?>) ws.frames.get(0).get("status")).get("waiting_gens")).intValue());
        assertEquals("No backends available!", ws.frames.get(2).get("error"));
        assertEquals(List.of(), ws.frames.get(3).get("discard_indices"));
        assertEquals("close", ws.frames.get(4).get("socket_intention"));
        assertEquals(1000, ws.closeCode);
        Map<?, ?> counters = (Map<?, ?>) ws.last().get("status");
        assertEquals("counters are back to zero", 0, ((Number) counters.get("waiting_gens")).intValue());
    }

    @Test
    public void aParseErrorIsAFrameAndTheSocketStillClosesCleanly() {
        Api api = api();
        String s = api.newSession();
        Api.WsResult ws = api.ws("GenerateText2ImageWS", Map.of("session_id", s, "images", 1, "cfgscale", "lots"));
        assertEquals(ws.frames.toString(), List.of("status", "error", "socket_intention", "status"), kinds(ws.frames));
        assertTrue(String.valueOf(ws.frames.get(1).get("error")).startsWith("Invalid value for parameter CFG Scale:"));
    }

    static List<String> kinds(List<Map<String, Object>> frames) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> f : frames) {
            out.add(f.containsKey("status") ? "status" : f.keySet().iterator().next());
        }
        return out;
    }
}
