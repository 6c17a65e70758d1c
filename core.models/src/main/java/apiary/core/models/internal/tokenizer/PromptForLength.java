package apiary.core.models.internal.tokenizer;

import java.util.List;
import java.util.function.Function;

/**
 * SwarmUI's "prompt for length" clean-up before token counting: everything from a regional tag ({@code <segment:},
 * {@code <object:}, {@code <region:}, {@code <clear:}, {@code <extend:}) on is cut, {@code <random:...>} and
 * wildcards count as their longest choice, and other tags ({@code <lora:...>}, {@code <embed:...>}...) count as
 * nothing. {@code <break>} is kept: it splits the prompt into sections that are counted separately.
 */
public final class PromptForLength {
    private static final List<String> CUT_AT = List.of("segment", "object", "region", "clear", "extend");

    private final Function<String, List<String>> wildcardOptions;

    /** @param wildcardOptions a wildcard's options by name (empty list when unknown) */
    public PromptForLength(Function<String, List<String>> wildcardOptions) {
        this.wildcardOptions = wildcardOptions;
    }

    /** @param prompt a prompt @return the text as the model would see it at its longest */
    public String clean(String prompt) {
        String text = prompt;
        for (String tag : CUT_AT) {
            int at = text.indexOf("<" + tag + ":");
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == '<' ? text.indexOf('>', i) : -1;
            if (end < 0) {
                out.append(c);
                i++;
                continue;
            }
            out.append(tag(text.substring(i + 1, end)));
            i = end + 1;
        }
        return out.toString();
    }

    private String tag(String inner) {
        if ("break".equalsIgnoreCase(inner.strip())) {
            return "<break>";
        }
        int colon = inner.indexOf(':');
        if (colon < 0) {
            return "";
        }
        String head = inner.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
        int bracket = head.indexOf('[');
        if (bracket >= 0) {
            head = head.substring(0, bracket);
        }
        String data = inner.substring(colon + 1);
        if (head.equals("random") || head.equals("alternate") || head.equals("alt")) {
            String sep = data.contains("||") ? "\\|\\|" : data.contains("|") ? "\\|" : ",";
            return longest(List.of(data.split(sep)));
        }
        if (head.equals("wildcard") || head.equals("wc")) {
            return longest(wildcardOptions.apply(data.split(",", 2)[0].strip()));
        }
        return "";
    }

    private static String longest(List<String> options) {
        String best = "";
        for (String o : options) {
            if (o.strip().length() > best.length()) {
                best = o.strip();
            }
        }
        return best;
    }
}
