package apiary.core.admin.internal.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine's RAM from the operating system ({@code /proc/meminfo}): total and available, in bytes. */
final class MemoryInfo {
    static final Path MEMINFO = Path.of("/proc/meminfo");

    final long total;
    final long available;

    MemoryInfo(long total, long available) {
        this.total = total;
        this.available = available;
    }

    /** @return the current figures, zeros where the system does not tell */
    static MemoryInfo read() {
        try {
            return parse(Files.readAllLines(MEMINFO));
        } catch (IOException | RuntimeException e) {
            return new MemoryInfo(0, 0);
        }
    }

    /** Parses {@code MemTotal:  16318464 kB} style lines; MemAvailable, else MemFree, is what is free. */
    static MemoryInfo parse(List<String> lines) {
        long total = 0;
        long available = -1;
        long free = 0;
        for (String line : lines) {
            if (line.startsWith("MemTotal:")) {
                total = kilobytes(line);
            } else if (line.startsWith("MemAvailable:")) {
                available = kilobytes(line);
            } else if (line.startsWith("MemFree:")) {
                free = kilobytes(line);
            }
        }
        return new MemoryInfo(total, available >= 0 ? available : free);
    }

    private static long kilobytes(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        long value = Long.parseLong(parts[0]);
        return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
    }
}
