package apiary.core.server.internal.web;

/**
 * One {@code Range: bytes=...} request against a file of known size: {@code a-b}, {@code a-} or the suffix {@code -n}.
 * Several ranges at once are not served as a multipart answer: the whole file is sent instead, which HTTP allows.
 */
final class ByteRange {
    /** What a Range header asks of a file. */
    enum Kind { WHOLE, PART, UNSATISFIABLE }

    final Kind kind;
    final long first;
    final long length;

    private ByteRange(Kind kind, long first, long length) {
        this.kind = kind;
        this.first = first;
        this.length = length;
    }

    /**
     * @param header the Range header, or null
     * @param size the file size
     * @return the range to send
     */
    static ByteRange parse(String header, long size) {
        ByteRange whole = new ByteRange(Kind.WHOLE, 0, size);
        if (header == null) {
            return whole;
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6) || h.indexOf(',') >= 0) {
            return whole;
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return whole;
        }
        long start;
        long end;
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return whole;
                }
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || size == 0) {
                    return unsatisfiable();
                }
                start = Math.max(0, size - suffix);
                end = size - 1;
            } else {
                start = Long.parseLong(a);
                end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
                if (!b.isEmpty() && Long.parseLong(b) < start) {
                    return whole;
                }
            }
        } catch (NumberFormatException e) {
            return whole;
        }
        if (start < 0) {
            return whole;
        }
        if (start >= size) {
            return unsatisfiable();
        }
        return new ByteRange(Kind.PART, start, end - start + 1);
    }

    private static ByteRange unsatisfiable() {
        return new ByteRange(Kind.UNSATISFIABLE, 0, 0);
    }

    /** @return the Content-Range value of a part of a file of {@code size} bytes */
    String contentRange(long size) {
        return kind == Kind.UNSATISFIABLE ? "bytes */" + size : "bytes " + first + "-" + (first + length - 1) + "/" + size;
    }
}
