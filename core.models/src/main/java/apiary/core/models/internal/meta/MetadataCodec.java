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
            m.specialFormat(), m.error()}) {
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
        return new ModelMetadata(title, author, description, preview, classId, width, height, license, date,
                predictionType, usageHint, triggerPhrase, mergedFrom, tags, negative, loraWeight, loraConfinement, hash,
                special == null ? "" : special, error);
    }

    private static void put(StringBuilder out, String s) {
        FieldText.put(out, s);
    }
}
