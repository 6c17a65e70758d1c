package apiary.core.models.internal.tokenizer;

/**
 * One CLIP token.
 *
 * @param id the vocabulary id
 * @param text the vocabulary entry, e.g. {@code cat</w>}
 * @param weight the prompt weight applied to it ({@code (word:1.5)}), 1 when none
 */
public record Token(int id, String text, double weight) {
}
