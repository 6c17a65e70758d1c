package apiary.core.t2i.internal.output;

import java.nio.file.Path;

/** Told when an output file appears or disappears, so that the image history index stays current without rescans. */
public interface OutputEvents {
    /**
     * @param userId the owner
     * @param relative the path in the owner's folder
     * @param file the file
     */
    void saved(String userId, String relative, Path file);

    /**
     * @param userId the owner
     * @param relative the path in the owner's folder
     */
    void deleted(String userId, String relative);
}
