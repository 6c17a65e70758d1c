package apiary.itest.echo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendStatus;

/** One instance of {@link EchoBackendType}. */
final class EchoBackend implements Backend {
    private static final long GATE_LIMIT_MS = 60_000;

    private final BackendContext context;
    private final int attempt;

    EchoBackend(BackendContext context, int attempt) {
        this.context = context;
        this.attempt = attempt;
    }

    @Override
    public void init() throws Exception {
        Map<String, Object> s = context.settings();
        context.reportLoadStatus("Echo backend attempt " + attempt);
        waitForGate((String) s.get("GateFile"));
        if (attempt <= (Long) s.get("FailTimes") || "fail".equals(s.get("Mode"))) {
            throw new IllegalStateException("Echo backend told to fail (attempt " + attempt + ")");
        }
        List<String> features = new ArrayList<>();
        for (String f : ((String) s.get("Features")).split(",")) {
            if (!f.isBlank()) {
                features.add(f.trim());
            }
        }
        context.setFeatures(features);
        context.setMaxUsages(((Long) ((Map<?, ?>) s.get("Limits")).get("MaxUsages")).intValue());
        if ("idle".equals(s.get("Mode"))) {
            context.setStatus(BackendStatus.IDLE);
        }
    }

    private static void waitForGate(String gate) throws InterruptedException {
        if (gate.isEmpty()) {
            return;
        }
        long deadline = System.currentTimeMillis() + GATE_LIMIT_MS;
        while (Files.exists(Path.of(gate)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    @Override
    public void shutdown() {
        String log = (String) context.settings().get("ShutdownLog");
        if (!log.isEmpty()) {
            try {
                Files.writeString(Path.of(log), "stopped " + context.id() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // Shutdown must not throw; the test reading the log notices the missing line.
                System.getLogger(EchoBackend.class.getName()).log(System.Logger.Level.WARNING, "Cannot write " + log, e);
            }
        }
    }
}
