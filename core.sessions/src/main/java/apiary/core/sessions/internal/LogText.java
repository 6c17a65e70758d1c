package apiary.core.sessions.internal;

/**
 * Makes client text safe for one log line: line breaks, other control characters and invisible or
 * direction-changing characters (U+202E and the like) are shown escaped, so a message cannot forge further log
 * entries or read differently than it is, and very long text is cut.
 */
public final class LogText {
    private static final int MAX = 10_000;

    private LogText() {
    }

    /** @return the text with control characters escaped, cut to 10,000 characters */
    public static String oneLine(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX).forEach(cp -> {
            if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.LINE_SEPARATOR || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (text.codePointCount(0, text.length()) > MAX) {
            out.append("... (cut)");
        }
        return out.toString();
    }
}
