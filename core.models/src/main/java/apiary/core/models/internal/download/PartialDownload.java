package apiary.core.models.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The bytes of one download received so far: a hidden {@code .<name>.download} file beside the target, and, once the
 * server has shown that it can resume (byte ranges and a known size), a hidden {@code .<name>.download.state} file
 * saying from where and which version of the file. A later download of the same URL to the same target continues
 * from there (after the server restarted too); anything else starts afresh. Hidden files are never listed as models.
 */
final class PartialDownload implements AutoCloseable {
    private final Path target;
    private final Path data;
    private final Path state;
    private final URI url;
    private MessageDigest digest = sha256();
    private OutputStream out;
    private long length;
    private long total = -1;
    private String validator;

    private PartialDownload(Path target, URI url) {
        this.target = target;
        this.url = url;
        this.data = target.resolveSibling("." + target.getFileName() + ".download");
        this.state = target.resolveSibling("." + target.getFileName() + ".download.state");
    }

    /**
     * @param target where the file belongs
     * @param url where it comes from
     * @return what was kept of an earlier download of that URL to that target, or an empty start
     * @throws IOException when the folder cannot be written
     */
    static PartialDownload open(Path target, URI url) throws IOException {
        PartialDownload p = new PartialDownload(target, url);
        Files.createDirectories(target.getParent());
        if (!p.resume()) {
            p.discard();
        }
        return p;
    }

    private boolean resume() throws IOException {
        if (!Files.isRegularFile(state) || !Files.isRegularFile(data)) {
            return false;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        long size = Files.size(data);
        long announced = parseLong(p.getProperty("total"));
        if (!url.toString().equals(p.getProperty("url")) || announced <= 0 || size > announced) {
            return false;
        }
        total = announced;
        validator = p.getProperty("validator");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(data)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        length = size;
        return true;
    }

    /** @return bytes kept so far */
    long length() {
        return length;
    }

    /** @return the size the server announced for the whole file, or -1 */
    long total() {
        return total;
    }

    /** @return the ETag or Last-Modified the kept bytes belong to, or null */
    String validator() {
        return validator;
    }

    /** Drops the kept bytes (the server sends the whole file again). */
    void restart() throws IOException {
        closeOutput();
        Files.deleteIfExists(data);
        length = 0;
        digest = sha256();
    }

    /**
     * Remembers that the server can resume this download, so that a later attempt continues instead of restarting.
     *
     * @param announced the whole file's size
     * @param version the ETag or Last-Modified of this version, or null
     */
    void resumable(long announced, String version) throws IOException {
        total = announced;
        validator = version;
        Properties p = new Properties();
        p.setProperty("url", url.toString());
        p.setProperty("total", Long.toString(announced));
        if (version != null) {
            p.setProperty("validator", version);
        }
        Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Apiary: a model download that can be resumed");
        }
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets that the server could resume this download (it no longer says so). */
    void notResumable() throws IOException {
        Files.deleteIfExists(state);
    }

    /** @return whether the server said it can resume this download */
    boolean isResumable() {
        return Files.isRegularFile(state);
    }

    /** Appends received bytes. */
    void write(byte[] buffer, int n) throws IOException {
        if (out == null) {
            out = Files.newOutputStream(data, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        out.write(buffer, 0, n);
        digest.update(buffer, 0, n);
        length += n;
    }

    /** Flushes what was received to disk (before a retry or when the download is kept for later). */
    void closeOutput() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** @return the SHA-256 of every byte kept so far, in hex */
    String sha256Hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned", e);
        }
    }

    /** Moves the complete file into place; fails if a file appeared there meanwhile. */
    void complete() throws IOException {
        closeOutput();
        if (Files.exists(target)) {
            throw new IOException("a file appeared at " + target.getFileName() + " while downloading");
        }
        Files.move(data, target, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(state);
    }

    /** Removes every trace of the download. */
    void discard() throws IOException {
        closeOutput();
        Files.deleteIfExists(data);
        Files.deleteIfExists(state);
        Files.deleteIfExists(state.resolveSibling(state.getFileName() + ".tmp"));
    }

    /** Closes the file; the kept bytes stay only when the server can resume them. */
    @Override
    public void close() throws IOException {
        closeOutput();
        if (!isResumable()) {
            discard();
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
