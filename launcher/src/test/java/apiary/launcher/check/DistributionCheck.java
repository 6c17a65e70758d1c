package apiary.launcher.check;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Build check of the assembled distribution, run by {@code mvn verify} in the launcher module: every bundle of
 * ours and every shipped extension keeps to the {@link ImportRules}, and a bndrun requiring every distribution
 * bundle is written for the resolver, which then proves the bundle set is complete.
 *
 * <p>Arguments: the distribution folder ({@code target/apiary}) and the bndrun file to write.
 */
public final class DistributionCheck {
    private DistributionCheck() {
    }

    /**
     * @param args distribution folder, bndrun output file
     * @throws IllegalStateException listing every forbidden import, which fails the build
     */
    public static void main(String[] args) throws IOException {
        Path dist = Path.of(args[0]);
        List<String> violations = new ArrayList<>();
        TreeSet<String> distribution = new TreeSet<>();
        for (Path jar : jars(dist.resolve("bundles"))) {
            Attributes m = manifest(jar);
            String bsn = bsn(m);
            if (bsn != null) {
                distribution.add(bsn);
                check(bsn, m, violations);
            }
        }
        for (Path jar : jars(dist.resolve("repository"))) {
            Attributes m = manifest(jar);
            if (bsn(m) != null) {
                check(bsn(m), m, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Bundles import what they must not:\n  " + String.join("\n  ", violations));
        }
        Path bndrun = Path.of(args[1]);
        Files.createDirectories(bndrun.getParent());
        Files.writeString(bndrun, bndrun(distribution));
        System.out.println("Imports checked; " + bndrun + " requires the " + distribution.size() + " distribution bundles");
    }

    static String bndrun(TreeSet<String> bundles) {
        StringBuilder sb = new StringBuilder("# Written by apiary.launcher.check.DistributionCheck: every bundle of the "
                + "distribution must resolve against the others, the framework and the JRE.\n");
        sb.append("-runfw: org.apache.felix.framework;version='[7,8)'\n-runee: JavaSE-17\n-resolve.effective: resolve\n");
        sb.append("-runrequires: \\\n");
        List<String> lines = new ArrayList<>();
        for (String bsn : bundles) {
            lines.add("  bnd.identity;id='" + bsn + "'");
        }
        sb.append(String.join(",\\\n", lines)).append('\n');
        return sb.toString();
    }

    private static void check(String bsn, Attributes m, List<String> violations) {
        List<String> imports = ManifestClauses.names(m.getValue("Import-Package"));
        if (ImportRules.applies(imports)) {
            violations.addAll(ImportRules.violations(bsn, imports));
        }
    }

    private static String bsn(Attributes m) {
        String v = m == null ? null : m.getValue("Bundle-SymbolicName");
        return v == null ? null : v.split(";")[0].trim();
    }

    private static Attributes manifest(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            return jf.getManifest() == null ? null : jf.getManifest().getMainAttributes();
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
                ds.forEach(out::add);
            }
        }
        out.sort(null);
        return out;
    }
}
