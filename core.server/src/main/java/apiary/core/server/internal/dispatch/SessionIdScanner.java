package apiary.core.server.internal.dispatch;

import java.nio.charset.StandardCharsets;

/**
 * Finds the top-level {@code "session_id"} string of a JSON object while its bytes are still arriving, without
 * building anything: the dispatcher can refuse a body with an unknown session before it has buffered the rest.
 * It only looks at structure (quotes, escapes, brackets, colons, commas), which in UTF-8 are always single bytes, and
 * keeps nothing of other keys or values, however long. The full parse later stays the authority: a key spelt with
 * escapes, or a non-string value, is simply not reported here.
 */
final class SessionIdScanner {
    private static final byte[] KEY = "session_id".getBytes(StandardCharsets.US_ASCII);
    /** Session ids are 40 characters; anything much longer cannot be one and is not kept. */
    private static final int MAX_VALUE = 128;

    private int depth;
    private boolean started;
    private boolean gaveUp;
    private boolean inString;
    private boolean escaped;
    private boolean stringIsKey;
    private boolean expectKey;
    private boolean keyMatches;
    private boolean valueIsSession;
    private final byte[] captured = new byte[MAX_VALUE];
    private int capturedLength;
    private boolean captureOverflow;
    private boolean stringHadEscape;
    private String sessionId;

    /** @return the session id once seen, else null */
    String sessionId() {
        return sessionId;
    }

    /** Scans the next bytes of the body. */
    void feed(byte[] bytes, int from, int to) {
        for (int i = from; i < to && !gaveUp && sessionId == null; i++) {
            step(bytes[i]);
        }
    }

    private void step(byte b) {
        if (inString) {
            inString(b);
            return;
        }
        switch (b) {
            case '{':
            case '[':
                if (!started) {
                    started = true;
                    if (b != '{') {
                        gaveUp = true;
                    }
                }
                depth++;
                expectKey = depth == 1 && b == '{';
                valueIsSession = false;
                break;
            case '}':
            case ']':
                depth--;
                break;
            case ',':
                if (depth == 1) {
                    expectKey = true;
                    valueIsSession = false;
                }
                break;
            case ':':
                if (depth == 1) {
                    valueIsSession = keyMatches;
                    keyMatches = false;
                }
                break;
            case '"':
                if (!started) {
                    gaveUp = true;
                    return;
                }
                inString = true;
                stringIsKey = depth == 1 && expectKey;
                expectKey = false;
                capturedLength = 0;
                captureOverflow = false;
                stringHadEscape = false;
                break;
            case ' ':
            case '\t':
            case '\r':
            case '\n':
                break;
            default:
                if (!started) {
                    gaveUp = true;
                } else if (depth == 1) {
                    // A number, true, false or null as a top-level value: not a session string.
                    valueIsSession = false;
                }
        }
    }

    private void inString(byte b) {
        if (escaped) {
            escaped = false;
            return;
        }
        if (b == '\\') {
            escaped = true;
            stringHadEscape = true;
            return;
        }
        if (b != '"') {
            if (depth == 1 && (stringIsKey || valueIsSession)) {
                if (capturedLength < captured.length) {
                    captured[capturedLength++] = b;
                } else {
                    captureOverflow = true;
                }
            }
            return;
        }
        inString = false;
        if (depth != 1 || stringHadEscape || captureOverflow) {
            keyMatches = false;
            valueIsSession = false;
            return;
        }
        if (stringIsKey) {
            keyMatches = capturedLength == KEY.length && java.util.Arrays.equals(captured, 0, capturedLength, KEY, 0, KEY.length);
        } else if (valueIsSession) {
            sessionId = new String(captured, 0, capturedLength, StandardCharsets.UTF_8);
        }
        valueIsSession = false;
    }
}
