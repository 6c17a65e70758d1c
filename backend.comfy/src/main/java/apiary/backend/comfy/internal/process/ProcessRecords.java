package apiary.backend.comfy.internal.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One file per running self-started ComfyUI ({@code <data>/comfy-processes/<pid>}, holding the process's start
 * time), so that a server that was killed without running its shutdown hooks ({@code kill -9}, power loss of the
 * JVM only) ends the ComfyUI processes it left behind at its next start. Each record names the process and the
 * server that started it, both by pid and start time: a process is ended only when it is still the one recorded
 * (not a later one that reuses the pid) and its server is gone (not another server sharing the data folder).
 */
public final class ProcessRecords {
    private static final System.Logger LOG = System.getLogger(ProcessRecords.class.getName());

    private static final String UNKNOWN = "?";

    private final Path folder;

    /** @param folder where the records live */
    public ProcessRecords(Path folder) {
        this.folder = folder;
    }

    /** @param dataDir the server's data folder @return the records kept under it */
    public static ProcessRecords in(Path dataDir) {
        return new ProcessRecords(dataDir.resolve("comfy-processes"));
    }

    Path folderForTests() {
        return folder;
    }

    /** @param p a process just started: recorded until {@link #forget} */
    void remember(ProcessHandle p) {
        remember(p, ProcessHandle.current().pid(), identity(ProcessHandle.current()));
    }

    /** @param p a process @param ownerPid the server that started it @param owner that server's identity */
    void remember(ProcessHandle p, long ownerPid, String owner) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(Long.toString(p.pid())), identity(p) + "\n" + ownerPid + "\n" + owner,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot record ComfyUI process " + p.pid() + ": " + e.getMessage());
        }
    }

    /** @param pid a process that ended or was ended */
    void forget(long pid) {
        try {
            Files.deleteIfExists(folder.resolve(Long.toString(pid)));
        } catch (IOException e) {
            // A record left behind is checked against the start time at the next start; nothing is harmed.
        }
    }

    /**
     * Ends every recorded process that still runs (a leftover of a server that died without cleaning up) and
     * clears the records.
     *
     * @return the pids that were ended
     */
    public List<Long> reapLeftovers() {
        List<Long> ended = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return ended;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                long pid;
                try {
                    pid = Long.parseLong(f.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                String[] lines = Files.readString(f, StandardCharsets.UTF_8).split("\n");
                if (lines.length < 3 || lines[0].equals(UNKNOWN)) {
                    Files.deleteIfExists(f);
                    continue;
                }
                if (alive(parse(lines[1]), lines[2])) {
                    continue; // another server on the same data folder still owns it
                }
                Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(h -> h.isAlive() && identity(h).equals(lines[0]));
                if (p.isPresent()) {
                    LOG.log(System.Logger.Level.WARNING, "Ending ComfyUI process " + pid + ", left running by a server that did not shut down");
                    endTree(p.get());
                    ended.add(pid);
                }
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read the ComfyUI process records in " + folder + ": " + e.getMessage());
        }
        return ended;
    }

    /** @return the process's start time: with the pid, what tells it from a later process that reuses the pid */
    private static String identity(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse(UNKNOWN);
    }

    private static boolean alive(long pid, String identity) {
        return pid > 0 && ProcessHandle.of(pid).filter(h -> h.isAlive() && identity(h).equals(identity)).isPresent();
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Ends a process and its descendants: politely, then by force after five seconds. */
    static void endTree(ProcessHandle p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            p.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException ignored) {
                // Not even SIGKILL ended it in time (a process in uninterruptible sleep): nothing more to do.
            }
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
