package apiary.core.sessions.internal.install;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

import apiary.core.api.route.WebSocketChannel;

/**
 * The installer's frames, as SwarmUI's installer page reads them: {@code {"info": text}} lines (also logged) and
 * {@code {"progress","total","steps","total_steps","per_second"}} progress.
 */
final class InstallOutput {
    private static final System.Logger LOG = System.getLogger(InstallOutput.class.getName());

    private final WebSocketChannel socket;
    private int steps = 1;
    private int totalSteps = 1;

    InstallOutput(WebSocketChannel socket) {
        this.socket = socket;
    }

    /** @param line a line for the person installing */
    void info(String line) {
        LOG.log(Level.INFO, "[Installer] {0}", line);
        socket.send(Map.of("info", line));
    }

    /** @param total how many steps the whole installation has */
    void totalSteps(int total) {
        totalSteps = total;
    }

    /** Counts a finished step and reports it. */
    void stepDone() {
        steps++;
        progress(0, 0, 0);
    }

    /** Reports the progress of a download within the current step. */
    void progress(long done, long total, long perSecond) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("progress", done);
        frame.put("total", total);
        frame.put("steps", steps);
        frame.put("total_steps", totalSteps);
        frame.put("per_second", perSecond);
        socket.send(frame);
    }
}
