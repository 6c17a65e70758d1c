package apiary.core.models.internal.tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import apiary.core.api.json.Json;

/**
 * The CLIP text tokenizer of Stable Diffusion's text encoders, on OpenAI's vocabulary and merges (shipped in this
 * bundle): text lower-cased with whitespace collapsed, split by CLIP's pattern (special tokens, English
 * contractions, runs of letters, single digits, runs of other symbols), each piece byte-pair encoded, ids from the
 * vocabulary. {@link #chunks} frames the ids as the encoders read them: 75 tokens per chunk between start and end
 * tokens, padded to 77.
 */
public final class ClipTokenizer {
    /** {@code <|startoftext|>}. */
    public static final int START = 49406;
    /** {@code <|endoftext|>}, also the padding. */
    public static final int END = 49407;
    /** Tokens per chunk between the start and end tokens. */
    public static final int CHUNK = 75;

    private static final Pattern PIECES = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final Map<String, Object> vocab;
    private final String[] byId;
    private final ClipBpe bpe;

    private ClipTokenizer(Map<String, Object> vocab, ClipBpe bpe) {
        this.vocab = vocab;
        this.bpe = bpe;
        this.byId = new String[vocab.size()];
        vocab.forEach((k, v) -> {
            int id = ((Number) v).intValue();
            if (id >= 0 && id < byId.length) {
                byId[id] = k;
            }
        });
    }

    /**
     * @param json parses the vocabulary
     * @return the tokenizer on the files shipped in {@code tokenizer/clip/}
     */
    public static ClipTokenizer load(Json json) {
        try (InputStream vocab = resource("vocab.json"); InputStream merges = resource("merges.txt")) {
            return new ClipTokenizer(json.readObject(new String(vocab.readAllBytes(), StandardCharsets.UTF_8)), new ClipBpe(merges));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ClipTokenizer.class.getResourceAsStream("/tokenizer/clip/" + name);
        if (in == null) {
            throw new IOException("Missing tokenizer file " + name);
        }
        return in;
    }

    /** @param id a token id @return its vocabulary entry */
    public String text(int id) {
        return id >= 0 && id < byId.length && byId[id] != null ? byId[id] : "";
    }

    /**
     * @param text any text
     * @return its tokens, without start and end tokens, all of weight 1
     */
    public List<Token> encode(String text) {
        return encode(text, 1.0, new ArrayList<>());
    }

    private List<Token> encode(String text, double weight, List<Token> out) {
        String clean = WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        Matcher m = PIECES.matcher(clean);
        while (m.find()) {
            String piece = m.group();
            Object special = piece.startsWith("<|") ? vocab.get(piece) : null;
            if (special != null) {
                int id = ((Number) special).intValue();
                out.add(new Token(id, text(id), weight));
                continue;
            }
            for (String t : bpe.encode(piece)) {
                Object id = vocab.get(t);
                int value = id == null ? END : ((Number) id).intValue();
                out.add(new Token(value, text(value), weight));
            }
        }
        return out;
    }

    /**
     * Encodes a prompt with SwarmUI's weighting syntax: {@code (text:1.3)} weighs its text 1.3, {@code (text)} 1.1 times,
     * {@code [text]} divides by 1.1; brackets nest, {@code \(} is a literal bracket, unbalanced brackets are text.
     *
     * @param prompt the prompt
     * @return its tokens with their weights
     */
    public List<Token> encodeWeighted(String prompt) {
        List<Token> out = new ArrayList<>();
        for (WeightedText.Part p : WeightedText.parse(prompt)) {
            encode(p.text(), p.weight(), out);
        }
        return out;
    }

    /**
     * @param tokens tokens (without start and end)
     * @return the chunks the text encoders read: each start, up to 75 ids, end, padded with end tokens to 77
     */
    public static List<int[]> chunks(List<Token> tokens) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        do {
            int[] chunk = new int[CHUNK + 2];
            java.util.Arrays.fill(chunk, END);
            chunk[0] = START;
            for (int k = 0; k < CHUNK && i < tokens.size(); k++, i++) {
                chunk[k + 1] = tokens.get(i).id();
            }
            out.add(chunk);
        } while (i < tokens.size());
        return out;
    }
}
