package apiary.core.server.internal.log;

/**
 * Makes every character of a log message visible: invisible and direction-changing characters (Unicode format
 * characters such as U+202E RIGHT-TO-LEFT OVERRIDE or U+2066..U+2069, zero-width characters, line and paragraph
 * separators, control characters other than tab and newline, a carriage return not followed by a newline) are
 * written as {@code \\uXXXX}. Otherwise a client could make a log line read differently in a terminal or viewer
 * than what it contains. Newlines stay, because stack traces need them; code that logs client text on one line
 * escapes those itself.
 */
final class VisibleText {
    private VisibleText() {
    }

    static String of(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && !hidden(text, i)) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
        while (i < n) {
            int cp = text.codePointAt(i);
            if (hidden(text, i)) {
                out.append(cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean hidden(String text, int index) {
        int cp = text.codePointAt(index);
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        if (cp == '\r') {
            return index + 1 >= text.length() || text.charAt(index + 1) != '\n';
        }
        if (Character.isISOControl(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
