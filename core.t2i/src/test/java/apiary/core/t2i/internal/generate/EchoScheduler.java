package apiary.core.t2i.internal.generate;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.backend.GeneratingBackend;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.t2i.CoreParams;

/** A scheduler with one always-free backend that renders a small PNG per batch entry (or what a test says), for unit tests. */
final class EchoScheduler implements BackendScheduler {
    volatile Consumer<GenerationJob> behaviour = EchoScheduler::render;

    static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void render(GenerationJob job) {
        job.progress(0.5, 0.25);
        job.preview(png(), "image/png");
        for (long i = 0; i < job.request().getOrDefault(CoreParams.BATCH_SIZE); i++) {
            job.output(png(), "image/png");
        }
    }

    private final GeneratingBackend backend = new GeneratingBackend() {
        @Override public void init() { }
        @Override public void shutdown() { }
        @Override public void generate(GenerationJob job) {
            behaviour.accept(job);
        }
    };

    @Override
    public CompletableFuture<BackendLease> acquire(BackendRequest request) {
        if (request.interrupt().isInterrupted()) {
            return CompletableFuture.failedFuture(new GenerationException("interrupted"));
        }
        return CompletableFuture.completedFuture(new BackendLease() {
            @Override public int backendId() { return 7; }
            @Override public GeneratingBackend backend() { return backend; }
            @Override public BackendDTO info() { return new BackendDTO(); }
            @Override public void close() { }
        });
    }

    @Override
    public CompletableFuture<Integer> loadModel(BackendRequest request, String model) {
        return CompletableFuture.completedFuture(0);
    }
}
