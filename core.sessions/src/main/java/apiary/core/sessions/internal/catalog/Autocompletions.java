package apiary.core.sessions.internal.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Word lists for prompt autocompletion: {@code .txt} and {@code .csv} files under {@code <data>/Autocompletions}
 * (sub-folders included), chosen per user by the {@code autocomplete.source} setting. A file is only ever opened when
 * its name is one of the listed files, so a setting value cannot reach outside the folder.
 */
public final class Autocompletions {
    private final Path folder;
    private final ParsedFiles<List<String>> files = new ParsedFiles<>(Autocompletions::parse);

    /** @param folder {@code <data>/Autocompletions} */
    public Autocompletions(Path folder) {
        this.folder = folder;
    }

    /** @return the relative names of every list file, sorted */
    public List<String> files() {
        return DataFiles.list(folder, List.of(".txt", ".csv"));
    }

    /**
     * The entries of one list, as {@code GetMyUserData} sends them: {@code word + "\n" + the columns joined by "\n"},
     * where {@code word} is the first column after the spacing mode, the suffix and parenthesis escaping are applied.
     * A two-column row whose second column is a number is read as {@code word,0,count,""}.
     *
     * @param name a file name from {@link #files()}
     * @param escapeParens whether to escape {@code (} and {@code )} with a backslash
     * @param suffix appended to every word
     * @param spacingMode {@code Spaces} (underscores become spaces), {@code Underscores} (the reverse) or {@code None}
     * @return the entries, or {@code null} when there is no such list
     */
    public List<String> entries(String name, boolean escapeParens, String suffix, String spacingMode) {
        if (name == null || name.isEmpty() || !files().contains(name)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String line : lines(name)) {
            String[] parts = line.split(",", -1);
            if (parts.length == 2 && isLong(parts[1])) {
                parts = new String[] {parts[0], "0", parts[1], ""};
            }
            String word = parts[0];
            if ("Spaces".equals(spacingMode)) {
                word = word.replace('_', ' ');
            } else if ("Underscores".equals(spacingMode)) {
                word = word.replace(' ', '_');
            }
            word += suffix;
            if (escapeParens) {
                word = word.replace("(", "\\(").replace(")", "\\)");
            }
            out.add(word + "\n" + String.join("\n", parts));
        }
        return out;
    }

    private List<String> lines(String name) {
        try {
            return files.get(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> parse(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.replace('\r', '\n').split("\n")) {
            String line = raw.trim();
            if (!line.isEmpty() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return List.copyOf(lines);
    }

    private static boolean isLong(String s) {
        try {
            Long.parseLong(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
