package apiary.core.models.internal.download;

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
import java.util.Locale;

import apiary.core.api.model.ModelDownloads;

/**
 * Downloads one file: into a hidden temporary file beside the target, checked against the size limit while it
 * arrives and against its SHA-256 (when one is expected) at the end, then moved into place, so that the target only
 * ever exists complete. Connecting and every read have a time limit, so an unreachable or stalled host ends in an
 * {@link IOException} rather than a hang; nothing is left behind on any failure, a cancel included.
 */
public final class ModelDownloader {
    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(500).toNanos();

    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * @param connectTimeout how long connecting may take
     * @param readTimeout how long one read may wait
     */
    public ModelDownloader(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * @param url where to get the file (http or https; redirects followed)
     * @param sha256 the expected SHA-256 in hex, or null for no check
     * @param maxBytes the most bytes accepted
     * @param target where the file belongs; its folder is created
     * @param progress told about progress; an exception it throws aborts the download
     * @throws IOException when the host cannot be reached, answers with an error, stalls, or sends other bytes
     */
    public void download(URI url, String sha256, long maxBytes, Path target, ModelDownloads.Progress progress) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".download");
        HttpURLConnection connection = open(url);
        try {
            int code = connection.getResponseCode();
            if (code != HttpURLConnection.HTTP_OK) {
                throw new IOException("the server answered HTTP " + code);
            }
            long total = connection.getContentLengthLong();
            if (total > maxBytes) {
                throw new IOException("the file is " + total + " bytes, more than the limit of " + maxBytes + " bytes");
            }
            String actual = copy(connection, temp, total, maxBytes, progress);
            if (sha256 != null && !actual.equals(sha256.toLowerCase(Locale.ROOT))) {
                throw new IOException("the downloaded file's SHA-256 is " + actual + ", expected " + sha256.toLowerCase(Locale.ROOT));
            }
            if (Files.exists(target)) {
                throw new IOException("a file appeared at " + target.getFileName() + " while downloading");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
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
        http.setRequestProperty("User-Agent", "Apiary model downloader");
        return http;
    }

    private static String copy(HttpURLConnection connection, Path temp, long total, long maxBytes,
            ModelDownloads.Progress progress) throws IOException {
        MessageDigest digest = sha256();
        long done = 0;
        long start = System.nanoTime();
        long lastReport = start;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(temp)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                done += n;
                if (done > maxBytes) {
                    throw new IOException("the file is larger than the limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
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
