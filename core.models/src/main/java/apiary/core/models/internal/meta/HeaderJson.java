package apiary.core.models.internal.meta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON reader for what the model library needs from a safetensors header: the {@code __metadata__} object in full,
 * and of each tensor only its {@code shape} (dtype and offsets are skipped without being built). A scan reads
 * thousands of headers; building every tensor's map and lists as a general JSON parser does was most of its cost.
 * Values are {@code Map}, {@code List}, {@code String}, {@code Long}, {@code Double}, {@code Boolean} or null, as from
 * {@link apiary.core.api.json.Json}. Trailing text after the object is ignored (as the server's JSON reader does).
 */
final class HeaderJson {
    private static final int MAX_NESTING = 64;

    private final String text;
    private int at;
    /** The next backslash at or after the last string's start (MAX_VALUE: none), so strings are not searched twice. */
    private int backslash = -1;

    private HeaderJson(String text) {
        this.text = text;
    }

    /**
     * @param text the header text
     * @return tensor names to {@code {"shape": [...]}} (when the tensor has one) and {@code __metadata__} as written
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    static Map<String, Object> tensorsAndMetadata(String text) {
        HeaderJson p = new HeaderJson(text);
        p.expect('{');
        Map<String, Object> out = new LinkedHashMap<>();
        if (p.peek() == '}') {
            return out;
        }
        do {
            String key = p.key();
            if ("__metadata__".equals(key) || p.peek() != '{') {
                out.put(key, p.value(1));
            } else {
                out.put(key, p.shapeOnly());
            }
        } while (p.more('}'));
        return out;
    }

    /**
     * Reads a tensor's object keeping only {@code shape}: its keys are compared in place rather than made into
     * strings, and the object it gives is immutable and small (a scan reads tens of thousands of these).
     */
    private Map<String, Object> shapeOnly() {
        expect('{');
        if (peek() == '}') {
            at++;
            return Map.of();
        }
        boolean hasShape = false;
        Object shape = null;
        do {
            if (keyIs("shape")) {
                shape = value(2);
                hasShape = true;
            } else {
                skip(2);
            }
        } while (more('}'));
        return hasShape ? Collections.singletonMap("shape", shape) : Map.of();
    }

    /** Reads a key (and its colon), saying whether it is {@code name}; only a key with escapes becomes a string. */
    private boolean keyIs(String name) {
        if (peek() != '"') {
            throw new IllegalArgumentException("expected a key at " + at);
        }
        int start = at + 1;
        int quote = plainEnd(start);
        if (quote < 0) {
            return name.equals(key());
        }
        at = quote + 1;
        expect(':');
        return quote - start == name.length() && text.startsWith(name, start);
    }

    private Object value(int depth) {
        if (depth > MAX_NESTING) {
            throw new IllegalArgumentException("nested too deeply");
        }
        char c = peek();
        switch (c) {
            case '{': {
                at++;
                Map<String, Object> m = new LinkedHashMap<>();
                if (peek() == '}') {
                    at++;
                    return m;
                }
                do {
                    String key = key();
                    m.put(key, value(depth + 1));
                } while (more('}'));
                return m;
            }
            case '[': {
                at++;
                List<Object> l = new ArrayList<>();
                if (peek() == ']') {
                    at++;
                    return l;
                }
                do {
                    l.add(value(depth + 1));
                } while (more(']'));
                return l;
            }
            case '"':
                return string();
            default:
                return scalar();
        }
    }

    /** Skips one value without building it; a flat array of numbers (offsets) in one search. */
    private void skip(int depth) {
        char c = peek();
        int flatEnd = c == '[' ? flatArrayEnd() : -1;
        if (c == '"') {
            skipString();
        } else if (flatEnd > 0) {
            at = flatEnd + 1;
        } else if (c == '{' || c == '[') {
            value(depth);
        } else {
            scalar();
        }
    }

    /** @return where the array starting here ends, if it holds no strings, arrays or objects; else -1 */
    private int flatArrayEnd() {
        int close = text.indexOf(']', at);
        if (close < 0) {
            return -1;
        }
        for (int i = at + 1; i < close; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '[' || c == '{') {
                return -1;
            }
        }
        return close;
    }

    private String key() {
        if (peek() != '"') {
            throw new IllegalArgumentException("expected a key at " + at);
        }
        String k = string();
        expect(':');
        return k;
    }

    /** After a member: true for a comma, false for the closing character. */
    private boolean more(char close) {
        char c = peek();
        at++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        throw new IllegalArgumentException("expected , or " + close + " at " + (at - 1));
    }

    private void skipString() {
        int from = at + 1;
        while (true) {
            int quote = text.indexOf('"', from);
            if (quote < 0) {
                throw new IllegalArgumentException("the text ends inside a string");
            }
            int backslashes = 0;
            while (text.charAt(quote - 1 - backslashes) == '\\') {
                backslashes++;
            }
            from = quote + 1;
            if (backslashes % 2 == 0) {
                at = from;
                return;
            }
        }
    }

    /**
     * @param start where a string's text starts (after its opening quote)
     * @return the index of its closing quote, or -1 when it holds an escape (the caller then decodes it)
     */
    private int plainEnd(int start) {
        int quote = text.indexOf('"', start);
        if (quote < 0) {
            throw new IllegalArgumentException("the text ends inside a string");
        }
        if (backslash < start) {
            backslash = text.indexOf('\\', start);
            if (backslash < 0) {
                backslash = Integer.MAX_VALUE;
            }
        }
        return backslash < quote ? -1 : quote;
    }

    /** Strings are found with {@code indexOf} (a scan reads thousands of headers before the JIT has compiled this). */
    private String string() {
        int start = ++at;
        int quote = plainEnd(start);
        if (quote < 0) {
            return escaped(start);
        }
        at = quote + 1;
        return text.substring(start, quote);
    }

    private String escaped(int start) {
        StringBuilder b = new StringBuilder().append(text, start, at);
        while (true) {
            char c = charAt(at++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw new IllegalArgumentException("cut-off escape");
                    }
                    b.append((char) Integer.parseInt(text, at, at + 4, 16));
                    at += 4;
                }
                default -> throw new IllegalArgumentException("bad escape \\" + e);
            }
        }
    }

    private Object scalar() {
        int start = at;
        // A plain integer (shapes are made of them) is read in place, without a string of it.
        int first = text.charAt(start) == '-' ? start + 1 : start;
        int digits = first;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits > first && digits - first < 19 && (digits == text.length() || ends(text.charAt(digits)))) {
            at = digits;
            return Long.parseLong(text, start, digits, 10);
        }
        while (at < text.length() && !ends(text.charAt(at))) {
            at++;
        }
        String word = text.substring(start, at);
        switch (word) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                return number(word);
        }
    }

    private static boolean ends(char c) {
        switch (c) {
            case '{', '}', '[', ']', ',', ':', ' ', '\t', '\r', '\n', '"':
                return true;
            default:
                return false;
        }
    }

    private static Object number(String word) {
        if (word.isEmpty() || !(Character.isDigit(word.charAt(0)) || word.charAt(0) == '-')) {
            throw new IllegalArgumentException("not a JSON value: " + (word.isEmpty() ? "nothing" : word));
        }
        try {
            if (word.indexOf('.') < 0 && word.indexOf('e') < 0 && word.indexOf('E') < 0) {
                return Long.parseLong(word);
            }
        } catch (NumberFormatException tooLong) {
            // Larger than a long: read as a double below, as a general reader would give a big number.
        }
        return Double.parseDouble(word);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected " + c + " at " + at);
        }
        at++;
    }

    /** @return the next character that is not white space (not consumed) */
    private char peek() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
            at++;
        }
        throw new IllegalArgumentException("the text ends early");
    }

    private char charAt(int i) {
        if (i >= text.length()) {
            throw new IllegalArgumentException("the text ends inside a string");
        }
        return text.charAt(i);
    }
}
