import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import apiary.backend.comfy.internal.backend.ComfyBackend;
import apiary.backend.comfy.internal.backend.ComfyServices;
import apiary.backend.comfy.internal.client.ComfyHttp;
import apiary.backend.comfy.internal.info.ObjectInfo;
import apiary.backend.comfy.internal.info.SamplerCatalog;
import apiary.backend.comfy.internal.workflow.WorkflowBuilder;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.json.Json;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.User;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.api.t2i.T2IRequest;

/**
 * The same small txt2img workflow on one simulator, run by Apiary's ComfyUI driver (ComfyBackend.generate) and by a
 * minimal direct client doing the same calls (WebSocket with feature flags, POST /prompt, wait for the end,
 * GET /history, POST /history delete), in interleaved rounds; prints the p50 of each and their ratio.
 * Usage: java -cp ... bench/comfy/ComfyBench.java <base-url> <rounds>
 */
public class ComfyBench {
    static final ObjectMapper M = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = Integer.parseInt(args[1]);
        Json json = new Json() {
            public String write(Object v) { try { return M.writeValueAsString(v); } catch (Exception e) { throw new IllegalArgumentException(e); } }
            public Object read(String s) { try { return M.readValue(s, Object.class); } catch (Exception e) { throw new IllegalArgumentException(e); } }
            @SuppressWarnings("unchecked") public Map<String, Object> readObject(String s) { return (Map<String, Object>) read(s); }
        };
        Ctx ctx = new Ctx(base);
        ComfyBackend driver = new ComfyBackend(ctx, new ComfyServices(json, new SamplerCatalog()), false);
        driver.init();
        ComfyHttp http = new ComfyHttp(base, json);
        ObjectInfo info = new ObjectInfo(http.getJson("/object_info", java.time.Duration.ofSeconds(30)));
        List<Long> viaDriver = new ArrayList<>();
        List<Long> direct = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        // Every run gets its own seed and prompt, so that neither side ever meets the other's cached results (only
        // the checkpoint loader is cached for both alike); the order alternates between rounds.
        for (int i = -5; i < rounds; i++) {           // 5 warm-up rounds
            Req forDriver = request(2 * i + 100);
            Map<String, Object> forDirect = new WorkflowBuilder(info).build(request(2 * i + 101), (img, n) -> "").graph();
            long driverNanos;
            long directNanos;
            if ((i & 1) == 0) {
                driverNanos = timeDriver(driver, forDriver);
                directNanos = timeDirect(client, base, forDirect);
            } else {
                directNanos = timeDirect(client, base, forDirect);
                driverNanos = timeDriver(driver, forDriver);
            }
            if (i >= 0) {
                viaDriver.add(driverNanos);
                direct.add(directNanos);
            }
        }
        double pd = p50(viaDriver) / 1e6, pc = p50(direct) / 1e6;
        System.out.printf("rounds=%d driver p50=%.2f ms direct p50=%.2f ms ratio=%.3f (target <= 1.10)%n", rounds, pd, pc, pd / pc);
        driver.shutdown();
    }

    static long timeDriver(ComfyBackend driver, Req req) throws Exception {
        long a = System.nanoTime();
        Job job = new Job(req);
        driver.generate(job);
        long b = System.nanoTime();
        if (job.outputs != 1) throw new IllegalStateException("driver made " + job.outputs + " images");
        return b - a;
    }

    static long timeDirect(HttpClient client, String base, Map<String, Object> graph) throws Exception {
        long a = System.nanoTime();
        runDirect(client, base, graph);
        return System.nanoTime() - a;
    }

    static Req request(int i) {
        return new Req().set(CoreParams.MODEL, "tiny-sd15.safetensors").set(CoreParams.PROMPT, "a bench " + i)
                .set(CoreParams.STEPS, 4L).set(CoreParams.WIDTH, 64L).set(CoreParams.HEIGHT, 64L).set(CoreParams.SEED, (long) i + 10);
    }

    static double p50(List<Long> v) {
        List<Long> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    /** The minimal direct client: what any script talking to ComfyUI has to do for one image. */
    static void runDirect(HttpClient client, String base, Map<String, Object> graph) throws Exception {
        String id = UUID.randomUUID().toString();
        java.util.concurrent.BlockingQueue<String> texts = new java.util.concurrent.LinkedBlockingQueue<>();
        String[] promptId = new String[1];
        int[] images = {0};
        WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/ws?clientId=" + id),
                new WebSocket.Listener() {
                    StringBuilder sb = new StringBuilder();
                    public CompletionStage<?> onText(WebSocket w, CharSequence d, boolean last) {
                        sb.append(d);
                        if (last) {
                            String t = sb.toString(); sb.setLength(0);
                            texts.add(t);
                        }
                        w.request(1); return null;
                    }
                    public CompletionStage<?> onBinary(WebSocket w, ByteBuffer d, boolean last) { if (last) images[0]++; w.request(1); return null; }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"feature_flags\",\"data\":{\"supports_preview_metadata\":true}}", true).get();
        String body = M.writeValueAsString(Map.of("prompt", graph, "client_id", id));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/prompt")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        promptId[0] = (String) M.readValue(r.body(), Map.class).get("prompt_id");
        // The end may have arrived before the POST's answer was read: look through everything received.
        while (true) {
            String t = texts.poll(60, TimeUnit.SECONDS);
            if (t == null) throw new IllegalStateException("no end of prompt");
            if (t.contains("\"executing\"") && t.contains("\"node\": null") && t.contains(promptId[0])) break;
        }
        client.send(HttpRequest.newBuilder(URI.create(base + "/history/" + promptId[0])).build(), HttpResponse.BodyHandlers.ofString());
        client.send(HttpRequest.newBuilder(URI.create(base + "/history")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"delete\":[\"" + promptId[0] + "\"]}")).build(), HttpResponse.BodyHandlers.discarding());
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get();
    }

    static final class Ctx implements BackendContext {
        final Map<String, Object> settings;
        Ctx(String base) { settings = Map.of("Address", base, "AllowIdle", false, "OverQueue", 1L, "EnableFrontendDev", false); }
        public int id() { return 0; }
        public Map<String, Object> settings() { return settings; }
        public BackendStatus status() { return BackendStatus.RUNNING; }
        public void setStatus(BackendStatus s) { }
        public void setFeatures(java.util.Collection<String> f) { }
        public void setMaxUsages(int m) { }
        public void setCanLoadModels(boolean c) { }
        public void setModels(Map<String, List<String>> m) { }
        public void setCurrentModel(String m) { }
        public void reportLoadStatus(String m) { }
    }

    static final class Job implements GenerationJob {
        final T2IRequest req; int outputs;
        Job(T2IRequest r) { req = r; }
        public T2IRequest request() { return req; }
        public InterruptToken interrupt() { return new InterruptToken() {
            public boolean isInterrupted() { return false; }
            public AutoCloseable onInterrupt(Runnable a) { return () -> { }; } }; }
        public int backendId() { return 0; }
        public void progress(double o, double c) { }
        public void preview(byte[] i, String t) { }
        public void output(byte[] d, String t) { outputs++; }
        public void intermediateOutput(byte[] d, String t) { }
    }

    static final class Req implements T2IRequest {
        final Map<String, Object> v = new LinkedHashMap<>();
        <T> Req set(T2IParamKey<T> k, T val) { v.put(k.id(), val); return this; }
        public User user() { return null; }
        @SuppressWarnings("unchecked") public <T> Optional<T> get(T2IParamKey<T> k) { return Optional.ofNullable((T) v.get(k.id())); }
        public <T> T getOrDefault(T2IParamKey<T> k) { return get(k).orElse(null); }
        public Map<String, Object> values() { return v; }
        public <T> T2IRequest with(T2IParamKey<T> k, T val) { return this; }
        public Set<String> requiredFeatures() { return Set.of(); }
        public Map<String, Set<String>> usedModels() { return Map.of(); }
        public Map<String, Object> extraMetadata() { return Map.of(); }
    }
}
