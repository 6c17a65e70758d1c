package apiary.core.server.internal.log;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The log file under the data folder. Its name comes from the {@code logs.logspath} template, expanded when the
 * file is opened; once a file passes {@link #ROTATE_BYTES} the template is expanded again for a new file (with a
 * {@code -2}, {@code -3}... suffix when the name has not changed), so no single file grows without bound.
 */
final class LogFile {
    /** Size after which a new file is started. */
    static final long ROTATE_BYTES = 20L * 1024 * 1024;

    private final Path dataDir;
    private final String template;
    private final ZoneId zone;
    private final long rotateBytes;
    private Duration bannerAfter;
    private Path current;
    private LogLineWriter writer;
    private long size;

    /**
     * @throws IllegalArgumentException when the template points outside the data folder
     * @throws IOException when the file cannot be opened
     */
    LogFile(Path dataDir, String template, ZoneId zone, Duration bannerAfter, long rotateBytes) throws IOException {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.template = template;
        this.zone = zone;
        this.bannerAfter = bannerAfter;
        this.rotateBytes = rotateBytes;
        open(resolve(Instant.now()));
    }

    String template() {
        return template;
    }

    Path path() {
        return current;
    }

    void setBannerAfter(Duration bannerAfter) {
        this.bannerAfter = bannerAfter;
        writer.setBannerAfter(bannerAfter);
    }

    void write(Instant time, String level, String message) throws IOException {
        if (size >= rotateBytes) {
            rotate(time);
        }
        size += writer.write(time, level, message);
    }

    void close() throws IOException {
        writer.close();
    }

    private void rotate(Instant time) throws IOException {
        writer.close();
        Path next = resolve(time);
        String name = next.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; Files.exists(next) && Files.size(next) >= rotateBytes; i++) {
            next = next.resolveSibling(stem + "-" + i + ext);
        }
        open(next);
    }

    private Path resolve(Instant time) {
        String relative = LogPathTemplate.expand(template, time.atZone(zone), ProcessHandle.current().pid());
        Path p = dataDir.resolve(relative).normalize();
        if (!p.startsWith(dataDir) || p.equals(dataDir)) {
            throw new IllegalArgumentException("The log path '" + template + "' must name a file inside the data folder");
        }
        return p;
    }

    private void open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        OutputStreamWriter out = new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), StandardCharsets.UTF_8);
        current = file;
        size = Files.size(file);
        writer = new LogLineWriter(out, zone, bannerAfter);
    }
}
