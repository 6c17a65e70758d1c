package apiary.backend.comfy.internal.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One launched ComfyUI process: its output is forwarded line by line (to the server log) and the last lines kept
 * for error messages; stopping it ends its whole process tree, and a JVM shutdown hook does the same if the server
 * exits first, so no ComfyUI is ever left behind.
 */
public final class ComfyProcess {
    private static final int TAIL_LINES = 20;

    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread hook;
    private final ProcessRecords records;

    private ComfyProcess(Process process, ProcessRecords records) {
        this.process = process;
        this.records = records;
        this.hook = new Thread(this::kill, "comfy-process-reaper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
        records.remember(process.toHandle());
        long pid = process.pid();
        process.onExit().thenRun(() -> {
            records.forget(pid);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the hook runs, harmlessly, on an ended process.
            }
        });
    }

    /**
     * @param command the command line
     * @param workDir the working folder (the script's)
     * @param env extra environment variables
     * @param output receives every output line
     * @param records where the process is recorded while it runs (for {@link ProcessRecords#reapLeftovers})
     * @return the running process
     * @throws IOException when it cannot be started
     */
    public static ComfyProcess start(List<String> command, Path workDir, Map<String, String> env, Consumer<String> output,
            ProcessRecords records) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("PYTHONUNBUFFERED", "1");
        ComfyProcess p = new ComfyProcess(pb.start(), records);
        Thread reader = new Thread(() -> p.pump(output), "comfy-output-" + p.process.pid());
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private void pump(Consumer<String> output) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                output.accept(line);
            }
        } catch (IOException e) {
            // The process ended; its exit is reported through onExit.
        }
    }

    /** @return the process id */
    public long pid() {
        return process.pid();
    }

    /** @return whether it still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the exit code, or -1 while it runs */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** @return the last output lines, joined */
    public String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    /** @param action run once when the process ends, on a framework thread */
    public void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /** Ends the process tree: politely, then by force after five seconds. Idempotent. */
    public void stop() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook itself.
        }
    }

    /** Ends the process tree without unregistering the shutdown hook (for a hung process that will be replaced). */
    public void kill() {
        ProcessRecords.endTree(process.toHandle());
        records.forget(process.pid());
    }
}
