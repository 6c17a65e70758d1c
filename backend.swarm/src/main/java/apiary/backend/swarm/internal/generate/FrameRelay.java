package apiary.backend.swarm.internal.generate;

import java.util.Map;

import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;

/**
 * Relays what the remote reports for one image task to the local job: progress and previews (the job puts them
 * under its own, local batch index), the finished image, and the remote's error as the user's error. Frames the
 * task does not need ({@code status}, {@code discard_indices}, keep-alives) are skipped.
 */
public final class FrameRelay {
    private final GenerationJob job;
    private final String worker;
    private volatile String remoteJobId;
    private volatile int outputs;

    /**
     * @param job the local job
     * @param worker names the worker in error messages (its address)
     */
    public FrameRelay(GenerationJob job, String worker) {
        this.job = job;
        this.worker = worker;
    }

    /** @return the remote's {@code request_id} for the task once a frame carried it (Apiary sends it), or {@code null} */
    public String remoteJobId() {
        return remoteJobId;
    }

    /** @return how many final images arrived */
    public int outputs() {
        return outputs;
    }

    /**
     * @param frame one answer object of {@code GenerateText2ImageWS}
     * @throws GenerationException for the remote's {@code error}, or an image that cannot be decoded
     */
    public void accept(Map<String, Object> frame) throws GenerationException {
        if (frame.get("error") != null) {
            throw new GenerationException("The remote backend at " + worker + " failed: " + frame.get("error"));
        }
        Object progress = frame.get("gen_progress");
        if (progress instanceof Map) {
            progress((Map<?, ?>) progress);
            return;
        }
        Object image = frame.get("image");
        if (image != null) {
            remember(frame.get("request_id"));
            image(String.valueOf(image), String.valueOf(frame.get("batch_index")));
        }
    }

    /**
     * @param image one entry of {@code GenerateText2Image}'s {@code images}
     * @throws GenerationException when it cannot be decoded
     */
    public void image(String image, String batchIndex) throws GenerationException {
        DataUrl data;
        try {
            data = DataUrl.parse(image);
        } catch (IllegalArgumentException e) {
            throw new GenerationException("The remote backend at " + worker + " sent an image that is not inline data ("
                    + shorten(image) + "); is it a Swarm-API server with 'donotsave' support?");
        }
        if (batchIndex != null && batchIndex.startsWith("-")) {
            job.intermediateOutput(data.data(), data.mediaType());
        } else {
            outputs++;
            job.output(data.data(), data.mediaType());
        }
    }

    private void progress(Map<?, ?> p) {
        remember(p.get("request_id"));
        job.progress(number(p.get("overall_percent")), number(p.get("current_percent")));
        Object preview = p.get("preview");
        if (preview instanceof String) {
            try {
                DataUrl d = DataUrl.parse((String) preview);
                job.preview(d.data(), d.mediaType());
            } catch (IllegalArgumentException ignored) {
                // a preview the remote could not encode is simply not shown
            }
        }
    }

    private void remember(Object requestId) {
        if (requestId != null && remoteJobId == null) {
            remoteJobId = requestId.toString();
        }
    }

    private static double number(Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        try {
            return v == null ? 0 : Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
