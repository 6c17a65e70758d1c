package apiary.core.t2i.internal.params;

import java.util.Optional;

import apiary.core.api.session.User;
import apiary.core.api.t2i.MediaInput;

/** Reads a file a request names from the user's own output folder ({@code raw/...}, {@code inputs/...}, {@code Starred/...}). */
@FunctionalInterface
public interface UserMedia {
    /** Reads nothing: for parsers without an output folder (unit tests). */
    UserMedia NONE = (user, path) -> Optional.empty();

    /**
     * @param user the owner
     * @param path the path relative to the user's output folder
     * @return the file, or empty when there is none (or the path leaves the folder)
     */
    Optional<MediaInput> read(User user, String path);
}
