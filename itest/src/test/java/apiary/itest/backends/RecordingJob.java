package apiary.itest.backends;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.t2i.T2IRequest;

/** A job as the T2I pipeline would hand it to a backend, recording everything the backend reports. */
final class RecordingJob implements GenerationJob {
    final List<byte[]> outputs = new CopyOnWriteArrayList<>();
    final List<byte[]> previews = new CopyOnWriteArrayList<>();
    final List<Double> progress = new CopyOnWriteArrayList<>();
    private final T2IRequest request;
    private final InterruptToken interrupt;
    private final int backendId;

    RecordingJob(T2IRequest request, InterruptToken interrupt, int backendId) {
        this.request = request;
        this.interrupt = interrupt;
        this.backendId = backendId;
    }

    @Override public T2IRequest request() { return request; }
    @Override public InterruptToken interrupt() { return interrupt; }
    @Override public int backendId() { return backendId; }
    @Override public void progress(double overall, double current) { progress.add(overall); }
    @Override public void preview(byte[] image, String mediaType) { previews.add(image); }
    @Override public void output(byte[] data, String mediaType) { outputs.add(data); }
    @Override public void intermediateOutput(byte[] data, String mediaType) { }
}
