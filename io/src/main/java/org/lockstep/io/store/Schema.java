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
    /** Bump when a table changes; older files are refused rather than misread. */
    static final int VERSION = 2;

    static final List<String> TABLES = List.of("posts", "post_urls", "post_hashtags", "post_mentions", "post_media",
            "accounts", "ingest_files", "ingest_batches", "schema_version");

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
          rejected BIGINT, warnings BIGINT, formats VARCHAR)""",
        """
        CREATE TABLE ingest_batches (batch BIGINT PRIMARY KEY, file_id BIGINT NOT NULL,
          committed_at TIMESTAMP NOT NULL, posts BIGINT NOT NULL, stored BIGINT NOT NULL, duplicates BIGINT NOT NULL)""",
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
                if (v != VERSION) {
                    throw new StoreException(where + " has case-database schema version " + v + "; this Lockstep reads version "
                            + VERSION + (v > VERSION ? " (it was written by a newer Lockstep)" : ""));
                }
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

    static boolean isCaseDb(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'schema_version'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
