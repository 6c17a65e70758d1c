package apiary.itest.echo.internal;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.t2i.T2IRequest;

/**
 * The echo backend's generation: after {@code LatencyMs} (split evenly around {@code Previews} preview images), one
 * real PNG whose pixels follow from seed and prompt and whose size is the request's width and height; or the
 * failure {@code GenerateMode} asks for. Every wait ends early when the job is interrupted.
 */
final class EchoGenerator {
    static final int DEFAULT_SIZE = 512;
    static final int MAX_SIZE = 2048;
    private static final long HANG_LIMIT_MS = 10 * 60_000;
    private static final int PREVIEW_SIZE = 32;

    private final int backendId;
    private final Map<String, Object> settings;

    EchoGenerator(int backendId, Map<String, Object> settings) {
        this.backendId = backendId;
        this.settings = settings;
    }

    void generate(GenerationJob job) throws Exception {
        T2IRequest r = job.request();
        String prompt = text(r.getOrDefault(CoreParams.PROMPT));
        long seed = number(r.getOrDefault(CoreParams.SEED), 0);
        int width = size(r.getOrDefault(CoreParams.WIDTH));
        int height = size(r.getOrDefault(CoreParams.HEIGHT));
        switch ((String) settings.get("GenerateMode")) {
            case "throw":
                throw new IllegalStateException("Echo backend #" + backendId + " was told to throw");
            case "error":
                throw new GenerationException("Echo backend #" + backendId + " failed as told (seed " + seed + ")");
            case "redirect":
                throw GenerationException.redirect("Echo backend #" + backendId + " hands the job to another backend");
            case "hang":
                pause(job.interrupt(), HANG_LIMIT_MS);
                return;
            default:
                break;
        }
        int previews = (int) Math.max(0, (Long) settings.get("Previews"));
        long step = Math.max(0, (Long) settings.get("LatencyMs")) / (previews + 1);
        for (int i = 1; i <= previews; i++) {
            if (!pause(job.interrupt(), step)) {
                return;
            }
            job.progress((double) i / (previews + 1), 1);
            job.preview(EchoPng.render(PREVIEW_SIZE, PREVIEW_SIZE, seed + i), "image/png");
        }
        if (!pause(job.interrupt(), step)) {
            return;
        }
        job.progress(1, 1);
        job.output(EchoPng.render(width, height, seed * 31 + prompt.hashCode()), "image/png");
    }

    /** @return false when the job was interrupted while waiting */
    private static boolean pause(InterruptToken token, long millis) throws Exception {
        if (token.isInterrupted()) {
            return false;
        }
        if (millis <= 0) {
            return true;
        }
        CountDownLatch interrupted = new CountDownLatch(1);
        try (AutoCloseable handle = token.onInterrupt(interrupted::countDown)) {
            return !interrupted.await(millis, TimeUnit.MILLISECONDS);
        }
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    private static long number(Object v, long fallback) {
        return v instanceof Number ? ((Number) v).longValue() : fallback;
    }

    private static int size(Object v) {
        long n = number(v, DEFAULT_SIZE);
        return (int) Math.max(1, Math.min(MAX_SIZE, n));
    }
}
