package apiary.core.admin.internal.extensions.repository;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.util.Locale;
import java.util.Set;

/** Reads index and bundle URLs: {@code file}, {@code http} and {@code https} only, with timeouts and a size cap. */
final class UrlReader {
    private static final Set<String> SCHEMES = Set.of("file", "http", "https");
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    private UrlReader() {
    }

    /** The content is larger than the caller accepts. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("larger than " + maxBytes + " bytes");
        }
    }

    /**
     * @param uri what to read
     * @param maxBytes the most bytes accepted
     * @return the whole content
     * @throws IOException when it cannot be read or is larger than {@code maxBytes}
     */
    static byte[] read(URI uri, long maxBytes) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IOException("unsupported URL scheme '" + scheme + "' (use file:, http: or https:)");
        }
        URLConnection c = uri.toURL().openConnection();
        c.setConnectTimeout(CONNECT_TIMEOUT_MS);
        c.setReadTimeout(READ_TIMEOUT_MS);
        c.setUseCaches(false);
        if (c instanceof HttpURLConnection && ((HttpURLConnection) c).getResponseCode() != 200) {
            throw new IOException("HTTP " + ((HttpURLConnection) c).getResponseCode());
        }
        try (InputStream in = c.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0;) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
