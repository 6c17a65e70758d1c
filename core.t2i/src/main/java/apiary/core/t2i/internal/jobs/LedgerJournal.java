package apiary.core.t2i.internal.jobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's write-ahead journal on an embedded (H2) database: every ledger record is appended here, in one
 * {@code write} call, before it is queued for the database, so the request that caused it need not wait for a
 * database commit (one commit per image was most of what job bookkeeping cost). A killed process loses nothing the
 * journal holds: the bytes of a finished {@code write} are the operating system's, as H2's own
 * {@code WRITE_DELAY=0} writes are. At start the records are applied again (they are idempotent) and the journal is
 * emptied whenever the database has every record of it. Each record is framed as length, kind and fields; a record
 * cut off by the kill is ignored (its request never got an answer).
 */
final class LedgerJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LedgerJournal.class.getName());

    private final Path file;
    private final FileChannel channel;

    /** @param file the journal file (created when missing) @throws IOException when it cannot be opened */
    LedgerJournal(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** @param r a record to keep until the database has it @throws IOException when it could not be written */
    synchronized void append(LedgerRecords.Record r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0);
        out.writeByte(r.kind());
        r.write(out);
        out.flush();
        ByteBuffer frame = ByteBuffer.wrap(bytes.toByteArray());
        frame.putInt(0, frame.capacity() - 4);
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    /** @return the records in the journal, in order; a cut-off last record is left out */
    synchronized List<LedgerRecords.Record> read() throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<LedgerRecords.Record> out = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(all);
        while (buf.remaining() >= 5) {
            int length = buf.getInt();
            if (length < 1 || length > buf.remaining()) {
                LOG.log(Level.WARNING, "The job ledger journal ends in a cut-off record (" + buf.remaining() + " bytes); ignored");
                break;
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, buf.position(), length));
            byte kind = in.readByte();
            try {
                out.add(LedgerRecords.read(kind, in));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Unreadable job ledger journal record ignored: " + e);
            }
            buf.position(buf.position() + length);
        }
        return out;
    }

    /** Empties the journal (the database has every record in it). */
    synchronized void clear() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Emptying the job ledger journal failed (it is applied again at start, harmlessly): " + e);
        }
    }

    /** @return the journal's size in bytes */
    synchronized long size() throws IOException {
        return channel.size();
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
