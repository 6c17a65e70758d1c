package apiary.core.sessions.internal.db;

import java.util.List;

/**
 * The tables of core.sessions, as versioned migrations. Portable SQL for H2 2.x and PostgreSQL 15: {@code TEXT},
 * {@code BIGINT} epoch milliseconds, {@code BOOLEAN}, foreign keys that cascade a user's deletion. Never edit a
 * script that has shipped; append a new one.
 */
final class SessionsSchema {
    static final String MODULE = "core.sessions";

    private static final String V1 = String.join("\n",
            "CREATE TABLE acct_users (",
            "  user_id VARCHAR(256) NOT NULL PRIMARY KEY,",
            "  password_hash VARCHAR(512) NOT NULL,",
            "  password_set_by_admin BOOLEAN NOT NULL,",
            "  created_millis BIGINT NOT NULL",
            ");",
            "CREATE TABLE acct_user_settings (",
            "  user_id VARCHAR(256) NOT NULL REFERENCES acct_users (user_id) ON DELETE CASCADE,",
            "  setting_path VARCHAR(256) NOT NULL,",
            "  value_json TEXT NOT NULL,",
            "  PRIMARY KEY (user_id, setting_path)",
            ");",
            "CREATE TABLE acct_user_data (",
            "  user_id VARCHAR(256) NOT NULL REFERENCES acct_users (user_id) ON DELETE CASCADE,",
            "  data_name VARCHAR(256) NOT NULL,",
            "  data_value TEXT NOT NULL,",
            "  updated_millis BIGINT NOT NULL,",
            "  PRIMARY KEY (user_id, data_name)",
            ");",
            "CREATE TABLE acct_login_tokens (",
            "  token_id VARCHAR(64) NOT NULL PRIMARY KEY,",
            "  user_id VARCHAR(256) NOT NULL REFERENCES acct_users (user_id) ON DELETE CASCADE,",
            "  validation_hash VARCHAR(128) NOT NULL,",
            "  origin_address VARCHAR(256) NOT NULL,",
            "  user_agent VARCHAR(1024) NOT NULL,",
            "  created_millis BIGINT NOT NULL,",
            "  last_active_millis BIGINT NOT NULL",
            ");",
            "CREATE INDEX acct_login_tokens_user ON acct_login_tokens (user_id);",
            "CREATE TABLE acct_sessions (",
            "  session_id VARCHAR(64) NOT NULL PRIMARY KEY,",
            "  user_id VARCHAR(256) NOT NULL REFERENCES acct_users (user_id) ON DELETE CASCADE,",
            "  origin_address VARCHAR(256) NOT NULL,",
            "  origin_token VARCHAR(64) REFERENCES acct_login_tokens (token_id) ON DELETE CASCADE,",
            "  created_millis BIGINT NOT NULL,",
            "  last_active_millis BIGINT NOT NULL",
            ");",
            "CREATE INDEX acct_sessions_user ON acct_sessions (user_id);",
            "CREATE TABLE acct_presets (",
            "  user_id VARCHAR(256) NOT NULL REFERENCES acct_users (user_id) ON DELETE CASCADE,",
            "  title_key VARCHAR(1024) NOT NULL,",
            "  title VARCHAR(1024) NOT NULL,",
            "  author VARCHAR(256) NOT NULL,",
            "  description TEXT NOT NULL,",
            "  preview_image TEXT NOT NULL,",
            "  is_starred BOOLEAN NOT NULL,",
            "  param_map TEXT NOT NULL,",
            "  edit_id BIGINT NOT NULL,",
            "  PRIMARY KEY (user_id, title_key)",
            ");",
            "CREATE TABLE acct_roles (",
            "  role_id VARCHAR(256) NOT NULL PRIMARY KEY,",
            "  name VARCHAR(256) NOT NULL,",
            "  description TEXT NOT NULL,",
            "  max_outpath_depth INT NOT NULL,",
            "  max_t2i_simultaneous INT NOT NULL,",
            "  allow_unsafe_outpaths BOOLEAN NOT NULL,",
            "  model_whitelist TEXT NOT NULL,",
            "  model_blacklist TEXT NOT NULL,",
            "  permissions TEXT NOT NULL",
            ");",
            "CREATE TABLE acct_role_tracked (",
            "  permission_id VARCHAR(256) NOT NULL PRIMARY KEY",
            ");");

    /** Apiary's role limits beyond SwarmUI's (issue #8): queued images per user and the fair-share weight. */
    private static final String V2 = String.join("\n",
            "ALTER TABLE acct_roles ADD COLUMN max_queued_images INT DEFAULT 1000 NOT NULL;",
            "ALTER TABLE acct_roles ADD COLUMN scheduling_weight DOUBLE PRECISION DEFAULT 1 NOT NULL;");

    private SessionsSchema() {
    }

    /** @return the migrations, oldest first */
    static List<String> scripts() {
        return List.of(V1, V2);
    }
}
