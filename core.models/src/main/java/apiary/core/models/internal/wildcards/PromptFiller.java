package apiary.core.models.internal.wildcards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import apiary.core.api.model.FilledPrompt;

/**
 * Fills {@code <random:...>}, {@code <wildcard:...>} and {@code <wc:...>} tags with choices from one seeded random
 * source, so a seed always reproduces the prompt. Tags nest; chosen text is filled again up to a fixed depth, so a
 * wildcard that names itself ends instead of looping. Unknown tags and unbalanced brackets are kept as written.
 * With SwarmUI's wildcard seed behaviour {@code Index} ({@link #fillByIndex}) the seed is instead a 0-based index into
 * each choice list (modulo its length; a second pick from the same list takes the same index among those left), while
 * counts and number ranges stay random.
 */
public final class PromptFiller {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_COUNT = 1000;

    private final Supplier<List<String>> names;
    private final Function<String, Optional<Wildcard>> wildcards;

    /**
     * @param names the wildcard names
     * @param wildcards reads a wildcard by exact name
     */
    public PromptFiller(Supplier<List<String>> names, Function<String, Optional<Wildcard>> wildcards) {
        this.names = names;
        this.wildcards = wildcards;
    }

    /**
     * @param prompt the prompt
     * @param seed the wildcard seed
     * @return the filled prompt
     */
    public FilledPrompt fill(String prompt, long seed) {
        List<String> used = new ArrayList<>();
        String text = fill(prompt, new Source(new SplittableRandom(seed), -1), used, 0);
        return new FilledPrompt(text, used);
    }

    /**
     * @param prompt the prompt
     * @param index the wildcard seed, used as the index of each choice (0 the first; non-negative)
     * @return the filled prompt
     */
    public FilledPrompt fillByIndex(String prompt, long index) {
        List<String> used = new ArrayList<>();
        String text = fill(prompt, new Source(new SplittableRandom(index), Math.max(0, index)), used, 0);
        return new FilledPrompt(text, used);
    }

    /** Where choices come from: the seeded random source, or with an index, the index into each list. */
    private record Source(SplittableRandom random, long index) {
        int choose(int size) {
            return index < 0 ? random.nextInt(size) : (int) (index % size);
        }
    }

    private String fill(String text, Source random, List<String> used, int depth) {
        if (depth > MAX_DEPTH || text.indexOf('<') < 0) {
            return text;
        }
        int[] close = closing(text);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = close[i];
            if (end < 0) {
                out.append(c);
                i++;
                continue;
            }
            out.append(tag(text.substring(i + 1, end), random, used, depth));
            i = end + 1;
        }
        return out.toString();
    }

    /** For each {@code <}, the index of the {@code >} closing it (-1 when unbalanced), in one pass. */
    private static int[] closing(String text) {
        int[] close = new int[text.length()];
        java.util.Arrays.fill(close, -1);
        int[] stack = new int[text.length()];
        int top = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                stack[top++] = i;
            } else if (c == '>' && top > 0) {
                close[stack[--top]] = i;
            }
        }
        return close;
    }

    private String tag(String inner, Source random, List<String> used, int depth) {
        int colon = inner.indexOf(':');
        if (colon < 0) {
            return "<" + fill(inner, random, used, depth + 1) + ">";
        }
        String head = inner.substring(0, colon).strip();
        String data = inner.substring(colon + 1);
        String predata = "";
        int bracket = head.indexOf('[');
        if (bracket >= 0 && head.endsWith("]")) {
            predata = head.substring(bracket + 1, head.length() - 1);
            head = head.substring(0, bracket);
        }
        String kind = head.toLowerCase(Locale.ROOT);
        int[] count = count(predata);
        if ("random".equals(kind) && count != null) {
            return random(data, count, random, used, depth);
        }
        if (("wildcard".equals(kind) || "wc".equals(kind)) && count != null) {
            String result = wildcard(data.strip(), count, random, used, depth);
            if (result != null) {
                return result;
            }
        }
        return "<" + inner.substring(0, colon + 1) + fill(data, random, used, depth + 1) + ">";
    }

    private String random(String data, int[] count, Source random, List<String> used, int depth) {
        String separator = data.contains("||") ? "||" : data.contains("|") ? "|" : ",";
        List<String> choices = new ArrayList<>();
        for (String part : data.split(java.util.regex.Pattern.quote(separator))) {
            if (!part.isBlank()) {
                choices.add(part.strip());
            }
        }
        if (choices.isEmpty()) {
            return "";
        }
        List<String> picked = pick(choices, count, random);
        List<String> filled = new ArrayList<>();
        for (String p : picked) {
            String range = numberRange(p, random);
            filled.add(range != null ? range : fill(p, random, used, depth + 1));
        }
        return String.join(", ", filled);
    }

    private String wildcard(String data, int[] count, Source random, List<String> used, int depth) {
        String[] parts = data.split(",", 2);
        Optional<Wildcard> card = bestMatch(parts[0].strip()).flatMap(wildcards);
        if (card.isEmpty()) {
            return null;
        }
        used.add(card.get().name());
        List<String> options = new ArrayList<>(card.get().options());
        if (parts.length > 1 && parts[1].strip().startsWith("not=")) {
            for (String not : parts[1].strip().substring(4).split(",")) {
                options.remove(not.strip());
            }
        }
        if (options.isEmpty()) {
            return "";
        }
        List<String> filled = new ArrayList<>();
        for (String p : pick(options, count, random)) {
            filled.add(fill(p, random, used, depth + 1));
        }
        return String.join(", ", filled);
    }

    /** SwarmUI's best match: the exact name ignoring case, else the shortest name containing the input. */
    private Optional<String> bestMatch(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        String best = null;
        for (String n : names.get()) {
            String ln = n.toLowerCase(Locale.ROOT);
            if (ln.equals(lower)) {
                return Optional.of(n);
            }
            if (!lower.isEmpty() && ln.contains(lower) && (best == null || n.length() < best.length())) {
                best = n;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Picks {@code count} different entries (repeating only once all were used). */
    private static List<String> pick(List<String> options, int[] count, Source random) {
        int n = count[0] == count[1] ? count[0] : count[0] + random.random().nextInt(count[1] - count[0] + 1);
        List<String> pool = new ArrayList<>(options);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (pool.isEmpty()) {
                pool.addAll(options);
            }
            out.add(pool.remove(random.choose(pool.size())));
        }
        return out;
    }

    /** @return {min, max} from {@code ""}, {@code "N"} or {@code "N-M"}; null when malformed */
    private static int[] count(String predata) {
        String p = predata.strip();
        if (p.isEmpty()) {
            return new int[] {1, 1};
        }
        try {
            int dash = p.indexOf('-');
            int min = Integer.parseInt((dash < 0 ? p : p.substring(0, dash)).strip());
            int max = dash < 0 ? min : Integer.parseInt(p.substring(dash + 1).strip());
            return min >= 0 && max >= min && max <= MAX_COUNT ? new int[] {min, max} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A choice like {@code 1-10} picks a whole number in that range (SwarmUI's number ranges). */
    private static String numberRange(String choice, Source random) {
        int dash = choice.indexOf('-', 1);
        if (dash < 0) {
            return null;
        }
        try {
            long a = Long.parseLong(choice.substring(0, dash).strip());
            long b = Long.parseLong(choice.substring(dash + 1).strip());
            return a <= b && b - a < Long.MAX_VALUE / 2 ? Long.toString(a + random.random().nextLong(b - a + 1)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
