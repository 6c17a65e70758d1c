package apiary.core.t2i.internal.params;

import java.util.Locale;
import java.util.function.UnaryOperator;

/** SwarmUI's fuzzy choice of a list entry from user input ({@code GetBestInList}), and its name cleaners. */
public final class FuzzyMatch {
    private FuzzyMatch() {
    }

    /** @param name user input @return lower case without spaces and square brackets */
    public static String cleanGeneric(String name) {
        return name.toLowerCase(Locale.ROOT).replace(" ", "").replace("[", "").replace("]", "").trim();
    }

    /** @param name a model name @return it without a trailing {@code .safetensors} */
    public static String cleanModelName(String name) {
        return name.endsWith(".safetensors") ? name.substring(0, name.length() - ".safetensors".length()) : name;
    }

    /**
     * @param input what the user typed
     * @param options the candidates
     * @return the exact match after cleaning, else the shortest option containing the input, else null
     */
    public static String best(String input, Iterable<String> options) {
        return best(input, options, FuzzyMatch::cleanGeneric);
    }

    /** @param input a model name as typed @param options model names @return the best model, or null */
    public static String bestModel(String input, Iterable<String> options) {
        return best(input, options, s -> cleanGeneric(cleanModelName(s)));
    }

    private static String best(String input, Iterable<String> options, UnaryOperator<String> clean) {
        String wanted = clean.apply(input);
        String backup = null;
        int bestLength = Integer.MAX_VALUE;
        for (String option : options) {
            String c = clean.apply(option);
            if (c.equals(wanted)) {
                return option;
            }
            if (c.contains(wanted) && c.length() < bestLength) {
                backup = option;
                bestLength = c.length();
            }
        }
        return backup;
    }
}
