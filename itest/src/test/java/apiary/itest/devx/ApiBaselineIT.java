package apiary.itest.devx;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * API discipline at build time: in a scratch copy of the build (root POM, bnd files, core.api), a change to the
 * contract that needs a new package version fails {@code mvn verify} (bnd baselining against the released core.api
 * kept in cnf/baseline) until the package versions say so.
 */
public class ApiBaselineIT {
    private static final Pattern VERSION = Pattern.compile("@org\\.osgi\\.annotation\\.versioning\\.Version\\(\"(\\d+)\\.(\\d+)\\.(\\d+)\"\\)");

    @Test
    public void aContractChangeFailsTheBuildUntilThePackageVersionSaysSo() throws Exception {
        Path root = NestedMaven.repositoryRoot();
        Path scratch = Path.of(System.getProperty("apiary.itest.workDir")).resolve("baseline-" + System.nanoTime());
        for (String part : List.of("pom.xml", "bnd.bnd", "cnf", ".mvn", "core.api")) {
            ScratchCopy.copy(root.resolve(part), scratch.resolve(part));
        }
        String pom = Files.readString(scratch.resolve("pom.xml"));
        Files.writeString(scratch.resolve("pom.xml"), pom.replaceAll("(?s)<modules>.*?</modules>", "<modules><module>core.api</module></modules>"));
        releaseTheCurrentApi(scratch);
        Path api = scratch.resolve("core.api/src/main/java/apiary/core/api");
        // A new method on a @ConsumerType interface (extensions implement it): a major change.
        ScratchCopy.replace(api.resolve("settings/ServerSettingsContributor.java"), "    List<SettingDef> settings();",
                "    List<SettingDef> settings();\n\n    /** @return new */\n    String addedByTheTest();");
        // A new method on a @ProviderType interface (only the core implements it): a minor change.
        ScratchCopy.replace(api.resolve("route/RouteRuntime.java"), "    RouteRuntimeDTO snapshot();",
                "    RouteRuntimeDTO snapshot();\n\n    /** @return new */\n    int addedByTheTest();");
        int[] settings = version(api.resolve("settings/package-info.java"));
        int[] route = version(api.resolve("route/package-info.java"));

        NestedMaven.Result broken = verify(scratch, "broken");
        assertNotEquals("the build fails:\n" + NestedMaven.tail(broken.output), 0, broken.exitCode);
        String report = Files.readString(scratch.resolve("core.api/target/baseline/core.api-" + System.getProperty("apiary.itest.version") + ".txt"));
        assertTrue(report, report.matches("(?s).*\\* apiary\\.core\\.api\\.settings\\s+PACKAGE\\s+MAJOR\\s+" + text(settings)
                + "\\s+" + text(settings) + "\\s+" + (settings[0] + 1) + "\\.0\\.0.*"));
        assertTrue(report, report.matches("(?s).*\\* apiary\\.core\\.api\\.route\\s+PACKAGE\\s+MINOR\\s+" + text(route)
                + "\\s+" + text(route) + "\\s+" + route[0] + "\\." + (route[1] + 1) + "\\.0.*"));
        assertTrue(broken.output, broken.output.contains("Baseline problems detected"));

        setVersion(api.resolve("settings/package-info.java"), settings, (settings[0] + 1) + ".0.0");
        setVersion(api.resolve("route/package-info.java"), route, route[0] + "." + (route[1] + 1) + ".0");
        NestedMaven.Result fixed = verify(scratch, "fixed");
        assertEquals("with the versions raised the build passes:\n" + NestedMaven.tail(fixed.output), 0, fixed.exitCode);
        assertTrue(fixed.output.contains("Baseline check succeeded"));
    }

    /**
     * Releases the unchanged sources as the baseline first (cnf/baseline/release.sh, as a maintainer does), so the
     * test sees only its own change even when the repository's packages moved on since its last release.
     */
    private static void releaseTheCurrentApi(Path scratch) throws Exception {
        // A version of its own per run: the local repository caches what it once resolved from cnf/baseline.
        String version = "0.0." + System.currentTimeMillis();
        Path config = scratch.resolve(".mvn/maven.config");
        Files.writeString(config, Files.readString(config).trim() + "\n-Dmaven.repo.local=" + System.getProperty("maven.repo.local") + "\n");
        Process release = new ProcessBuilder("bash", "cnf/baseline/release.sh", version).directory(scratch.toFile())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("release.log").toFile()).start();
        assertEquals("release.sh:\n" + Files.readString(scratch.resolve("release.log")), 0, release.waitFor());
        Path pom = scratch.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replaceAll("<apiary\\.api\\.baseline>[^<]*<", "<apiary.api.baseline>" + version + "<"));
        Path cached = Path.of(System.getProperty("maven.repo.local"), "apiary", "core.api", version);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ScratchCopy.deleteQuietly(cached)));
    }

    private static NestedMaven.Result verify(Path scratch, String name) throws Exception {
        return NestedMaven.mvn(scratch, List.of("-o", "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                "-DskipTests", "verify"), scratch.resolve(name + ".log"));
    }

    private static int[] version(Path packageInfo) throws Exception {
        Matcher m = VERSION.matcher(Files.readString(packageInfo));
        assertTrue(packageInfo.toString(), m.find());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    private static String text(int[] v) {
        return v[0] + "\\." + v[1] + "\\." + v[2];
    }

    private static void setVersion(Path packageInfo, int[] old, String next) throws Exception {
        ScratchCopy.replace(packageInfo, "Version(\"" + old[0] + "." + old[1] + "." + old[2] + "\")", "Version(\"" + next + "\")");
    }
}
