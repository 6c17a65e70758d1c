package apiary.core.t2i.internal.webhooks;

import java.util.function.Function;

/**
 * Fills the JSON data of a server-wide webhook as SwarmUI does: every {@code %tag%} whose name is a known image tag
 * ({@code %prompt%}, {@code %seed%}, {@code %image%}...) is replaced by its value escaped for a JSON string; other text,
 * and tags that are too long or hold a quote, backslash or line break, stay as written. Blank data is {@code {}}.
 */
public final class HookTemplate {
    private static final int MAX_TAG = 256;

    private HookTemplate() {
    }

    /**
     * @param data the configured JSON data (may be blank)
     * @param values a tag's value, or null when the tag means nothing
     * @return the JSON text to send
     */
    public static String fill(String data, Function<String, String> values) {
        if (data == null || data.isBlank()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder(data.length() + 64);
        int last = 0;
        int start = data.indexOf('%');
        while (start >= 0) {
            int end = data.indexOf('%', start + 1);
            if (end < 0) {
                break;
            }
            String tag = data.substring(start + 1, end);
            String value = plain(tag) ? values.apply(tag) : null;
            if (value == null) {
                // Not a tag: keep the text, and look for the next one from the closing '%' on.
                out.append(data, last, end);
                last = end;
                start = end;
                continue;
            }
            out.append(data, last, start).append(escape(value));
            last = end + 1;
            start = data.indexOf('%', last);
        }
        out.append(data, last, data.length());
        return out.toString();
    }

    private static boolean plain(String tag) {
        return !tag.isEmpty() && tag.length() <= MAX_TAG && tag.indexOf('"') < 0 && tag.indexOf('\\') < 0 && tag.indexOf('\n') < 0;
    }

    /** @param text any text @return it escaped for the inside of a JSON string */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }
}
