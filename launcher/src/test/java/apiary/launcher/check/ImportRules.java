package apiary.launcher.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an Apiary bundle (an area, a driver, an extension: anything that imports {@code apiary.core.api}) may
 * import. Jetty never: core.server embeds it privately. Jackson's API is exported and may be used (annotations,
 * mappers, tree nodes, custom serializers), its internals may not: the {@code impl} and {@code internal} packages and
 * jackson-core's parser machinery ({@code core.base}, {@code core.io}, {@code core.json}, {@code core.sym}).
 * Another bundle's {@code internal} packages never.
 */
final class ImportRules {
    private static final Set<String> JACKSON_INTERNAL_SEGMENTS = Set.of("impl", "internal");
    private static final Set<String> JACKSON_CORE_MACHINERY = Set.of("base", "io", "json", "sym");

    private ImportRules() {
    }

    /** @return whether the bundle is one of ours or an extension: it imports the contract */
    static boolean applies(List<String> imports) {
        return imports.stream().anyMatch(p -> p.equals("apiary.core.api") || p.startsWith("apiary.core.api."));
    }

    /** @return one line per forbidden import, empty when the bundle keeps to the rules */
    static List<String> violations(String bsn, List<String> imports) {
        List<String> out = new ArrayList<>();
        for (String p : imports) {
            if (p.startsWith("org.eclipse.jetty")) {
                out.add(bsn + " imports " + p + ": Jetty is private to core.server");
            } else if (p.startsWith("com.fasterxml.jackson.")) {
                if (jacksonInternal(p)) {
                    out.add(bsn + " imports " + p + ": a Jackson internal package (use Jackson's API, or core.api's "
                            + "Json service)");
                }
            } else if (segments(p).contains("internal")) {
                out.add(bsn + " imports " + p + ": another bundle's internal package");
            }
        }
        return out;
    }

    private static boolean jacksonInternal(String p) {
        List<String> segments = segments(p);
        for (String s : segments) {
            if (JACKSON_INTERNAL_SEGMENTS.contains(s)) {
                return true;
            }
        }
        // com.fasterxml.jackson.core.<x>...
        return segments.size() > 4 && segments.get(3).equals("core") && JACKSON_CORE_MACHINERY.contains(segments.get(4));
    }

    private static List<String> segments(String p) {
        return List.of(p.split("\\."));
    }
}
