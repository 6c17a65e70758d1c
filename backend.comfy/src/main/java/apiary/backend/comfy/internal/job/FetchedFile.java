package apiary.backend.comfy.internal.job;

/** Told of each output file a job fetched from ComfyUI through {@code /view}. */
@FunctionalInterface
public interface FetchedFile {
    /**
     * @param type {@code output}, {@code temp} or {@code input}
     * @param subfolder its subfolder, may be empty
     * @param filename its name
     */
    void fetched(String type, String subfolder, String filename);
}
