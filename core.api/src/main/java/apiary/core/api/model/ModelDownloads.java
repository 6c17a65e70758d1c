package apiary.core.api.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Downloads model files into the model folders (the installer's catalogue, {@code DoModelDownloadWS}). A download goes
 * to a temporary file beside its target and is moved into place only once its size and hash are right, so a model
 * file only ever exists complete; a failed, refused or cancelled download leaves nothing behind.
 */
@ProviderType
public interface ModelDownloads {
    /** Told about a download's progress now and then, and once at the end. */
    @ConsumerType
    interface Progress {
        /**
         * @param done bytes received so far
         * @param total the announced size, or -1
         * @param perSecond the average rate so far, bytes per second
         * @throws RuntimeException to cancel the download (it is aborted and cleaned up, and the exception rethrown)
         */
        void update(long done, long total, long perSecond);
    }

    /** @return the models the first-run installer offers, in catalogue order */
    List<KnownModelDTO> knownModels();

    /**
     * @param id a catalogue id such as {@code sdxl1}
     * @return that catalogue entry
     */
    Optional<KnownModelDTO> knownModel(String id);

    /**
     * Where a model would be saved: the subtype's first folder under the download root ({@code paths.downloadtorootid}).
     *
     * @param subtype a model subtype
     * @param name a model name (relative, {@code /}-separated, with extension)
     * @return the absolute target path
     * @throws IllegalArgumentException for an unknown subtype or a name that is absolute, contains {@code ..},
     *         backslashes, control characters or hidden segments
     */
    Path target(String subtype, String name);

    /**
     * Downloads a model file and adds it to the model library. Connecting and each read have time limits, so an
     * unreachable or stalled host ends in an exception rather than a hang.
     *
     * @param request what to download
     * @param progress told about progress; an exception it throws cancels the download
     * @return the saved file
     * @throws IOException when the host cannot be reached, answers with an error, stalls, sends more than the size
     *         limit or fewer bytes than announced, or the hash differs; the message says which, in plain English
     * @throws IllegalArgumentException for a bad subtype, name or URL scheme, or when a model already exists there
     */
    Path download(ModelDownloadRequest request, Progress progress) throws IOException;
}
