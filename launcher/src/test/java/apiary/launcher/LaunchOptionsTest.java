package apiary.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The command line of ./apiary. */
class LaunchOptionsTest {
    @Test
    void defaultsAreSwarmUIs() {
        LaunchOptions o = LaunchOptions.parse(List.of());
        assertEquals("127.0.0.1", o.host);
        assertEquals(7801, o.port);
        assertEquals(Path.of("Data"), o.dataDir);
    }

    @Test
    void bothOptionFormsWork() {
        LaunchOptions o = LaunchOptions.parse(List.of("--host", "0.0.0.0", "--port=9000", "--data-dir", "/tmp/x"));
        assertEquals("0.0.0.0", o.host);
        assertEquals(9000, o.port);
        assertEquals(Path.of("/tmp/x"), o.dataDir);
        assertTrue(LaunchOptions.parse(List.of("--help")).help);
        assertTrue(LaunchOptions.parse(List.of("--lock-settings")).lockSettings);
    }

    @Test
    void mistakesAreExplained() {
        assertEquals("--port needs a number, got 'x'", assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--port", "x"))).getMessage());
        assertEquals("--port must be between 0 and 65535", assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--port", "70000"))).getMessage());
        assertEquals("--data-dir needs a value", assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--data-dir"))).getMessage());
        assertEquals("Unknown option '--bogus'", assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--bogus"))).getMessage());
    }
}
