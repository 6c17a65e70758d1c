package apiary.core.server.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.json.RawJson;

import org.junit.jupiter.api.Test;

class JsonCodecTest {
    @Test
    void rawJsonIsWrittenAsItIsInsideOtherValues() throws Exception {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("folders", List.of("a"));
        answer.put("files", List.of(RawJson.of("{\"name\":\"x\",\"n\":1}"), RawJson.of("[true,null]")));
        String text = JsonCodec.text(answer);
        assertEquals("{\"folders\":[\"a\"],\"files\":[{\"name\":\"x\",\"n\":1},[true,null]]}", text);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        JsonCodec.write(answer, out);
        assertEquals(text, out.toString(java.nio.charset.StandardCharsets.UTF_8), "streamed answers too");
        assertEquals(JsonCodec.parse(text), JsonCodec.parse(new JacksonJson().write(answer)));
    }
}
