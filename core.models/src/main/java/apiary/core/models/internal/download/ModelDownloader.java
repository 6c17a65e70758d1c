package apiary.core.sessions.internal.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Downloads one model file: into a temporary file beside the target, checked against its SHA-256, then moved into
 * place, so that the target only ever exists complete. Connecting and every read have a time limit, so an
 * unreachable or stalled host ends in an {@link IOException} rather than a hang; nothing is left behind on failure.
 */
final class ModelDownloader {
    /** Told about progress now and then, and once at the end. */
    interface Progress {
        /**
         * @param done bytes received so far
         * @param total the announced size, or -1
         * @param perSecond the average rate so far
         */
        void update(long done, long total, long perSecond);
    }

    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(500).toNanos();

    private final Duration connectTimeout;
    private final Duration readTimeout;

    ModelDownloader(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * @param url where to get the file (http or https; redirects followed)
     * @param sha256 the expected SHA-256, lowercase hex
     * @param target where the file belongs; its folder is created
     * @param progress told about progress; an exception it throws aborts the download
     * @throws IOException when the host cannot be reached, answers with an error, stalls, or sends other bytes
     */
    void download(URI url, String sha256, Path target, Progress progress) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".download");
        HttpURLConnection connection = open(url);
        try {
            int code = connection.getResponseCode();
            if (code != HttpURLConnection.HTTP_OK) {
                throw new IOException("the server answered HTTP " + code);
            }
            String actual = copy(connection, temp, progress);
            if (!actual.equals(sha256)) {
                throw new IOException("the downloaded file's SHA-256 is " + actual + ", expected " + sha256);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            connection.disconnect();
            Files.deleteIfExists(temp);
        }
    }

    private HttpURLConnection open(URI url) throws IOException {
        URLConnection c = url.toURL().openConnection();
        if (!(c instanceof HttpURLConnection)) {
            throw new IOException("not an HTTP URL: " + url);
        }
        HttpURLConnection http = (HttpURLConnection) c;
        http.setConnectTimeout((int) connectTimeout.toMillis());
        http.setReadTimeout((int) readTimeout.toMillis());
        http.setInstanceFollowRedirects(true);
        http.setRequestProperty("User-Agent", "Apiary installer");
        return http;
    }

    private static String copy(HttpURLConnection connection, Path temp, Progress progress) throws IOException {
        MessageDigest digest = sha256();
        long total = connection.getContentLengthLong();
        long done = 0;
        long start = System.nanoTime();
        long lastReport = start;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(temp)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                done += n;
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                    progress.update(done, total, rate(done, now - start));
                    lastReport = now;
                }
            }
        }
        if (total >= 0 && done != total) {
            throw new IOException("the connection ended after " + done + " of " + total + " bytes");
        }
        progress.update(done, total, rate(done, System.nanoTime() - start));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long rate(long bytes, long nanos) {
        return nanos <= 0 ? 0 : (long) (bytes / (nanos / 1e9));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
