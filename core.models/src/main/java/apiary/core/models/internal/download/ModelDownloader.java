package apiary.core.models.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import apiary.core.api.model.ModelDownloads;

/**
 * Downloads one file into a {@link PartialDownload} beside the target, checked against the size limit while it
 * arrives and against its SHA-256 (when one is expected) at the end, then moved into place, so that the target only
 * ever exists complete. Connecting and every read have a time limit, so an unreachable or stalled host ends in an
 * {@link IOException} rather than a hang.
 *
 * <p>When the connection breaks (an error, a stall, a body cut short, a 5xx answer) and the server can resume
 * ({@code Accept-Ranges: bytes} and a known size), the download continues with an HTTP {@code Range} request from
 * the last byte received, guarded by {@code If-Range} with the file's ETag or Last-Modified, a few times with a
 * growing pause. If it still fails, the bytes received are kept and the same download started again later (also
 * after a restart) resumes. Everything else leaves nothing behind: a cancel, the size limit, a wrong hash, a size
 * that does not match what the server announced, an HTTP error, a server that cannot resume.
 */
public final class ModelDownloader {
    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(500).toNanos();
    private static final int RETRIES = 3;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration firstPause;

    /**
     * @param connectTimeout how long connecting may take
     * @param readTimeout how long one read may wait
     * @param firstPause the pause before the first retry (doubled for each further one)
     */
    public ModelDownloader(Duration connectTimeout, Duration readTimeout, Duration firstPause) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.firstPause = firstPause;
    }

    /** A failure after which the download may continue where it stopped. */
    private static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;

        Broken(IOException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        IOException io() {
            return (IOException) getCause();
        }
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
        try (PartialDownload part = PartialDownload.open(target, url)) {
            try {
                fetch(url, maxBytes, part, progress);
                String actual = part.sha256Hex();
                if (sha256 != null && !actual.equals(sha256.toLowerCase(Locale.ROOT))) {
                    throw new IOException("the downloaded file's SHA-256 is " + actual + ", expected " + sha256.toLowerCase(Locale.ROOT));
                }
                part.complete();
            } catch (Broken e) {
                if (!part.isResumable()) {
                    part.discard();
                    throw e.io();
                }
                part.closeOutput();
                throw new IOException(e.getMessage() + "; the " + part.length() + " bytes received are kept, and the same "
                        + "download started again resumes from there", e.io());
            } catch (IOException | RuntimeException | Error e) {
                part.discard();
                throw e;
            }
        }
    }

    private void fetch(URI url, long maxBytes, PartialDownload part, ModelDownloads.Progress progress) throws IOException, Broken {
        Transfer t = new Transfer(part, maxBytes, progress);
        for (int attempt = 0;; attempt++) {
            try {
                if (attempt > 0) {
                    pause(attempt, t);
                }
                if (once(url, t)) {
                    return;
                }
            } catch (Broken e) {
                if (!part.isResumable() || attempt >= RETRIES) {
                    throw e;
                }
            }
        }
    }

    /** @return true when the file is complete */
    private boolean once(URI url, Transfer t) throws IOException, Broken {
        PartialDownload part = t.part;
        HttpURLConnection c = open(url);
        boolean ranged = part.length() > 0;
        if (ranged) {
            c.setRequestProperty("Range", "bytes=" + part.length() + "-");
            if (part.validator() != null) {
                c.setRequestProperty("If-Range", part.validator());
            }
        }
        try {
            int code = broken(c::getResponseCode);
            if (code == 416 && ranged) {
                throw new IOException("the server's file is not the " + part.total() + " bytes it announced before");
            }
            if (code >= 500 || code == 408 || code == 429) {
                throw new Broken(new IOException("the server answered HTTP " + code));
            }
            long total = c.getContentLengthLong();
            if (code == HttpURLConnection.HTTP_PARTIAL && ranged) {
                total = ContentRange.totalIfFrom(c.getHeaderField("Content-Range"), part.length());
                if (total < 0 || (part.total() > 0 && total != part.total())) {
                    part.restart();
                    throw new Broken(new IOException("the server resumed at another place or with another size"));
                }
            } else if (code == HttpURLConnection.HTTP_OK) {
                part.restart();
            } else {
                throw new IOException("the server answered HTTP " + code);
            }
            if (total > t.maxBytes) {
                throw new IOException("the file is " + total + " bytes, more than the limit of " + t.maxBytes + " bytes");
            }
            if (code == HttpURLConnection.HTTP_OK) {
                if (total > 0 && "bytes".equalsIgnoreCase(c.getHeaderField("Accept-Ranges"))) {
                    part.resumable(total, validator(c));
                } else {
                    part.notResumable();
                }
            }
            t.total = total;
            return t.copy(c);
        } finally {
            c.disconnect();
        }
    }

    private static String validator(HttpURLConnection c) {
        String etag = c.getHeaderField("ETag");
        if (etag != null && !etag.startsWith("W/")) {
            return etag;
        }
        return c.getHeaderField("Last-Modified");
    }

    private HttpURLConnection open(URI url) throws IOException, Broken {
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

    /** Waits before a retry, telling progress meanwhile (so a cancel is noticed at once). */
    private void pause(int attempt, Transfer t) {
        long until = System.nanoTime() + firstPause.toNanos() * (1L << (attempt - 1));
        while (System.nanoTime() < until) {
            t.progress.update(t.part.length(), t.total, 0);
            try {
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to resume the download");
            }
        }
    }

    /** One download's running state across its attempts. */
    private static final class Transfer {
        final PartialDownload part;
        final long maxBytes;
        final ModelDownloads.Progress progress;
        final long start = System.nanoTime();
        final long startLength;
        long total = -1;
        long lastReport = start;

        Transfer(PartialDownload part, long maxBytes, ModelDownloads.Progress progress) {
            this.part = part;
            this.maxBytes = maxBytes;
            this.progress = progress;
            this.startLength = part.length();
        }

        boolean copy(HttpURLConnection c) throws IOException, Broken {
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = broken(c::getInputStream)) {
                for (int n = read(in, buffer); n >= 0; n = read(in, buffer)) {
                    if (part.length() + n > maxBytes) {
                        throw new IOException("the file is larger than the limit of " + maxBytes + " bytes");
                    }
                    part.write(buffer, n);
                    long now = System.nanoTime();
                    if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                        progress.update(part.length(), total, rate(part.length() - startLength, now - start));
                        lastReport = now;
                    }
                }
            }
            if (total >= 0 && part.length() < total) {
                throw new Broken(new IOException("the connection ended after " + part.length() + " of " + total + " bytes"));
            }
            if (total >= 0 && part.length() > total) {
                throw new IOException("the server sent " + part.length() + " bytes, more than the " + total + " it announced");
            }
            progress.update(part.length(), total, rate(part.length() - startLength, System.nanoTime() - start));
            return true;
        }

        private static int read(InputStream in, byte[] buffer) throws Broken {
            try {
                return in.read(buffer);
            } catch (IOException e) {
                throw new Broken(e);
            }
        }
    }

    private interface Io<T> {
        T get() throws IOException;
    }

    private static <T> T broken(Io<T> call) throws Broken {
        try {
            return call.get();
        } catch (IOException e) {
            throw new Broken(e);
        }
    }

    private static long rate(long bytes, long nanos) {
        return nanos <= 0 ? 0 : (long) (bytes / (nanos / 1e9));
    }
}
