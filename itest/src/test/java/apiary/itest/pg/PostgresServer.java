package apiary.itest.pg;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server on loopback for tests: {@code initdb} into a folder under the test work folder, a
 * free port, password authentication, stopped and deleted by {@link #close()}. Root may not run PostgreSQL, so as
 * root the server binaries run as the {@code postgres} system user. Missing binaries fail the test loudly: CI always
 * installs the Debian package {@code postgresql}.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String USER = "apiary";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final Path sockets;
    private final String password = UUID.randomUUID().toString();
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dir, int port) throws IOException {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.sockets = Files.createTempDirectory("pgsock");
        this.port = port;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    /** Initialises and starts a server; throws when PostgreSQL is not installed. */
    public static PostgresServer start() throws Exception {
        Path bin = findBinaries();
        Path dir = baseDir().resolve("pg-" + System.nanoTime());
        Files.createDirectories(dir);
        PostgresServer pg = new PostgresServer(bin, dir, freePort());
        try {
            pg.init();
            return pg;
        } catch (Exception | Error e) {
            pg.close();
            throw e;
        }
    }

    static Path findBinaries() throws IOException {
        String configured = System.getProperty("apiary.itest.pgBin", System.getenv("APIARY_PG_BIN"));
        if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path best = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> versionOf(b.getParent()))).orElse(null);
                if (best != null) {
                    return best;
                }
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin; "
                + "install the Debian package 'postgresql' or set -Dapiary.itest.pgBin. These tests must not be skipped.");
    }

    private static int versionOf(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Where clusters go: the test work folder, unless the server runs as the {@code postgres} user - then a folder
     * of its own under the system temp folder, because the checkout's folders (a 0700 home or mktemp folder, say)
     * may be closed to that user.
     */
    private static Path baseDir() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Path.of(System.getProperty("apiary.itest.workDir"));
        }
        Path base = Files.createTempDirectory("apiary-itest-pg-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        return base;
    }

    private void init() throws Exception {
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n");
        if (asPostgresUser) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            for (Path p : List.of(dir, pwfile, sockets)) {
                Files.setOwner(p, postgres);
            }
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        run(true, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile,
                "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C");
        run(true, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -k " + sockets, "start");
    }

    /** Stops the server, keeping its data (an outage); {@link #startAgain()} brings it back on the same port. */
    public void stopServer() throws Exception {
        run(true, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts the server again after {@link #stopServer()}. */
    public void startAgain() throws Exception {
        run(true, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -k " + sockets, "start");
    }

    /** Creates a database owned by the test user. */
    public void createDatabase(String name) throws Exception {
        run(false, bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, name);
    }

    /** @return {@code -D} properties that point Apiary at a database of this server */
    public Map<String, String> properties(String database) {
        return Map.of("apiary.db.type", "postgresql", "apiary.db.host", "127.0.0.1", "apiary.db.port", String.valueOf(port),
                "apiary.db.name", database, "apiary.db.user", USER, "apiary.db.password", password);
    }

    private void run(boolean serverBinary, String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (serverBinary && asPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolveSibling(dir.getFileName() + "-commands.log").toFile()));
        pb.environment().put("PGPASSWORD", password);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Timed out: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Failed (" + p.exitValue() + "): " + cmd + "\n"
                    + Files.readString(dir.resolveSibling(dir.getFileName() + "-commands.log")));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(true, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
            }
        } finally {
            delete(dir);
            delete(sockets);
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
