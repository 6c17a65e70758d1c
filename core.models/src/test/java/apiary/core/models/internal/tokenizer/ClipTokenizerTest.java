package apiary.core.models.internal.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import apiary.core.models.internal.TestJson;

import org.junit.jupiter.api.Test;

/**
 * Token ids against known answers. Anchors published with other CLIP tokenizer implementations (OpenAI's and
 * Hugging Face's ids): "a photo of a cat" = 49406 320 1125 539 320 2368 49407, "A PHOTO of  a Cat!" ends in 256,
 * "Hello, world!" = 3306 267 1002 256, cat 2368, dog 1929, car 1615, beach 2117, sunset 3424. The table in
 * {@code tokenizer/clip-known-ids.jsonl} was computed by an independent reference of the same algorithm on the
 * same vocabulary, which reproduces every anchor.
 */
class ClipTokenizerTest {
    private static final ClipTokenizer TOKENIZER = ClipTokenizer.load(new TestJson());

    private static List<Integer> ids(String text) {
        return TOKENIZER.encode(text).stream().map(Token::id).toList();
    }

    @Test
    void publishedAnchors() {
        assertEquals(List.of(320, 1125, 539, 320, 2368), ids("a photo of a cat"));
        assertEquals(List.of(320, 1125, 539, 320, 2368, 256), ids("A PHOTO of  a Cat!"));
        assertEquals(List.of(3306, 267, 1002, 256), ids("Hello, world!"));
        assertEquals(List.of(2368), ids("cat"));
        assertEquals(List.of(1929), ids("dog"));
        assertEquals(List.of(1615), ids("car"));
        assertEquals(List.of(2117), ids("beach"));
        assertEquals(List.of(3424), ids("sunset"));
        assertEquals("cat</w>", TOKENIZER.text(2368));
    }

    @Test
    void knownPrompts() throws Exception {
        String table;
        try (InputStream in = getClass().getResourceAsStream("/tokenizer/clip-known-ids.jsonl")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int checked = 0;
        for (String line : table.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> row = new TestJson().readObject(line);
            List<Integer> expected = new ArrayList<>();
            ((List<?>) row.get("ids")).forEach(n -> expected.add(((Number) n).intValue()));
            assertEquals(expected, ids((String) row.get("prompt")), (String) row.get("prompt"));
            checked++;
        }
        assertEquals(17, checked);
    }

    @Test
    void chunksAreFramedAndPaddedAsTheEncodersReadThem() {
        List<int[]> one = ClipTokenizer.chunks(TOKENIZER.encode("a photo of a cat"));
        assertEquals(1, one.size());
        assertEquals(77, one.get(0).length);
        assertEquals(ClipTokenizer.START, one.get(0)[0]);
        assertEquals(2368, one.get(0)[5]);
        assertEquals(ClipTokenizer.END, one.get(0)[6]);
        assertEquals(ClipTokenizer.END, one.get(0)[76]);
        List<int[]> two = ClipTokenizer.chunks(TOKENIZER.encode("cat ".repeat(80)));
        assertEquals(2, two.size());
        assertEquals(2368, two.get(0)[75]);
        assertEquals(ClipTokenizer.END, two.get(0)[76]);
        assertEquals(2368, two.get(1)[5]);
        assertEquals(ClipTokenizer.END, two.get(1)[6]);
        assertEquals(1, ClipTokenizer.chunks(List.of()).size(), "an empty prompt is one empty chunk");
    }

    @Test
    void weightingSyntax() {
        List<Token> t = TOKENIZER.encodeWeighted("a (cat:1.5) [dog] (car) \\(beach\\) (unclosed");
        assertEquals(List.of(320, 2368, 1929, 1615, 263, 2117, 264, 263, 569, 4552), t.stream().map(Token::id).toList());
        assertEquals(1.0, t.get(0).weight());
        assertEquals(1.5, t.get(1).weight());
        assertEquals(1 / 1.1, t.get(2).weight(), 1e-9);
        assertEquals(1.1, t.get(3).weight(), 1e-9);
        assertEquals(1.0, t.get(4).weight(), "escaped brackets are plain text");
        List<Token> nested = TOKENIZER.encodeWeighted("((cat:1.2):1.5)");
        assertEquals(1.8, nested.get(0).weight(), 1e-9);
    }

    @Test
    void aMegabytePromptIsTokenized() {
        assertEquals(450_000, TOKENIZER.encode("a cat, ".repeat(150_000)).size());
    }

    @Test
    void promptSyntaxForLength() {
        PromptForLength p = new PromptForLength(name -> "pets".equals(name) ? List.of("cat", "a much longer option") : List.of());
        assertEquals("a a much longer option  on hills", p.clean("a <wildcard:pets> <lora:x:0.5> on <random:hills,sea>"));
        assertEquals("cat ", p.clean("cat <segment:face> detailed face"));
        assertEquals("one <break> two", p.clean("one <break> two"));
        assertEquals("unbalanced < tag", p.clean("unbalanced < tag"));
    }
}
