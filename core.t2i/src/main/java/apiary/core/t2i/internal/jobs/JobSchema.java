package apiary.core.t2i.internal.jobs;

import java.util.List;

/**
 * The job ledger's tables, as versioned migrations in portable SQL (H2 2.x and PostgreSQL): one row per job (owner,
 * the request body, state, timings, the front end running it), one row per image task (its seed, state, backend,
 * outputs, error), usage per day, user, model and backend, the heartbeats of the front ends sharing the ledger, and
 * per-role daily quotas. Never edit a shipped script; append a new one.
 */
final class JobSchema {
    static final String MODULE = "core.t2i";

    private static final String V1 = String.join("\n",
            "CREATE TABLE t2i_jobs (",
            "  job_id BIGINT NOT NULL PRIMARY KEY,",
            "  user_id VARCHAR(256) NOT NULL,",
            "  request_json TEXT NOT NULL,",
            "  state VARCHAR(16) NOT NULL,",
            "  images INT NOT NULL,",
            "  batch_size INT NOT NULL,",
            "  error TEXT,",
            "  front_end VARCHAR(64) NOT NULL,",
            "  created_millis BIGINT NOT NULL,",
            "  started_millis BIGINT,",
            "  finished_millis BIGINT",
            ");",
            "CREATE INDEX t2i_jobs_user ON t2i_jobs (user_id, job_id);",
            "CREATE INDEX t2i_jobs_state ON t2i_jobs (state);",
            "CREATE TABLE t2i_job_images (",
            "  job_id BIGINT NOT NULL REFERENCES t2i_jobs (job_id) ON DELETE CASCADE,",
            "  task_index INT NOT NULL,",
            "  seed BIGINT NOT NULL,",
            "  state VARCHAR(16) NOT NULL,",
            "  backend_id INT,",
            "  outputs TEXT,",
            "  error TEXT,",
            "  started_millis BIGINT,",
            "  finished_millis BIGINT,",
            "  PRIMARY KEY (job_id, task_index)",
            ");",
            "CREATE TABLE t2i_usage (",
            "  usage_day VARCHAR(10) NOT NULL,",
            "  user_id VARCHAR(256) NOT NULL,",
            "  model VARCHAR(1024) NOT NULL,",
            "  backend_id INT NOT NULL,",
            "  images BIGINT NOT NULL,",
            "  backend_millis BIGINT NOT NULL,",
            "  PRIMARY KEY (usage_day, user_id, model, backend_id)",
            ")");

    private static final String V2 = String.join("\n",
            "CREATE TABLE t2i_webhook_secrets (",
            "  user_id VARCHAR(256) NOT NULL PRIMARY KEY,",
            "  secret VARCHAR(128) NOT NULL",
            ")");

    /** The front ends' heartbeats: a front end whose heartbeat stands still for a lease is dead, its jobs are taken over. */
    private static final String V3 = String.join("\n",
            "CREATE TABLE t2i_front_ends (",
            "  front_end VARCHAR(64) NOT NULL PRIMARY KEY,",
            "  heartbeat_millis BIGINT NOT NULL,",
            "  started_millis BIGINT NOT NULL",
            ");",
            "CREATE INDEX t2i_jobs_front_end ON t2i_jobs (front_end, state)");

    /** Per-role daily quotas (0: no limit). */
    private static final String V4 = String.join("\n",
            "CREATE TABLE t2i_role_quotas (",
            "  role_id VARCHAR(256) NOT NULL PRIMARY KEY,",
            "  daily_images BIGINT NOT NULL,",
            "  daily_backend_seconds BIGINT NOT NULL",
            ")");

    private JobSchema() {
    }

    static List<String> scripts() {
        return List.of(V1, V2, V3, V4);
    }
}
