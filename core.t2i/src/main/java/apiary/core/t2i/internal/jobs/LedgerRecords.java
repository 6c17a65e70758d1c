package apiary.core.t2i.internal.jobs;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The ledger's writes as records: each applies itself to the database and can be written to and read back from the
 * {@link LedgerJournal}. Applying a record twice leaves the database as applying it once (a journal replayed after
 * a crash may hold records the database already has): a job is inserted once, a finished task is never set back to
 * running, and a task's usage is added only by the write that finishes it.
 */
final class LedgerRecords {
    private LedgerRecords() {
    }

    /** A ledger write. */
    interface Record extends LedgerWriter.Work {
        /** @return the record's kind byte in the journal */
        byte kind();

        /** @param out where to write the record's fields @throws IOException never for a memory stream */
        void write(DataOutputStream out) throws IOException;
    }

    /** A new job and its queued tasks. */
    record Created(long id, String userId, String requestJson, int images, int batchSize, long[] seeds, String frontEnd,
            long at) implements Record {
        @Override
        public byte kind() {
            return 1;
        }

        @Override
        public void run(Connection c) throws SQLException {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM t2i_jobs WHERE job_id = ?")) {
                exists.setLong(1, id);
                if (exists.executeQuery().next()) {
                    return;
                }
            }
            update(c, "INSERT INTO t2i_jobs (job_id, user_id, request_json, state, images, batch_size, front_end, created_millis) "
                    + "VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)", id, userId, requestJson, images, batchSize, frontEnd, at);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t2i_job_images (job_id, task_index, seed, state) VALUES (?, ?, ?, 'queued')")) {
                for (int i = 0; i < seeds.length; i++) {
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setLong(3, seeds[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeLong(id);
            text(out, userId);
            text(out, requestJson);
            out.writeInt(images);
            out.writeInt(batchSize);
            out.writeInt(seeds.length);
            for (long s : seeds) {
                out.writeLong(s);
            }
            text(out, frontEnd);
            out.writeLong(at);
        }

        static Created read(DataInputStream in) throws IOException {
            long id = in.readLong();
            String user = text(in);
            String request = text(in);
            int images = in.readInt();
            int batch = in.readInt();
            long[] seeds = new long[in.readInt()];
            for (int i = 0; i < seeds.length; i++) {
                seeds[i] = in.readLong();
            }
            return new Created(id, user, request, images, batch, seeds, text(in), in.readLong());
        }
    }

    /** A task started on a backend ({@code first}: the job's first, which marks the job running). */
    record TaskStarted(long id, int task, int backendId, boolean first, long at) implements Record {
        @Override
        public byte kind() {
            return 2;
        }

        @Override
        public void run(Connection c) throws SQLException {
            update(c, "UPDATE t2i_job_images SET state = 'running', backend_id = ?, started_millis = ? "
                    + "WHERE job_id = ? AND task_index = ? AND state IN ('queued', 'running')", backendId, at, id, task);
            if (first) {
                update(c, "UPDATE t2i_jobs SET state = 'running', started_millis = COALESCE(started_millis, ?) WHERE job_id = ? AND state = 'queued'",
                        at, id);
            }
        }

        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeLong(id);
            out.writeInt(task);
            out.writeInt(backendId);
            out.writeBoolean(first);
            out.writeLong(at);
        }

        static TaskStarted read(DataInputStream in) throws IOException {
            return new TaskStarted(in.readLong(), in.readInt(), in.readInt(), in.readBoolean(), in.readLong());
        }
    }

    /** A task's end with its outputs or error, and the usage it adds (or null). */
    record TaskFinished(long id, int task, String state, String outputsJson, String error, JobLedger.Usage usage, long at)
            implements Record {
        @Override
        public byte kind() {
            return 3;
        }

        @Override
        public void run(Connection c) throws SQLException {
            int n = update(c, "UPDATE t2i_job_images SET state = ?, outputs = ?, error = ?, finished_millis = ? "
                    + "WHERE job_id = ? AND task_index = ? AND state IN ('queued', 'running')", state, outputsJson, error, at, id, task);
            if (n > 0 && usage != null) {
                addUsage(c, usage);
            }
        }

        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeLong(id);
            out.writeInt(task);
            text(out, state);
            text(out, outputsJson);
            text(out, error);
            out.writeBoolean(usage != null);
            if (usage != null) {
                text(out, usage.day());
                text(out, usage.userId());
                text(out, usage.model());
                out.writeInt(usage.backendId());
                out.writeLong(usage.images());
                out.writeLong(usage.backendMillis());
            }
            out.writeLong(at);
        }

        static TaskFinished read(DataInputStream in) throws IOException {
            long id = in.readLong();
            int task = in.readInt();
            String state = text(in);
            String outputs = text(in);
            String error = text(in);
            JobLedger.Usage usage = in.readBoolean()
                    ? new JobLedger.Usage(text(in), text(in), text(in), in.readInt(), in.readLong(), in.readLong()) : null;
            return new TaskFinished(id, task, state, outputs, error, usage, in.readLong());
        }
    }

    /** A job's end. */
    record Finished(long id, String state, String error, long at) implements Record {
        @Override
        public byte kind() {
            return 4;
        }

        @Override
        public void run(Connection c) throws SQLException {
            update(c, "UPDATE t2i_jobs SET state = ?, error = ?, finished_millis = ? WHERE job_id = ?", state, error, at, id);
        }

        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeLong(id);
            text(out, state);
            text(out, error);
            out.writeLong(at);
        }

        static Finished read(DataInputStream in) throws IOException {
            return new Finished(in.readLong(), text(in), text(in), in.readLong());
        }
    }

    /**
     * @param kind a record's kind byte
     * @param in its fields
     * @return the record
     * @throws IOException for an unknown kind or cut-off fields
     */
    static Record read(byte kind, DataInputStream in) throws IOException {
        switch (kind) {
            case 1: return Created.read(in);
            case 2: return TaskStarted.read(in);
            case 3: return TaskFinished.read(in);
            case 4: return Finished.read(in);
            default: throw new IOException("Unknown ledger record kind " + kind);
        }
    }

    static void addUsage(Connection c, JobLedger.Usage u) throws SQLException {
        int n = update(c, "UPDATE t2i_usage SET images = images + ?, backend_millis = backend_millis + ? "
                + "WHERE usage_day = ? AND user_id = ? AND model = ? AND backend_id = ?", u.images(), u.backendMillis(), u.day(),
                u.userId(), u.model(), u.backendId());
        if (n == 0) {
            update(c, "INSERT INTO t2i_usage (usage_day, user_id, model, backend_id, images, backend_millis) VALUES (?, ?, ?, ?, ?, ?)",
                    u.day(), u.userId(), u.model(), u.backendId(), u.images(), u.backendMillis());
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** Strings of any length, null kept (writeUTF stops at 64 KiB). */
    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
