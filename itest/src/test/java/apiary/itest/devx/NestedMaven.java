package apiary.itest.devx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven in a child process on a project outside this repository, as an extension developer would, without
 * touching the build's own local repository: the child gets a local repository of its own in which core.api and
 * its parent POM are installed (what {@code mvn install} of Apiary does on a developer's machine), and reads
 * everything else (plugins, OSGi annotations) from the build's local repository as a file mirror, so it needs no
 * network.
 */
final class NestedMaven {
    private final Path settings;
    private final Path logs;

    private NestedMaven(Path settings, Path logs) {
        this.settings = settings;
        this.logs = logs;
    }

    /** @return Maven set up under {@code work}, with core.api of this build installed in its local repository */
    static NestedMaven prepare(Path work) throws IOException {
        Path root = repositoryRoot();
        String version = System.getProperty("apiary.itest.version");
        Path local = work.resolve("m2");
        install(root.resolve("pom.xml"), local.resolve("apiary/apiary/" + version + "/apiary-" + version + ".pom"));
        Path api = local.resolve("apiary/core.api/" + version);
        install(root.resolve("core.api/pom.xml"), api.resolve("core.api-" + version + ".pom"));
        install(root.resolve("core.api/target/core.api-" + version + ".jar"), api.resolve("core.api-" + version + ".jar"));
        Path outer = Path.of(System.getProperty("maven.repo.local"));
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, "<settings><localRepository>" + local.toAbsolutePath() + "</localRepository>"
                + "<mirrors><mirror><id>build-repository</id><mirrorOf>*</mirrorOf><url>" + outer.toUri()
                + "</url></mirror></mirrors></settings>");
        return new NestedMaven(settings, work);
    }

    /** @return the root of this repository (the parent of the itest module) */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("apiary.itest.root")).toAbsolutePath().normalize();
    }

    /**
     * Runs {@code mvn -B <args>} in a folder.
     *
     * @return the exit code and the output
     */
    static Result mvn(Path dir, List<String> args, Path log) throws Exception {
        List<String> cmd = new ArrayList<>();
        String home = System.getProperty("maven.home");
        cmd.add(home == null ? "mvn" : Path.of(home, "bin", "mvn").toString());
        cmd.add("-B");
        cmd.add("-Dstyle.color=never");
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mvn " + args + " in " + dir + " did not finish within 10 minutes");
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    /** Runs {@code mvn} with this set-up's settings and fails with the output unless it succeeds. */
    String build(Path project, String... goals) throws Exception {
        List<String> args = new ArrayList<>(List.of("-s", settings.toString()));
        args.addAll(List.of(goals));
        Result r = mvn(project, args, logs.resolve("mvn-" + System.nanoTime() + ".log"));
        if (r.exitCode != 0) {
            throw new AssertionError("mvn " + String.join(" ", goals) + " failed in " + project + ":\n" + tail(r.output));
        }
        return r.output;
    }

    static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
    }

    private static void install(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A finished Maven run. */
    static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}
