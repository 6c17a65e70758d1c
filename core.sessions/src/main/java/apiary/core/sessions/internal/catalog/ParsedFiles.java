package apiary.core.sessions.internal.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Text files parsed once and parsed again only when they change (size or modification time), so files dropped into
 * the data folder take effect without a restart and unchanged ones cost no re-parsing.
 *
 * @param <T> the parsed form
 */
final class ParsedFiles<T> {
    private record Entry<T>(long modified, long size, T value) {
    }

    private final Function<String, T> parser;
    private final Map<Path, Entry<T>> cache = new ConcurrentHashMap<>();

    /** @param parser turns the UTF-8 text of a file into its parsed form; may throw IllegalArgumentException */
    ParsedFiles(Function<String, T> parser) {
        this.parser = parser;
    }

    /** @return the parsed file, from the cache while the file is unchanged */
    T get(Path file) throws IOException {
        long modified = Files.getLastModifiedTime(file).toMillis();
        long size = Files.size(file);
        Entry<T> cached = cache.get(file);
        if (cached != null && cached.modified == modified && cached.size == size) {
            return cached.value;
        }
        T value = parser.apply(Files.readString(file, StandardCharsets.UTF_8));
        cache.put(file, new Entry<>(modified, size, value));
        return value;
    }
}
