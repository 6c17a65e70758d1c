package apiary.backend.comfy.internal.backend;

import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.t2i.T2IRequest;

/** The job of a model-load generation: its image is thrown away, it cannot be interrupted. */
final class DiscardingJob implements GenerationJob {
    private static final InterruptToken NEVER = new InterruptToken() {
        @Override
        public boolean isInterrupted() {
            return false;
        }

        @Override
        public AutoCloseable onInterrupt(Runnable action) {
            return () -> { };
        }
    };

    private final T2IRequest request;
    private final int backendId;

    DiscardingJob(T2IRequest request, int backendId) {
        this.request = request;
        this.backendId = backendId;
    }

    @Override public T2IRequest request() { return request; }
    @Override public InterruptToken interrupt() { return NEVER; }
    @Override public int backendId() { return backendId; }
    @Override public void progress(double overall, double current) { }
    @Override public void preview(byte[] image, String mediaType) { }
    @Override public void output(byte[] data, String mediaType) { }
    @Override public void intermediateOutput(byte[] data, String mediaType) { }
}
