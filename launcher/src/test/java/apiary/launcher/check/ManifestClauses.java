package apiary.launcher.check;

import java.util.ArrayList;
import java.util.List;

/** Splits an OSGi manifest header into its clauses' first names (package names for Import-Package). */
final class ManifestClauses {
    private ManifestClauses() {
    }

    /** @return the name before the first ';' of each clause; commas inside quotes do not split */
    static List<String> names(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                add(out, clause);
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        add(out, clause);
        return out;
    }

    private static void add(List<String> out, StringBuilder clause) {
        String name = clause.toString().split(";", 2)[0].trim();
        if (!name.isEmpty()) {
            out.add(name);
        }
    }
}
