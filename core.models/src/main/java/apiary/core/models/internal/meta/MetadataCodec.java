package apiary.core.models.internal.meta;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link ModelMetadata} to and from one line of text, for the database cache. Each field in a fixed order is
 * {@code -} (null) or its length, {@code :} and its characters, so decoding is a few substrings per row: a restart
 * decodes 10,000 rows, and parsing them as JSON cost more than reading them from the database.
 */
public final class MetadataCodec {
    /** Marks the format; rows in any other form (the older JSON ones) do not decode and are read from the file. */
    private static final String VERSION = "m1;";

    private MetadataCodec() {
    }

    /** @param m metadata @return its cache text */
    public static String encode(ModelMetadata m) {
        StringBuilder out = new StringBuilder(VERSION);
        for (String s : new String[] {m.title(), m.author(), m.description(), m.preview(), m.classId(), Integer.toString(m.width()),
            Integer.toString(m.height()), m.license(), m.date(), m.predictionType(), m.usageHint(), m.triggerPhrase(),
            m.mergedFrom(), m.negativeEmbedding() ? "1" : "0", m.loraDefaultWeight(), m.loraDefaultConfinement(), m.hash(),
            m.specialFormat(), m.error()}) {
            put(out, s);
        }
        if (m.tags() == null) {
            put(out, null);
        } else {
            put(out, Integer.toString(m.tags().size()));
            m.tags().forEach(t -> put(out, t));
        }
        return out.toString();
    }

    /**
     * @param text what {@link #encode} made
     * @return the metadata
     * @throws IllegalArgumentException for text in another form or cut short
     */
    public static ModelMetadata decode(String text) {
        if (text == null || !text.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not a cached metadata row");
        }
        Reader r = new Reader(text);
        try {
            String title = r.next();
            String author = r.next();
            String description = r.next();
            String preview = r.next();
            String classId = r.next();
            int width = Integer.parseInt(r.next());
            int height = Integer.parseInt(r.next());
            String license = r.next();
            String date = r.next();
            String predictionType = r.next();
            String usageHint = r.next();
            String triggerPhrase = r.next();
            String mergedFrom = r.next();
            boolean negative = "1".equals(r.next());
            String loraWeight = r.next();
            String loraConfinement = r.next();
            String hash = r.next();
            String special = r.next();
            String error = r.next();
            String count = r.next();
            List<String> tags = null;
            if (count != null) {
                int n = Integer.parseInt(count);
                tags = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    tags.add(r.next());
                }
            }
            r.end();
            return new ModelMetadata(title, author, description, preview, classId, width, height, license, date,
                    predictionType, usageHint, triggerPhrase, mergedFrom, tags, negative, loraWeight, loraConfinement, hash,
                    special == null ? "" : special, error);
        } catch (NumberFormatException | IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("Damaged cached metadata row", e);
        }
    }

    private static void put(StringBuilder out, String s) {
        if (s == null) {
            out.append('-');
        } else {
            out.append(s.length()).append(':').append(s);
        }
    }

    /** Reads the fields back in order. */
    private static final class Reader {
        private final String text;
        private int at = VERSION.length();

        Reader(String text) {
            this.text = text;
        }

        String next() {
            if (text.charAt(at) == '-') {
                at++;
                return null;
            }
            int colon = text.indexOf(':', at);
            int len = Integer.parseInt(text, at, colon, 10);
            if (len < 0) {
                throw new IndexOutOfBoundsException(len);
            }
            at = colon + 1 + len;
            return text.substring(colon + 1, at);
        }

        void end() {
            if (at != text.length()) {
                throw new IndexOutOfBoundsException(at);
            }
        }
    }
}
