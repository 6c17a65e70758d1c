package apiary.core.t2i.internal.generate;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.t2i.T2IRequest;
import apiary.core.t2i.internal.params.T2IRequestImpl;

/**
 * One image task as the backend sees it. Every call returns at once: progress and previews become events (previews
 * latest-wins), outputs are handed to the task, which encodes and saves them on the saving threads.
 */
final class TaskJob implements GenerationJob {
    /** Where outputs go. */
    interface Outputs {
        void output(byte[] data, String mediaType, boolean real);
    }

    private final T2IRequestImpl request;
    private final InterruptToken interrupt;
    private final int backendId;
    private final String batchIndex;
    private final String requestId;
    private final RunEvents events;
    private final Outputs outputs;
    private final boolean previews;
    private final String previewMetadata;
    private final AtomicBoolean sentMetadata = new AtomicBoolean();
    private volatile double overall;
    private volatile double current;

    TaskJob(T2IRequestImpl request, InterruptToken interrupt, int backendId, String batchIndex, String requestId,
            RunEvents events, Outputs outputs, boolean previews, String previewMetadata) {
        this.request = request;
        this.interrupt = interrupt;
        this.backendId = backendId;
        this.batchIndex = batchIndex;
        this.requestId = requestId;
        this.events = events;
        this.outputs = outputs;
        this.previews = previews;
        this.previewMetadata = previewMetadata;
    }

    @Override
    public T2IRequest request() {
        return request;
    }

    @Override
    public InterruptToken interrupt() {
        return interrupt;
    }

    @Override
    public int backendId() {
        return backendId;
    }

    @Override
    public void progress(double overall, double current) {
        this.overall = clamp(overall);
        this.current = clamp(current);
        emit(null, null);
    }

    @Override
    public void preview(byte[] image, String mediaType) {
        if (previews && image != null) {
            emit(image, mediaType);
        }
    }

    private void emit(byte[] preview, String mediaType) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("batch_index", batchIndex);
        p.put("request_id", requestId);
        p.put("overall_percent", overall);
        p.put("current_percent", current);
        boolean first = sentMetadata.compareAndSet(false, true);
        if (first) {
            p.put("metadata", previewMetadata);
        }
        if (preview != null) {
            p.put("preview", "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(preview));
        }
        // The first frame carries the metadata and must not be replaced; later ones only matter as the latest.
        events.emit(RunEvent.Type.PROGRESS, Map.of("gen_progress", p), first ? null : "progress:" + batchIndex);
    }

    @Override
    public void output(byte[] data, String mediaType) {
        outputs.output(data, mediaType, true);
    }

    @Override
    public void intermediateOutput(byte[] data, String mediaType) {
        outputs.output(data, mediaType, false);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
