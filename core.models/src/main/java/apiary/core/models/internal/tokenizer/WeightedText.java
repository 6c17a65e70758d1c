package apiary.core.models.internal.tokenizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits a prompt into runs of text with their weights, by the usual attention syntax: {@code (a:1.5)},
 * {@code (a)} (x1.1), {@code [a]} (/1.1), nested, {@code \(} {@code \)} {@code \[} {@code \]} as literal characters.
 * Brackets that never close are ordinary text.
 */
final class WeightedText {
    private static final double UP = 1.1;

    /** A run of text and its weight. */
    record Part(String text, double weight) {
    }

    private WeightedText() {
    }

    static List<Part> parse(String prompt) {
        int[] close = closings(prompt);
        List<Part> out = new ArrayList<>();
        Deque<Double> weights = new ArrayDeque<>();
        Deque<Integer> ends = new ArrayDeque<>();
        double weight = 1.0;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < prompt.length(); i++) {
            char c = prompt.charAt(i);
            if (c == '\\' && i + 1 < prompt.length() && "()[]".indexOf(prompt.charAt(i + 1)) >= 0) {
                run.append(prompt.charAt(++i));
                continue;
            }
            if ((c == '(' || c == '[') && close[i] > 0) {
                flush(run, weight, out);
                weights.push(weight);
                ends.push(close[i]);
                weight = c == '[' ? weight / UP : weight * explicitOrUp(prompt, i, close[i]);
                continue;
            }
            if (!ends.isEmpty() && i == ends.peek()) {
                flush(run, weight, out);
                ends.pop();
                weight = weights.pop();
                continue;
            }
            if (c == ':' && !ends.isEmpty() && prompt.charAt(ends.peek()) == ')' && isWeightSuffix(prompt, i, ends.peek())) {
                flush(run, weight, out);
                i = ends.peek() - 1;
                continue;
            }
            run.append(c);
        }
        flush(run, weight, out);
        return out;
    }

    /** @return for each opening bracket, the index of its matching closer (same kind), 0 when unbalanced */
    private static int[] closings(String s) {
        int[] close = new int[s.length()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '[') {
                open.push(i);
            } else if ((c == ')' || c == ']') && !open.isEmpty()) {
                int o = open.peek();
                if ((s.charAt(o) == '(') == (c == ')')) {
                    close[open.pop()] = i;
                }
            }
        }
        return close;
    }

    /** {@code (text:1.5)} gives 1.5; {@code (text)} gives 1.1. */
    private static double explicitOrUp(String s, int open, int close) {
        int colon = s.lastIndexOf(':', close);
        if (colon > open && isWeightSuffix(s, colon, close)) {
            return Double.parseDouble(s.substring(colon + 1, close).strip());
        }
        return UP;
    }

    private static boolean isWeightSuffix(String s, int colon, int close) {
        String n = s.substring(colon + 1, close).strip();
        return n.matches("[0-9]*\\.?[0-9]+") && s.substring(colon + 1, close).indexOf('(') < 0;
    }

    private static void flush(StringBuilder run, double weight, List<Part> out) {
        if (run.length() > 0) {
            out.add(new Part(run.toString(), weight));
            run.setLength(0);
        }
    }
}
