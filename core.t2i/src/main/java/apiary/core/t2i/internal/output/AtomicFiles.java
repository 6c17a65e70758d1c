package apiary.core.t2i.internal.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that no reader ever sees half of one: the bytes go to a hidden temporary file in the same folder,
 * which is then renamed over the target in one step. Temporary names start with {@code .}, which history listings
 * and {@code /View} skip. The bytes go down in one {@code write} call: {@code Files.write} issues one per 8 KiB, and
 * on a busy file system each call that extends a file may wait for the journal (a 512x512 image took 28 of them).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * @param target the final file
     * @param data its content
     * @throws IOException when writing or renaming failed; no partial file is left behind
     */
    public static void write(Path target, byte[] data) throws IOException {
        if (!Files.isDirectory(target.getParent())) {
            Files.createDirectories(target.getParent());
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(data);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
