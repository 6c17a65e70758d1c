package apiary.core.models.internal.wildcards;

import java.util.ArrayList;
import java.util.List;

/**
 * One wildcard file as read: its name, the raw text and the options (non-empty lines, {@code #} comments removed,
 * a literal {@code \n} turned into a line break).
 *
 * @param name the name (relative path without {@code .txt})
 * @param raw the file text with line ends normalised
 * @param options the options
 * @param modified modification time, epoch ms
 * @param created creation time, epoch ms
 */
public record Wildcard(String name, String raw, List<String> options, long modified, long created) {
    /**
     * @param name the wildcard name
     * @param text the file's text
     * @param modified modification time
     * @param created creation time
     * @return the parsed wildcard
     */
    public static Wildcard parse(String name, String text, long modified, long created) {
        String raw = text.replace("\r\n", "\n").replace("\r", "").replace("\uFEFF", "");
        List<String> options = new ArrayList<>();
        for (String line : raw.split("\n")) {
            int hash = line.indexOf('#');
            String option = (hash >= 0 ? line.substring(0, hash) : line).strip().replace("\\n", "\n");
            if (!option.isBlank()) {
                options.add(option);
            }
        }
        return new Wildcard(name, raw, List.copyOf(options), modified, created);
    }
}
