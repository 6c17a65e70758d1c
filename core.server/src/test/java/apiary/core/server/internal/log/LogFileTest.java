package apiary.core.server.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path data;

    @Test
    void templateTags() {
        ZonedDateTime t = ZonedDateTime.of(2026, 3, 7, 9, 5, 2, 0, UTC);
        assertEquals("Logs/2026-03/07-09-05.log", LogPathTemplate.expand(LogSettings.DEFAULT_PATH, t, 1));
        assertEquals("March-Saturday-02-42", LogPathTemplate.expand("[month_name]-[day_name]-[second]-[pid]", t, 42));
    }

    @Test
    void linesHaveSwarmFormatWithDateBannerAfterIdleGaps() throws Exception {
        LogFile f = new LogFile(data, "Logs/test.log", UTC, Duration.ofMinutes(10), LogFile.ROTATE_BYTES);
        Instant t0 = Instant.parse("2026-03-07T09:05:02.123Z");
        f.write(t0, "Info", "first");
        f.write(t0.plusSeconds(60), "Warning", "second");
        f.write(t0.plusSeconds(60 * 12), "Error", "third");
        f.close();
        List<String> lines = Files.readAllLines(data.resolve("Logs/test.log"));
        assertEquals(List.of("== Apiary logs 2026-03-07 09:05 ==", "09:05:02.123 [Info] first",
                "09:06:02.123 [Warning] second", "== Apiary logs 2026-03-07 09:17 ==", "09:17:02.123 [Error] third"), lines);
    }

    @Test
    void rotatesToANewFileWhenFull() throws Exception {
        LogFile f = new LogFile(data, "Logs/same.log", UTC, Duration.ofMinutes(10), 100);
        Path first = f.path();
        for (int i = 0; i < 10; i++) {
            f.write(Instant.now(), "Info", "a line of text that fills the file " + i);
        }
        assertNotEquals(first, f.path());
        assertTrue(f.path().getFileName().toString().startsWith("same-"));
        f.close();
        assertTrue(Files.size(first) >= 100);
    }

    @Test
    void pathsOutsideTheDataFolderAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new LogFile(data, "../escape.log", UTC, Duration.ofMinutes(10), LogFile.ROTATE_BYTES));
        assertThrows(IllegalArgumentException.class,
                () -> new LogFile(data, "/tmp/elsewhere.log", UTC, Duration.ofMinutes(10), LogFile.ROTATE_BYTES));
    }
}
