package apiary.core.api.model;

import java.util.List;
import java.util.Objects;

/** A prompt after {@link WildcardLibrary#fill}: the text and the wildcards it used, in order of use. */
public final class FilledPrompt {
    private final String text;
    private final List<String> usedWildcards;

    /**
     * @param text the filled text
     * @param usedWildcards the names of the wildcards that were picked from
     */
    public FilledPrompt(String text, List<String> usedWildcards) {
        this.text = Objects.requireNonNull(text, "text");
        this.usedWildcards = List.copyOf(usedWildcards);
    }

    /** @return the filled text */
    public String text() {
        return text;
    }

    /** @return the names of the wildcards used, in order (SwarmUI's {@code used_wildcards} metadata) */
    public List<String> usedWildcards() {
        return usedWildcards;
    }
}
