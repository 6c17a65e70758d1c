package apiary.itest.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import apiary.itest.Api;

/**
 * The real server as {@code ./apiary} runs it: the distribution's launcher in its own JVM, on a free port, with a
 * data folder the test chooses (so a second start sees what the first one wrote). For tests that need a process:
 * restarts, {@code kill -9}, exit codes.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    private final Path dataDir;
    private final List<String> extraArgs;
    private final Map<String, String> systemProperties;
    private final Path log;
    private Process process;
    private int port;
    private final List<Api.Reply> startupReplies = new ArrayList<>();
    private final Predicate<Api.Reply> started;

    private ServerProcess(Path dataDir, List<String> extraArgs, Map<String, String> systemProperties,
            Predicate<Api.Reply> started) {
        this.started = started;
        this.dataDir = dataDir;
        this.extraArgs = extraArgs;
        this.systemProperties = systemProperties;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-console.log");
    }

    /** @return a new, empty data folder under the test work folder */
    public static Path newDataDir(String name) throws IOException {
        Path dir = Path.of(System.getProperty("apiary.itest.workDir")).resolve(name + "-" + System.nanoTime());
        Files.createDirectories(dir);
        return dir;
    }

    /** Starts a server on the data folder and waits until it answers GetNewSession. */
    public static ServerProcess start(Path dataDir) throws Exception {
        return start(dataDir, List.of(), Map.of());
    }

    /**
     * @param extraArgs more command line arguments
     * @param systemProperties {@code -D} properties, e.g. {@code apiary.db.type}
     */
    public static ServerProcess start(Path dataDir, List<String> extraArgs, Map<String, String> systemProperties) throws Exception {
        return start(dataDir, extraArgs, systemProperties, reply -> reply.status == 200);
    }

    /**
     * @param started the answer to GetNewSession that counts as started (e.g. a 503 for a server whose database is
     *        down)
     */
    public static ServerProcess start(Path dataDir, List<String> extraArgs, Map<String, String> systemProperties,
            Predicate<Api.Reply> started) throws Exception {
        ServerProcess p = new ServerProcess(dataDir, extraArgs, systemProperties, started);
        p.launch();
        return p;
    }

    private void launch() throws Exception {
        launch(freePort());
    }

    private void launch(int onPort) throws Exception {
        startupReplies.clear();
        port = onPort;
        Path dist = Path.of(System.getProperty("apiary.itest.distribution"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(dist.resolve("lib") + "/*");
        cmd.add("apiary.launcher.Main");
        cmd.add("--port");
        cmd.add(String.valueOf(port));
        cmd.add("--data-dir");
        cmd.add(dataDir.toString());
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // Generous: on the shared build machine (load 20+ on two cores) a start took 30 to 70 s; this only bounds a
        // server that never comes up.
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Server exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                Api.Reply reply = api().post("GetNewSession", Map.of());
                startupReplies.add(reply);
                if (started.test(reply)) {
                    return;
                }
            } catch (RuntimeException e) {
                // Not listening yet.
            }
            Thread.sleep(5);
        }
        // The caller gets no ServerProcess to close: stop it here, or it outlives the test run.
        process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        throw new IllegalStateException("Server did not answer within " + START_LIMIT.toSeconds() + " s: " + Files.readString(log));
    }

    /** @return a client for this server */
    public Api api() {
        return new Api(port);
    }

    /** @return every answer to GetNewSession the last start saw while waiting for the server, the last one the started one */
    public List<Api.Reply> startupReplies() {
        return List.copyOf(startupReplies);
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return the process id, e.g. to read its memory use from /proc */
    public long pid() {
        return process.pid();
    }

    /** @return the console output so far */
    public String console() throws IOException {
        return Files.readString(log);
    }

    /** Sends SIGTERM (what Ctrl-C or a service manager does) and returns the exit code. */
    public int stop() throws Exception {
        process.destroy();
        return waitForExit(Duration.ofSeconds(60));
    }

    /** Sends SIGKILL: no shutdown hooks, no flushing. */
    public void killHard() throws Exception {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the process to end by itself and returns the exit code. */
    public int waitForExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Server did not exit within " + timeout + ": " + console());
        }
        return process.exitValue();
    }

    /** Starts the server again on the same data folder (a new port). */
    public void restart() throws Exception {
        if (process.isAlive()) {
            stop();
        }
        launch();
    }

    /** Starts the server again on the same data folder and the same port (clients that know its address find it again). */
    public void restartOnSamePort() throws Exception {
        if (process.isAlive()) {
            stop();
        }
        launch(port);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
