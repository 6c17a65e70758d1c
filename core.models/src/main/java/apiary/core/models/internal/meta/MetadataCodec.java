package apiary.core.models.internal.meta;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link ModelMetadata} to and from one line of text, for the database cache and the listing snapshot: its fields in
 * a fixed order as {@link FieldText}.
 */
public final class MetadataCodec {
    /** Marks the format; rows in any other form (the older JSON ones) do not decode and are read from the file. */
    private static final String VERSION = "m1;";
    /** How many single fields {@link #write} puts before the tags, in the order {@link #read} takes them back. */
    private static final int FIELDS = 19;

    private MetadataCodec() {
    }

    /** @param m metadata @return its cache text */
    public static String encode(ModelMetadata m) {
        StringBuilder out = new StringBuilder(VERSION);
        write(out, m);
        return out.toString();
    }

    /** @param out text to append the metadata's fields to @param m the metadata */
    public static void write(StringBuilder out, ModelMetadata m) {
        for (String s : new String[] {m.title(), m.author(), m.description(), m.preview(), m.classId(), Integer.toString(m.width()),
            Integer.toString(m.height()), m.license(), m.date(), m.predictionType(), m.usageHint(), m.triggerPhrase(),
            m.mergedFrom(), m.negativeEmbedding() ? "1" : "0", m.loraDefaultWeight(), m.loraDefaultConfinement(), m.hash(),
            m.specialFormat(), m.error()}) { // FIELDS of them
            put(out, s);
        }
        if (m.tags() == null) {
            put(out, null);
        } else {
            put(out, Integer.toString(m.tags().size()));
            m.tags().forEach(t -> put(out, t));
        }
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
        try {
            FieldText.Reader r = new FieldText.Reader(text, VERSION.length());
            ModelMetadata m = read(r);
            r.end();
            return m;
        } catch (NumberFormatException | IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("Damaged cached metadata row", e);
        }
    }

    /**
     * @param r a reader at the first field {@link #write} wrote
     * @return the metadata
     * @throws RuntimeException ({@link NumberFormatException}, {@link IndexOutOfBoundsException}, {@link
     *         NullPointerException}) when the text is damaged
     */
    public static ModelMetadata read(FieldText.Reader r) {
        String[] f = new String[FIELDS];
        for (int i = 0; i < FIELDS; i++) {
            f[i] = r.next();
        }
        String count = r.next();
        List<String> tags = null;
        if (count != null) {
            int n = Integer.parseInt(count);
            tags = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tags.add(r.next());
            }
        }
        return new ModelMetadata(f[0], f[1], f[2], f[3], f[4], Integer.parseInt(f[5]), Integer.parseInt(f[6]), f[7], f[8],
                f[9], f[10], f[11], f[12], tags, "1".equals(f[13]), f[14], f[15], f[16], f[17] == null ? "" : f[17], f[18]);
    }

    private static void put(StringBuilder out, String s) {
        FieldText.put(out, s);
    }
}
