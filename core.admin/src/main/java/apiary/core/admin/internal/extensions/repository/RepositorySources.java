package apiary.core.admin.internal.extensions.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads the configured repository indexes. A local index is parsed again only when its file changed; a remote
 * one on every call, so a newly published extension shows at once.
 */
public final class RepositorySources {
    private static final System.Logger LOG = System.getLogger(RepositorySources.class.getName());
    private static final long MAX_INDEX_BYTES = 64L * 1024 * 1024;

    private static final class Cached {
        final String stamp;
        final List<IndexResource> resources;

        Cached(String stamp, List<IndexResource> resources) {
            this.stamp = stamp;
            this.resources = resources;
        }
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param urls index URLs, in order of preference
     * @return what they list now; unreadable indexes are reported in {@link RepositorySnapshot#errors()}
     */
    public RepositorySnapshot snapshot(List<String> urls) {
        List<List<IndexResource>> indexes = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String url : urls) {
            if (url == null || url.isBlank()) {
                continue;
            }
            try {
                indexes.add(read(url.trim()));
            } catch (IOException | URISyntaxException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "Extension repository index {0} could not be read: {1}", url, e.getMessage());
                errors.put(url.trim(), e.getMessage());
            }
        }
        return new RepositorySnapshot(indexes, errors);
    }

    private List<IndexResource> read(String url) throws IOException, URISyntaxException {
        URI uri = new URI(url);
        String stamp = localStamp(uri);
        Cached cached = cache.get(url);
        if (stamp != null && cached != null && cached.stamp.equals(stamp)) {
            return cached.resources;
        }
        byte[] bytes = UrlReader.read(uri, MAX_INDEX_BYTES);
        InputStream in = new ByteArrayInputStream(bytes);
        if (uri.getPath() != null && uri.getPath().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        List<IndexResource> resources = IndexParser.parse(in, uri);
        if (stamp != null) {
            cache.put(url, new Cached(stamp, resources));
        }
        return resources;
    }

    private static String localStamp(URI uri) {
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            return null;
        }
        try {
            Path p = Path.of(uri);
            return Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
