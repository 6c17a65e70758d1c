package apiary.core.api.backend;

import apiary.core.api.session.InterruptToken;
import apiary.core.api.t2i.T2IRequest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One image task as a {@link GeneratingBackend} sees it: the parameters to render and the channel for what comes
 * back. Every method is thread-safe, cheap and never blocks: reporting goes into the core's own buffers, so a slow
 * or vanished client can never stall the backend that reports.
 */
@ProviderType
public interface GenerationJob {
    /** @return the parameters of this one image task (seed already offset for its place in the batch) */
    T2IRequest request();

    /** @return cancelled when the user interrupts this job or the core gives up on it (timeout, shutdown) */
    InterruptToken interrupt();

    /** @return the id of the backend entry running the job */
    int backendId();

    /**
     * Reports progress (SwarmUI's {@code gen_progress}).
     *
     * @param overall the fraction of the whole job done, 0 to 1
     * @param current the fraction of the current step (for example the sampler's steps), 0 to 1
     */
    void progress(double overall, double current);

    /**
     * Reports a live preview. Only the latest preview matters: one not yet delivered to the client when the next
     * arrives is replaced, never queued behind it.
     *
     * @param image encoded image bytes (JPEG, PNG or WebP)
     * @param mediaType the image's media type, e.g. {@code image/jpeg}
     */
    void preview(byte[] image, String mediaType);

    /**
     * Delivers one finished output (a real result of the request). The core saves it, adds its metadata and sends
     * it to the client; the backend may drop its own copy once this returns.
     *
     * @param data the encoded file bytes
     * @param mediaType the media type, e.g. {@code image/png}
     */
    void output(byte[] data, String mediaType);

    /**
     * Delivers an intermediate output (not a result of the request, e.g. a pre-refiner image); clients see it with
     * a negative batch index and it is saved only when the user asked for intermediates.
     *
     * @param data the encoded file bytes
     * @param mediaType the media type
     */
    void intermediateOutput(byte[] data, String mediaType);
}
