package apiary.core.t2i.internal.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the records of a job that is created within one group commit into a single write: the job and its tasks are
 * inserted with the state the later records of the batch gave them, and their usage is added once per day, user,
 * model and backend. A one-image job thus costs three statements (the existence check and two inserts, plus its
 * usage) instead of eight, which was most of the ledger's database work per image. Folding keeps the records'
 * meaning exactly: the in-memory changes follow the same conditions as the records' own SQL, and a job the database
 * already has (a journal applied again after a crash) gets the original records, one by one.
 */
final class LedgerFolding {
    private LedgerFolding() {
    }

    /**
     * @param batch writes in queue order
     * @return the same writes with each new job's later records folded into its creation (the order of everything
     *     else kept; records of different jobs do not depend on each other, and usage only adds up)
     */
    static List<LedgerWriter.Work> fold(List<LedgerWriter.Work> batch) {
        Map<Long, NewJob> created = new HashMap<>();
        List<LedgerWriter.Work> out = new ArrayList<>(batch.size());
        for (LedgerWriter.Work w : batch) {
            if (w instanceof LedgerRecords.Created c && !created.containsKey(c.id())) {
                NewJob job = new NewJob(c);
                created.put(c.id(), job);
                out.add(job);
                continue;
            }
            NewJob job = created.get(jobOf(w));
            if (job == null || !job.absorb(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static long jobOf(LedgerWriter.Work w) {
        if (w instanceof LedgerRecords.Created c) {
            return c.id();
        }
        if (w instanceof LedgerRecords.TaskStarted s) {
            return s.id();
        }
        if (w instanceof LedgerRecords.TaskFinished f) {
            return f.id();
        }
        if (w instanceof LedgerRecords.Finished f) {
            return f.id();
        }
        return Long.MIN_VALUE;
    }

    /** A job created in this batch with what the batch's later records did to it, applied in memory. */
    static final class NewJob implements LedgerWriter.Work {
        private final LedgerRecords.Created created;
        private final List<LedgerWriter.Work> records = new ArrayList<>();
        private String state = "queued";
        private String error;
        private Long started;
        private Long finished;
        private final Task[] tasks;
        private final Map<List<Object>, long[]> usage = new LinkedHashMap<>();

        /** One task row. */
        private static final class Task {
            String state = "queued";
            Integer backendId;
            String outputs;
            String error;
            Long started;
            Long finished;

            boolean open() {
                return state.equals("queued") || state.equals("running");
            }
        }

        NewJob(LedgerRecords.Created created) {
            this.created = created;
            records.add(created);
            tasks = new Task[created.seeds().length];
            for (int i = 0; i < tasks.length; i++) {
                tasks[i] = new Task();
            }
        }

        /** @return whether the record was folded in (a record of this job) */
        boolean absorb(LedgerWriter.Work w) {
            if (w instanceof LedgerRecords.Created) {
                // The same job again (a replayed journal): inserting it is done once, here.
            } else if (w instanceof LedgerRecords.TaskStarted s) {
                Task t = task(s.task());
                if (t != null && t.open()) {
                    t.state = "running";
                    t.backendId = s.backendId();
                    t.started = s.at();
                }
                if (s.first() && state.equals("queued")) {
                    state = "running";
                    started = started == null ? s.at() : started;
                }
            } else if (w instanceof LedgerRecords.TaskFinished f) {
                Task t = task(f.task());
                if (t != null && t.open()) {
                    t.state = f.state();
                    t.outputs = f.outputsJson();
                    t.error = f.error();
                    t.finished = f.at();
                    if (f.usage() != null) {
                        JobLedger.Usage u = f.usage();
                        long[] sum = usage.computeIfAbsent(List.of(u.day(), u.userId(), u.model(), u.backendId()), k -> new long[2]);
                        sum[0] += u.images();
                        sum[1] += u.backendMillis();
                    }
                }
            } else if (w instanceof LedgerRecords.Finished f) {
                state = f.state();
                error = f.error();
                finished = f.at();
            } else {
                return false;
            }
            records.add(w);
            return true;
        }

        private Task task(int index) {
            return index >= 0 && index < tasks.length ? tasks[index] : null;
        }

        @Override
        public void run(Connection c) throws SQLException {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM t2i_jobs WHERE job_id = ?")) {
                exists.setLong(1, created.id());
                if (exists.executeQuery().next()) {
                    for (LedgerWriter.Work w : records) {
                        w.run(c);
                    }
                    return;
                }
            }
            LedgerRecords.update(c, "INSERT INTO t2i_jobs (job_id, user_id, request_json, state, images, batch_size, front_end, "
                    + "created_millis, started_millis, finished_millis, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    created.id(), created.userId(), created.requestJson(), state, created.images(), created.batchSize(),
                    created.frontEnd(), created.at(), started, finished, error);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t2i_job_images (job_id, task_index, seed, state, backend_id, "
                    + "outputs, error, started_millis, finished_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                long[] seeds = created.seeds();
                for (int i = 0; i < seeds.length; i++) {
                    Task t = tasks[i];
                    Object[] values = {created.id(), i, seeds[i], t.state, t.backendId, t.outputs, t.error, t.started, t.finished};
                    for (int v = 0; v < values.length; v++) {
                        ps.setObject(v + 1, values[v]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (Map.Entry<List<Object>, long[]> e : usage.entrySet()) {
                List<Object> k = e.getKey();
                LedgerRecords.addUsage(c, new JobLedger.Usage((String) k.get(0), (String) k.get(1), (String) k.get(2),
                        (Integer) k.get(3), e.getValue()[0], e.getValue()[1]));
            }
        }
    }
}
