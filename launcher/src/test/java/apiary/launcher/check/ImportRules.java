package apiary.launcher.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an Apiary bundle (an area, a driver, an extension: anything that imports {@code apiary.core.api}) may
 * import. Jetty never: core.server embeds it privately. Jackson's public API is exported and may be used, its
 * internals (implementation and utility packages) may not; only core.server, which owns the JSON setup, may.
 * Another bundle's {@code internal} packages never.
 */
final class ImportRules {
    /** The bundle that owns the JSON setup and so may use Jackson's utility packages. */
    static final String JSON_OWNER = "core.server";
    private static final Set<String> JACKSON_INTERNAL_SEGMENTS = Set.of("impl", "internal", "std", "util", "base", "sym",
            "io", "async", "schubfach", "deser", "ser", "introspect", "jsontype");

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
                if (!JSON_OWNER.equals(bsn) && jacksonInternal(p)) {
                    out.add(bsn + " imports " + p + ": a Jackson internal package (use the public annotation, core, "
                            + "databind and databind.node API, or core.api's Json service)");
                }
            } else if (segments(p).contains("internal")) {
                out.add(bsn + " imports " + p + ": another bundle's internal package");
            }
        }
        return out;
    }

    private static boolean jacksonInternal(String p) {
        for (String s : segments(p)) {
            if (JACKSON_INTERNAL_SEGMENTS.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> segments(String p) {
        return List.of(p.split("\\."));
    }
}
