package apiary.core.t2i.internal.output;

import java.nio.file.Path;

/**
 * One saved (or, with {@code donotsave}, inlined) output.
 *
 * @param url what the client gets: {@code View/<user>/<path>} or a {@code data:} URL
 * @param relative the path in the user's folder, or null when not saved
 * @param file the file on disk, or null when not saved
 * @param metadata the metadata JSON embedded in it, or null
 */
public record SavedImage(String url, String relative, Path file, String metadata) {
}
