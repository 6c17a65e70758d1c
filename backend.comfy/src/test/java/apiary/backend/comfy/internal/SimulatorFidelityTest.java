package apiary.backend.comfy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import apiary.backend.comfy.testing.Simulator;

import org.junit.jupiter.api.Test;

/**
 * Replays every recorded trace of a real ComfyUI 0.3.64 against the simulator (replay.py) and requires zero
 * differences: the proof that the fixture the other tests use behaves like the real server.
 */
class SimulatorFidelityTest {
    @Test
    void everyRecordedTraceReplaysWithoutDifference() throws Exception {
        Path replay = Path.of(System.getProperty("comfy.simulator", "simulator/main.py")).toAbsolutePath().getParent().resolve("replay.py");
        Path traces = Path.of(System.getProperty("comfy.traces", "src/test/traces")).toAbsolutePath();
        Process p = new ProcessBuilder(Simulator.python(), "-B", replay.toString(), "--traces", traces.toString())
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(5, TimeUnit.MINUTES);
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        System.out.println(text);
    }
}
