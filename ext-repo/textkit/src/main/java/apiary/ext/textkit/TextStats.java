package apiary.ext.textkit;

/** Counts of one piece of prompt text. */
public final class TextStats {
    /** Roughly how many characters of English text one CLIP/T5 token covers. */
    private static final double CHARACTERS_PER_TOKEN = 4.0;

    private final int words;
    private final int characters;
    private final int estimatedTokens;

    private TextStats(int words, int characters, int estimatedTokens) {
        this.words = words;
        this.characters = characters;
        this.estimatedTokens = estimatedTokens;
    }

    /**
     * @param text any text, {@code null} counts as empty
     * @return its counts; words are runs of letters or digits, so punctuation and weights like {@code (x:1.2)} split them
     */
    public static TextStats of(String text) {
        String s = text == null ? "" : text;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean letter = Character.isLetterOrDigit(s.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        int characters = s.codePointCount(0, s.length());
        return new TextStats(words, characters, (int) Math.ceil(characters / CHARACTERS_PER_TOKEN));
    }

    /** @return the number of words */
    public int words() {
        return words;
    }

    /** @return the number of characters (code points) */
    public int characters() {
        return characters;
    }

    /** @return an estimate of the number of tokens a text encoder sees */
    public int estimatedTokens() {
        return estimatedTokens;
    }
}
