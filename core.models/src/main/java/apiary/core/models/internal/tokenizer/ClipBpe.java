package apiary.core.models.internal.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CLIP's byte-pair encoding: a word's UTF-8 bytes mapped to printable characters (GPT-2's byte-to-unicode table),
 * {@code </w>} marking the word's end, then the lowest-ranked adjacent pair merged again and again.
 */
final class ClipBpe {
    /** CLIP uses the first 49152 - 256 - 2 merges of its list. */
    static final int MERGES = 49152 - 256 - 2;
    private static final int CACHE_LIMIT = 50_000;

    private final Map<String, Integer> ranks = new HashMap<>();
    private final String[] byteChars = byteToUnicode();
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    /** @param merges the merge list ({@code merges.txt}: a version line, then one {@code "a b"} pair per line) */
    ClipBpe(InputStream merges) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(merges, StandardCharsets.UTF_8))) {
            String line = in.readLine();
            int rank = 0;
            while ((line = in.readLine()) != null && rank < MERGES) {
                if (!line.isEmpty()) {
                    ranks.put(line, rank++);
                }
            }
        }
    }

    /** GPT-2's table: printable bytes stand for themselves, the others are moved above U+0100. */
    private static String[] byteToUnicode() {
        String[] out = new String[256];
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            out[b] = printable ? String.valueOf((char) b) : String.valueOf((char) (256 + n++));
        }
        return out;
    }

    /**
     * @param word one pre-tokenized piece, lower case
     * @return its BPE tokens, the last ending in {@code </w>}
     */
    List<String> encode(String word) {
        List<String> cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        List<String> parts = new ArrayList<>();
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            parts.add(byteChars[b & 0xff]);
        }
        int last = parts.size() - 1;
        parts.set(last, parts.get(last) + "</w>");
        while (parts.size() > 1) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i < parts.size() - 1; i++) {
                Integer r = ranks.get(parts.get(i) + " " + parts.get(i + 1));
                if (r != null && r < bestRank) {
                    bestRank = r;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            mergeAll(parts, parts.get(best), parts.get(best + 1));
        }
        List<String> result = List.copyOf(parts);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(word, result);
        }
        return result;
    }

    /** Merges every occurrence of the pair, left to right, as the reference implementation does. */
    private static void mergeAll(List<String> parts, String first, String second) {
        List<String> out = new ArrayList<>(parts.size());
        int i = 0;
        while (i < parts.size()) {
            if (i < parts.size() - 1 && parts.get(i).equals(first) && parts.get(i + 1).equals(second)) {
                out.add(first + second);
                i += 2;
            } else {
                out.add(parts.get(i));
                i++;
            }
        }
        parts.clear();
        parts.addAll(out);
    }
}
