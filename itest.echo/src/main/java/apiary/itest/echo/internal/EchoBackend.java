package apiary.itest.echo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.GeneratingBackend;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.t2i.T2IRequest;

/** One instance of {@link EchoBackendType}: starts, generates and loads models as its settings say. */
final class EchoBackend implements GeneratingBackend {
    private static final long GATE_LIMIT_MS = 60_000;

    private final BackendContext context;
    private final int attempt;
    private final EchoGenerator generator;

    EchoBackend(BackendContext context, int attempt) {
        this.context = context;
        this.attempt = attempt;
        this.generator = new EchoGenerator(context.id(), context.settings());
    }

    @Override
    public void init() throws Exception {
        Map<String, Object> s = context.settings();
        context.reportLoadStatus("Echo backend attempt " + attempt);
        waitForGate((String) s.get("GateFile"));
        if (attempt <= (Long) s.get("FailTimes") || "fail".equals(s.get("Mode"))) {
            throw new IllegalStateException("Echo backend told to fail (attempt " + attempt + ")");
        }
        String tokenLog = (String) s.get("TokenLog");
        if (!tokenLog.isEmpty()) {
            Files.writeString(Path.of(tokenLog), (String) s.get("Token"), StandardCharsets.UTF_8);
        }
        context.setFeatures(list(s.get("Features")));
        context.setMaxUsages(((Long) ((Map<?, ?>) s.get("Limits")).get("MaxUsages")).intValue());
        context.setCanLoadModels(Boolean.TRUE.equals(s.get("CanLoadModels")));
        List<String> models = list(s.get("Models"));
        List<String> loras = list(s.get("LoRAs"));
        if (!models.isEmpty() || !loras.isEmpty()) {
            Map<String, List<String>> tracked = new LinkedHashMap<>();
            tracked.put("Stable-Diffusion", models);
            tracked.put("LoRA", loras);
            context.setModels(tracked);
        }
        String current = (String) s.get("CurrentModel");
        if (!current.isEmpty()) {
            context.setCurrentModel(current);
        }
        if ("idle".equals(s.get("Mode"))) {
            context.setStatus(BackendStatus.IDLE);
        }
    }

    private static List<String> list(Object commaSeparated) {
        List<String> out = new ArrayList<>();
        for (String f : ((String) commaSeparated).split(",")) {
            if (!f.isBlank()) {
                out.add(f.trim());
            }
        }
        return out;
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
    public void generate(GenerationJob job) throws Exception {
        generator.generate(job);
    }

    @Override
    public boolean loadModel(String model, T2IRequest request) throws Exception {
        Map<String, Object> s = context.settings();
        if (!Boolean.TRUE.equals(s.get("CanLoadModels"))) {
            return false;
        }
        long latency = (Long) s.get("LoadLatencyMs");
        if (latency > 0) {
            Thread.sleep(latency);
        }
        switch ((String) s.get("LoadMode")) {
            case "fail":
                return false;
            case "throw":
                throw new IllegalStateException("Echo backend #" + context.id() + " was told to fail loading " + model);
            default:
                break;
        }
        List<String> models = list(s.get("Models"));
        if (!models.isEmpty() && !models.contains(model) && !models.contains(model + ".safetensors")) {
            return false;
        }
        context.setCurrentModel(model);
        return true;
    }

    @Override
    public boolean freeMemory(boolean systemRam) {
        return true;
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
