package org.lockstep.io.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The case database's tables, documented for users in {@code docs/case-database.md}. Posts have the
 * primary key (platform, post_id); the ingest never tries to break it (it inserts only posts an anti-join
 * found new). Accounts are unique on (platform, account_id) and child rows (written only together with
 * their new post) by construction, without an index. Times are UTC {@code TIMESTAMP}s, millisecond precision.
 */
final class Schema {
    /**
     * Bump when a table changes. Version 3 added the results tables ({@link #RESULTS_DDL}), version 4 the
     * {@code conflicts} column of {@code ingest_files} and {@code ingest_batches}; an older case is migrated
     * when opened for writing (tables and columns are added) and read as it is otherwise.
     * Newer versions are refused rather than misread.
     */
    static final int VERSION = 4;

    /** Oldest version this Lockstep can read (and migrate when it writes). */
    static final int OLDEST = 2;

    static final List<String> TABLES = List.of("posts", "post_urls", "post_hashtags", "post_mentions", "post_media",
            "accounts", "ingest_files", "ingest_batches", "schema_version", "runs", "coord_accounts", "coord_edges",
            "coord_evidence", "coord_groups", "campaigns", "account_scores", "domain_matches", "labels", "audit_log");

    /**
     * Results of analyses run on the case ({@code detect}, {@code campaigns}, {@code accounts}, {@code domains}
     * with {@code --db}, or the workbench's jobs), each row tagged with its run; the workbench's labels,
     * audit log, users and API tokens. Users and tokens are never exported (they hold password hashes).
     */
    static final String[] RESULTS_DDL = {
        """
        CREATE TABLE runs (run_id BIGINT PRIMARY KEY, command VARCHAR NOT NULL, parameters VARCHAR,
          started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP, status VARCHAR NOT NULL, summary VARCHAR, author VARCHAR)""",
        """
        CREATE TABLE coord_accounts (run_id BIGINT NOT NULL, account_id VARCHAR NOT NULL, grp INTEGER, component INTEGER,
          degree INTEGER, signals VARCHAR, co_actions BIGINT, actions INTEGER)""",
        """
        CREATE TABLE coord_edges (run_id BIGINT NOT NULL, edge INTEGER NOT NULL, account_a VARCHAR NOT NULL,
          account_b VARCHAR NOT NULL, weight DOUBLE, co_actions INTEGER, signals VARCHAR, median_gap_s DOUBLE,
          p_value DOUBLE, q_value DOUBLE, grp INTEGER, evidence_pairs INTEGER)""",
        """
        CREATE TABLE coord_evidence (run_id BIGINT NOT NULL, edge INTEGER NOT NULL, signal VARCHAR, object VARCHAR,
          post_a VARCHAR, post_b VARCHAR, time_a TIMESTAMP, time_b TIMESTAMP, gap_s DOUBLE, within_window BOOLEAN)""",
        """
        CREATE TABLE coord_groups (run_id BIGINT NOT NULL, grp INTEGER NOT NULL, component INTEGER, size INTEGER,
          edges INTEGER, density DOUBLE, signals VARCHAR, co_actions BIGINT, first_action TIMESTAMP,
          last_action TIMESTAMP, top_objects VARCHAR, members VARCHAR)""",
        """
        CREATE TABLE campaigns (run_id BIGINT NOT NULL, campaign_id VARCHAR NOT NULL, entity VARCHAR NOT NULL,
          type VARCHAR, flagged BOOLEAN, score DOUBLE, first_flagged_at TIMESTAMP, first_burst_at TIMESTAMP,
          episode_start TIMESTAMP, episode_end TIMESTAMP, posts INTEGER, accounts INTEGER, detail VARCHAR)""",
        """
        CREATE TABLE account_scores (run_id BIGINT NOT NULL, account_id VARCHAR NOT NULL, score DOUBLE,
          contributions VARCHAR)""",
        """
        CREATE TABLE domain_matches (run_id BIGINT NOT NULL, domain VARCHAR NOT NULL, protected VARCHAR,
          technique VARCHAR, posts INTEGER, accounts INTEGER, first_seen TIMESTAMP, detail VARCHAR)""",
        """
        CREATE TABLE labels (label_id BIGINT PRIMARY KEY, kind VARCHAR NOT NULL, item_id VARCHAR NOT NULL,
          label VARCHAR NOT NULL, note VARCHAR, author VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)""",
        """
        CREATE TABLE audit_log (seq BIGINT PRIMARY KEY, logged_at TIMESTAMP NOT NULL, actor VARCHAR, action VARCHAR NOT NULL,
          detail VARCHAR)""",
        """
        CREATE TABLE users (name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, password_hash VARCHAR NOT NULL,
          created_at TIMESTAMP NOT NULL, disabled BOOLEAN NOT NULL)""",
        """
        CREATE TABLE api_tokens (token_id BIGINT PRIMARY KEY, name VARCHAR NOT NULL, token_sha256 VARCHAR NOT NULL,
          created_at TIMESTAMP NOT NULL, revoked_at TIMESTAMP)""",
    };

    private static final String[] DDL = {
        "CREATE TABLE schema_version (version INTEGER NOT NULL, created_at TIMESTAMP NOT NULL)",
        """
        CREATE TABLE posts (
          platform VARCHAR NOT NULL, post_id VARCHAR NOT NULL, account_id VARCHAR NOT NULL, handle VARCHAR,
          time TIMESTAMP NOT NULL, kind VARCHAR NOT NULL, text VARCHAR, lang VARCHAR,
          repost_of VARCHAR, repost_of_account VARCHAR, repost_of_handle VARCHAR,
          reply_to VARCHAR, reply_to_account VARCHAR, reply_to_handle VARCHAR,
          quote_of VARCHAR, quote_of_account VARCHAR, quote_of_handle VARCHAR, ref_derived BOOLEAN NOT NULL,
          source_file VARCHAR, batch BIGINT NOT NULL, PRIMARY KEY (platform, post_id))""",
        """
        CREATE TABLE post_urls (platform VARCHAR NOT NULL, post_id VARCHAR NOT NULL, ord INTEGER NOT NULL,
          url VARCHAR NOT NULL, url_normalized VARCHAR, host VARCHAR, domain VARCHAR)""",
        """
        CREATE TABLE post_hashtags (platform VARCHAR NOT NULL, post_id VARCHAR NOT NULL, ord INTEGER NOT NULL,
          hashtag VARCHAR NOT NULL)""",
        """
        CREATE TABLE post_mentions (platform VARCHAR NOT NULL, post_id VARCHAR NOT NULL, ord INTEGER NOT NULL,
          handle VARCHAR NOT NULL)""",
        """
        CREATE TABLE post_media (platform VARCHAR NOT NULL, post_id VARCHAR NOT NULL, ord INTEGER NOT NULL,
          url VARCHAR, type VARCHAR, hash VARCHAR)""",
        """
        CREATE TABLE accounts (platform VARCHAR NOT NULL, account_id VARCHAR NOT NULL, handle VARCHAR,
          display_name VARCHAR, description VARCHAR, location VARCHAR, lang VARCHAR, avatar_url VARCHAR,
          created_at TIMESTAMP, followers BIGINT, following BIGINT, posts BIGINT,
          default_profile BOOLEAN, default_avatar BOOLEAN, verified BOOLEAN,
          first_seen TIMESTAMP, last_seen TIMESTAMP)""",
        """
        CREATE TABLE ingest_files (file_id BIGINT PRIMARY KEY, path VARCHAR NOT NULL, size BIGINT,
          fingerprint VARCHAR, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP, status VARCHAR NOT NULL,
          resumed_after BIGINT NOT NULL, batches BIGINT NOT NULL, posts_committed BIGINT NOT NULL,
          records BIGINT, posts_read BIGINT, stored BIGINT NOT NULL, duplicates BIGINT NOT NULL,
          rejected BIGINT, warnings BIGINT, formats VARCHAR, conflicts BIGINT)""",
        """
        CREATE TABLE ingest_batches (batch BIGINT PRIMARY KEY, file_id BIGINT NOT NULL,
          committed_at TIMESTAMP NOT NULL, posts BIGINT NOT NULL, stored BIGINT NOT NULL, duplicates BIGINT NOT NULL,
          conflicts BIGINT)""",
    };

    /** Session-local staging tables the appender fills; {@code seq} numbers the posts of one batch. */
    static final String[] STAGING = {
        """
        CREATE OR REPLACE TEMP TABLE stage_posts (seq BIGINT, platform VARCHAR, post_id VARCHAR, account_id VARCHAR,
          handle VARCHAR, time_ms BIGINT, kind VARCHAR, text VARCHAR, lang VARCHAR,
          repost_of VARCHAR, repost_of_account VARCHAR, repost_of_handle VARCHAR,
          reply_to VARCHAR, reply_to_account VARCHAR, reply_to_handle VARCHAR,
          quote_of VARCHAR, quote_of_account VARCHAR, quote_of_handle VARCHAR, ref_derived BOOLEAN,
          a_handle VARCHAR, a_display_name VARCHAR, a_description VARCHAR, a_location VARCHAR, a_lang VARCHAR,
          a_avatar_url VARCHAR, a_created_ms BIGINT, a_followers BIGINT, a_following BIGINT, a_posts BIGINT,
          a_default_profile BOOLEAN, a_default_avatar BOOLEAN, a_verified BOOLEAN)""",
        "CREATE OR REPLACE TEMP TABLE stage_urls (seq BIGINT, ord INTEGER, url VARCHAR, url_normalized VARCHAR, host VARCHAR, domain VARCHAR)",
        "CREATE OR REPLACE TEMP TABLE stage_hashtags (seq BIGINT, ord INTEGER, hashtag VARCHAR)",
        "CREATE OR REPLACE TEMP TABLE stage_mentions (seq BIGINT, ord INTEGER, handle VARCHAR)",
        "CREATE OR REPLACE TEMP TABLE stage_media (seq BIGINT, ord INTEGER, url VARCHAR, type VARCHAR, hash VARCHAR)",
    };

    private Schema() {}

    /** Creates the tables in an empty database, or checks the version of an existing one. */
    static void ensure(Connection c, String where) throws SQLException {
        try (Statement st = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'schema_version'")) {
                rs.next();
                exists = rs.getLong(1) > 0;
            }
            if (exists) {
                int v;
                try (ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
                    rs.next();
                    v = rs.getInt(1);
                }
                if (v < OLDEST || v > VERSION) {
                    throw new StoreException(where + " has case-database schema version " + v + "; this Lockstep reads versions "
                            + OLDEST + " to " + VERSION + (v > VERSION ? " (it was written by a newer Lockstep)" : ""));
                }
                if (v < VERSION && !readOnly(c)) migrate(c, st, v);
                return;
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new StoreException(where + " is a DuckDB database but not a Lockstep case database (no schema_version table)");
                }
            }
            c.setAutoCommit(false);
            try {
                for (String d : DDL) st.execute(d);
                for (String d : RESULTS_DDL) st.execute(d);
                st.execute("INSERT INTO schema_version VALUES (" + VERSION + ", now()::TIMESTAMP)");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Version 2 → 3 adds the results tables, 3 → 4 the conflicts columns (NULL in the rows of earlier ingests, whose
     * duplicates include their conflicts); all in one transaction.
     */
    private static void migrate(Connection c, Statement st, int from) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (from < 3) for (String d : RESULTS_DDL) st.execute(d);
            if (from < 4) {
                st.execute("ALTER TABLE ingest_files ADD COLUMN conflicts BIGINT");
                st.execute("ALTER TABLE ingest_batches ADD COLUMN conflicts BIGINT");
            }
            st.execute("INSERT INTO schema_version VALUES (" + VERSION + ", now()::TIMESTAMP)");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static boolean readOnly(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_setting('access_mode')")) {
            rs.next();
            return "read_only".equalsIgnoreCase(rs.getString(1));
        } catch (SQLException e) {
            return c.isReadOnly();
        }
    }

    /** Whether the results tables exist (a version-2 case opened read-only has none). */
    static boolean hasResults(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'runs'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    static boolean isResultsTable(String t) {
        return TABLES.indexOf(t) >= TABLES.indexOf("runs");
    }

    static boolean isCaseDb(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'schema_version'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
