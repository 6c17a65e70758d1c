package apiary.core.t2i.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SwarmJsonTest {
    @Test
    void indentedWithEscapedNonAscii() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prompt", "caf\u00e9 \"x\"\n");
        m.put("seed", 42L);
        m.put("cfgscale", 7.0);
        m.put("list", List.of("a", 1L));
        m.put("empty", List.of());
        m.put("flag", true);
        m.put("none", null);
        assertEquals("{\n  \"prompt\": \"caf\\u00e9 \\\"x\\\"\\n\",\n  \"seed\": 42,\n  \"cfgscale\": 7.0,\n"
                + "  \"list\": [\n    \"a\",\n    1\n  ],\n  \"empty\": [],\n  \"flag\": true,\n  \"none\": null\n}", SwarmJson.write(m));
    }
}
