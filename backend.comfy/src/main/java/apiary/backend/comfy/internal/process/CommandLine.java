package apiary.backend.comfy.internal.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an {@code ExtraArgs} setting into arguments the way a shell would for the simple cases admins write:
 * whitespace separates, single or double quotes keep spaces ({@code --output-directory "/srv/my images"}), a
 * backslash escapes the next character outside single quotes. Nothing is expanded or executed.
 */
public final class CommandLine {
    private CommandLine() {
    }

    /**
     * @param text the setting
     * @return the arguments
     * @throws IllegalArgumentException for an unclosed quote
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
                inArg = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    out.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("ExtraArgs has an unclosed " + quote + " quote.");
        }
        if (inArg) {
            out.add(current.toString());
        }
        return out;
    }
}
