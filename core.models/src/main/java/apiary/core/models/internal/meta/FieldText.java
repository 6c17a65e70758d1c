package apiary.core.models.internal.meta;

/**
 * Text fields one after another, each {@code -} (null) or its length, {@code :} and its characters, so reading one
 * back is a substring: the metadata cache's rows and the listing snapshot are read at every start, and parsing them
 * as JSON cost more than reading them from the database.
 */
public final class FieldText {
    private FieldText() {
    }

    /** @param out the text so far @param s a field (null allowed) */
    public static void put(StringBuilder out, String s) {
        if (s == null) {
            out.append('-');
        } else {
            out.append(s.length()).append(':').append(s);
        }
    }

    /** Reads the fields back in order; a damaged text throws an unchecked exception (see {@link #next}). */
    public static final class Reader {
        private final String text;
        private int at;

        /** @param text the text @param from where the first field starts */
        public Reader(String text, int from) {
            this.text = text;
            this.at = from;
        }

        /**
         * @return the next field
         * @throws IndexOutOfBoundsException or {@link NumberFormatException} when the text is cut short or damaged
         */
        public String next() {
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

        /** @return whether every field was read */
        public boolean atEnd() {
            return at == text.length();
        }

        /** @throws IndexOutOfBoundsException when more text follows the last field read */
        public void end() {
            if (!atEnd()) {
                throw new IndexOutOfBoundsException(at);
            }
        }
    }
}
