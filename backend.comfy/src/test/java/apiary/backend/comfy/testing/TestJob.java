package apiary.backend.comfy.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.t2i.T2IRequest;

/** A generation job that records everything the driver reports; {@link #interruptNow()} cancels it. */
public final class TestJob implements GenerationJob {
    private final T2IRequest request;
    private final List<Runnable> onInterrupt = new CopyOnWriteArrayList<>();
    private volatile boolean interrupted;
    /** overall/current pairs. */
    public final List<double[]> progress = new CopyOnWriteArrayList<>();
    /** Preview media types with sizes. */
    public final List<byte[]> previews = new CopyOnWriteArrayList<>();
    /** Preview media types. */
    public final List<String> previewTypes = new CopyOnWriteArrayList<>();
    /** Outputs. */
    public final List<byte[]> outputs = new CopyOnWriteArrayList<>();
    /** Output media types. */
    public final List<String> outputTypes = new CopyOnWriteArrayList<>();
    /** Intermediate outputs. */
    public final List<byte[]> intermediates = new CopyOnWriteArrayList<>();

    /** @param request the parameters */
    public TestJob(T2IRequest request) {
        this.request = request;
    }

    /** Interrupts the job as a user's InterruptAll would. */
    public void interruptNow() {
        interrupted = true;
        onInterrupt.forEach(Runnable::run);
    }

    @Override public T2IRequest request() { return request; }
    @Override public int backendId() { return 0; }

    @Override
    public InterruptToken interrupt() {
        return new InterruptToken() {
            @Override public boolean isInterrupted() { return interrupted; }

            @Override
            public AutoCloseable onInterrupt(Runnable action) {
                onInterrupt.add(action);
                if (interrupted) {
                    action.run();
                }
                return () -> onInterrupt.remove(action);
            }
        };
    }

    @Override public void progress(double overall, double current) { progress.add(new double[] {overall, current}); }

    @Override
    public void preview(byte[] image, String mediaType) {
        previews.add(image);
        previewTypes.add(mediaType);
    }

    @Override
    public void output(byte[] data, String mediaType) {
        outputs.add(data);
        outputTypes.add(mediaType);
    }

    @Override public void intermediateOutput(byte[] data, String mediaType) { intermediates.add(data); }
}
