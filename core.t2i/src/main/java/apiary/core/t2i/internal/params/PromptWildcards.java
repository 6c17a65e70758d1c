package apiary.core.t2i.internal.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import apiary.core.api.model.FilledPrompt;

/**
 * SwarmUI's wildcard step of prompt parsing: {@code <wildcard:name>}, {@code <wc:name>} and {@code <random:a,b>} in
 * the prompt and negative prompt are filled from the wildcard seed ({@code wildcardseed} when set, else the image's
 * seed plus its variation seed, so each image of a batch picks its own), the seed used is recorded as
 * {@code wildcardseed}, and the metadata's extra data gets {@code used_wildcards} and the {@code original_prompt}
 * (and {@code original_negativeprompt}) whenever filling changed a text. With {@code wildcardseedbehavior} set to
 * {@code Index} the wildcard seed is an index into each choice list rather than a random seed (SwarmUI's option).
 */
final class PromptWildcards {
    /** The prompt-like parameters that are filled. */
    static final List<String> PROMPTS = List.of("prompt", "negativeprompt");
    /** The parameter that says how the wildcard seed picks: {@code Random} (default) or {@code Index}. */
    static final String BEHAVIOR = "wildcardseedbehavior";
    private static final String INDEX = "Index";
    /** Without a wildcard library nothing is filled (no core.models running). */
    static final PromptWildcards NONE = new PromptWildcards(null);

    /** The fill function of the wildcard library. */
    interface Filler {
        /**
         * @param prompt the text
         * @param seed the wildcard seed
         * @param byIndex whether the seed is the index of each choice ({@code Index}) rather than a random seed
         * @return the filled text, or null when no library runs
         */
        FilledPrompt fill(String prompt, long seed, boolean byIndex);
    }

    private final Filler filler;

    PromptWildcards(Filler filler) {
        this.filler = filler;
    }

    /** @return whether any prompt of these values holds a tag that filling may change */
    static boolean hasTags(Map<String, Object> values) {
        for (String id : PROMPTS) {
            Object v = values.get(id);
            if (v instanceof String && ((String) v).indexOf('<') >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fills the prompts of {@code values} in place and adds the metadata to {@code extra}.
     *
     * @param values the request's values (prompts as written)
     * @param extra the request's extra metadata
     * @return whether anything was filled (the wildcard seed was then read and recorded)
     */
    boolean fill(Map<String, Object> values, Map<String, Object> extra) {
        if (filler == null || !hasTags(values)) {
            return false;
        }
        long seed = seed(values);
        boolean byIndex = INDEX.equalsIgnoreCase(String.valueOf(values.get(BEHAVIOR)));
        List<String> used = new ArrayList<>();
        boolean changed = false;
        for (String id : PROMPTS) {
            Object v = values.get(id);
            if (!(v instanceof String) || ((String) v).indexOf('<') < 0) {
                continue;
            }
            FilledPrompt filled = filler.fill((String) v, seed, byIndex);
            if (filled == null) {
                return false;
            }
            used.addAll(filled.usedWildcards());
            if (!filled.text().equals(v)) {
                values.put(id, filled.text());
                extra.put("original_" + id, v);
                changed = true;
            }
        }
        if (!changed && used.isEmpty()) {
            return false;
        }
        values.put("wildcardseed", seed);
        if (!used.isEmpty()) {
            extra.put("used_wildcards", used);
        }
        return true;
    }

    /** SwarmUI's wildcard seed: the set one, else seed plus variation seed, kept within a non-negative int. */
    static long seed(Map<String, Object> values) {
        Object set = values.get("wildcardseed");
        long seed;
        if (set instanceof Long && (Long) set >= 0) {
            seed = (Long) set;
        } else {
            long main = values.get("seed") instanceof Long ? (Long) values.get("seed") : 0L;
            long variation = values.get("variationseed") instanceof Long ? (Long) values.get("variationseed") : 0L;
            seed = main + variation;
        }
        return seed > Integer.MAX_VALUE ? seed % Integer.MAX_VALUE : Math.max(0, seed);
    }
}
