package apiary.core.models.internal.download;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an HTTP {@code Content-Range: bytes first-last/total} answer to a {@code Range: bytes=first-} request. */
final class ContentRange {
    private static final Pattern BYTES = Pattern.compile("\\s*bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18})\\s*");

    private ContentRange() {
    }

    /**
     * @param header the header value, or null
     * @param from the first byte asked for
     * @return the whole file's size when the answer runs from {@code from} to the end of the file, else -1
     */
    static long totalIfFrom(String header, long from) {
        if (header == null) {
            return -1;
        }
        Matcher m = BYTES.matcher(header);
        if (!m.matches()) {
            return -1;
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        return first == from && last == total - 1 && total > from ? total : -1;
    }
}
