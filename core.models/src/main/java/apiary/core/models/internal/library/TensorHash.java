package apiary.core.models.internal.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import apiary.core.models.internal.meta.SafetensorsHeader;
import apiary.core.models.internal.paths.ModelNames;

/**
 * SwarmUI's model hash: SHA-256 of a safetensors file's tensor data (everything after the header, so metadata edits
 * do not change it), or of the whole file for other formats, written {@code 0x<hex>}.
 */
final class TensorHash {
    private TensorHash() {
    }

    /**
     * @param file a model file
     * @param maxHeaderBytes the header limit
     * @return the hash
     * @throws IOException when the file cannot be read or its header is bad
     */
    static String of(Path file, long maxHeaderBytes) throws IOException {
        long start = 0;
        String ext = ModelNames.extension(file.getFileName().toString());
        if ("safetensors".equals(ext) || "sft".equals(ext)) {
            try {
                start = 8 + SafetensorsHeader.length(file, maxHeaderBytes);
            } catch (SafetensorsHeader.BadHeader e) {
                throw new IOException(e.getMessage());
            }
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(start);
            byte[] buffer = new byte[1 << 20];
            try (InputStream in = new DigestInputStream(Channels.newInputStream(ch), digest)) {
                while (in.read(buffer) >= 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IOException("Hashing was interrupted");
                    }
                }
            }
        }
        return "0x" + HexFormat.of().formatHex(digest.digest());
    }
}
