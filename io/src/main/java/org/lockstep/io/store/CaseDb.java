package org.lockstep.io.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.Problem;
import org.lockstep.io.read.ReadOptions;

/**
 * A case: one DuckDB file holding the posts of an investigation, in tables users can query with SQL
 * (see {@code docs/case-database.md}). Ingest is bulk (appender), idempotent (a post already stored is
 * counted as a duplicate, not added) and transactional per batch. Not thread-safe; DuckDB lets one
 * process at a time open a file for writing.
 */
public final class CaseDb implements AutoCloseable {
    public static final int DEFAULT_BATCH = 50_000;

    private DuckDBConnection conn;
    private final Path path;
    private long nextFile;
    private long nextBatch;

    private CaseDb(Path path, DuckDBConnection conn) {
        this.path = path;
        this.conn = conn;
    }

    /** Opens a case database, creating the file and its tables when absent. */
    public static CaseDb open(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create the directory of " + path + ": " + org.lockstep.io.read.Errors.describe(e), e);
        }
        CaseDb db = connect(path, false);
        try {
            Schema.ensure(db.conn, path.toString());
            db.nextFile = db.scalar("SELECT coalesce(max(file_id), 0) + 1 FROM ingest_files");
            db.nextBatch = db.scalar("SELECT coalesce(max(batch), 0) + 1 FROM ingest_batches");
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e instanceof StoreException se ? se : new StoreException("cannot open " + path + ": " + e.getMessage(), e);
        }
        return db;
    }

    /**
     * How long a reader waits for a writer to pause: {@code -Dlockstep.db.wait=S} or {@code LOCKSTEP_DB_WAIT=S}
     * (seconds), default 120.
     */
    static java.time.Duration readWait() {
        String v = System.getProperty("lockstep.db.wait", System.getenv("LOCKSTEP_DB_WAIT"));
        try {
            if (v != null) return java.time.Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(v.strip()) * 1000)));
        } catch (NumberFormatException ignored) {
            // the default
        }
        return java.time.Duration.ofSeconds(120);
    }

    /**
     * The file by which readers ask a running {@code lockstep ingest} to let go of the case between two
     * batches: DuckDB lets either one process write a file or several read it, never both at once.
     */
    static Path readRequest(Path db) {
        return db.toAbsolutePath().resolveSibling(db.getFileName() + ".read-request");
    }

    /**
     * Opens an existing case database read-only (info, export, analysis). While another process writes
     * it, waits (see {@link #readWait()}), saying so on standard error once: a {@code lockstep ingest}
     * pauses after its next committed batch and lets readers in.
     */
    public static CaseDb openReadOnly(Path path) {
        return openReadOnly(path, readWait(), m -> System.err.println("lockstep: " + m));
    }

    /**
     * Opens an existing case read-only, waiting up to {@code wait} while a writer holds it (a running
     * {@code lockstep ingest} is asked, through {@link #readRequest}, to pause after its current batch);
     * {@code waiting} is told once when waiting begins.
     *
     * @throws StoreException when the case is missing, not a case, or still locked after {@code wait}
     */
    public static CaseDb openReadOnly(Path path, java.time.Duration wait, Consumer<String> waiting) {
        if (!Files.isRegularFile(path)) {
            throw new StoreException("no case database at " + path + " (create one with: lockstep ingest --db " + path + " FILE...)");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        Path request = readRequest(path);
        boolean asked = false;
        CaseDb db;
        try {
            while (true) {
                try {
                    db = connect(path, true);
                    break;
                } catch (StoreException e) {
                    if (!e.getMessage().contains("in use by another process")) throw e;
                    if (System.nanoTime() >= deadline) {
                        throw new StoreException(e.getMessage() + (wait.isZero() ? "" : "; waited " + wait.toSeconds()
                                + " s for it to pause (a lockstep ingest pauses for readers after each committed batch; "
                                + "other programs must close the case first)"), e.getCause());
                    }
                    try {
                        Files.write(request, new byte[0]); // (re)touched on each try: a stale request is recognised by its age
                    } catch (IOException ignored) {
                        // a read-only directory: the writer cannot be asked, the wait may still end
                    }
                    if (!asked) {
                        waiting.accept(e.getMessage() + "; waiting up to " + wait.toSeconds()
                                + " s for it to pause between batches (-Dlockstep.db.wait / LOCKSTEP_DB_WAIT seconds)");
                        asked = true;
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new StoreException("interrupted while waiting for " + path, ie);
                    }
                }
            }
        } finally {
            if (asked) {
                try {
                    Files.deleteIfExists(request);
                } catch (IOException ignored) {
                    // the writer ignores a request once it is old
                }
            }
        }
        try {
            if (!Schema.isCaseDb(db.conn)) {
                throw new StoreException(path + " is a DuckDB database but not a Lockstep case database");
            }
            Schema.ensure(db.conn, path.toString());
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e instanceof StoreException se ? se : new StoreException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return db;
    }

    private static CaseDb connect(Path path, boolean readOnly) {
        Properties props = new Properties();
        if (readOnly) props.setProperty("duckdb.read_only", "true");
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + path.toAbsolutePath(), props);
            return new CaseDb(path, c.unwrap(DuckDBConnection.class));
        } catch (SQLException e) {
            throw new StoreException(openFailure(path, e), e);
        } catch (LinkageError e) {
            // DuckDB unpacks its native library (~70 MB) into the temporary directory on first use
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            throw new StoreException("cannot load DuckDB's native library, which is unpacked into the temporary directory "
                    + System.getProperty("java.io.tmpdir") + " (about 70 MB): " + org.lockstep.io.read.Errors.describe(root)
                    + "; free space there, or point it elsewhere with LOCKSTEP_JAVA_OPTS=-Djava.io.tmpdir=DIR", e);
        }
    }

    public Path path() {
        return path;
    }

    /** Whether a reader asked, within the last few seconds, for the case to be let go (see {@link #readRequest}). */
    boolean readersWaiting() {
        try {
            Path r = readRequest(path);
            return Files.exists(r) && System.currentTimeMillis() - Files.getLastModifiedTime(r).toMillis() < 5_000;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Lets waiting readers in: closes the connection (its session state is lost: staging tables, settings,
     * appenders), waits until a reader has attached (its request is gone; at most 5 s), then opens the
     * case again for writing, waiting for as long as readers hold it. Between two committed batches only.
     */
    void pauseForReaders() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new StoreException("closing " + path + " for readers failed: " + e.getMessage(), e);
        }
        long until = System.nanoTime() + 5_000_000_000L;
        while (Files.exists(readRequest(path)) && System.nanoTime() < until) sleep(50);
        while (true) {
            try {
                conn = connect(path, false).conn;
                return;
            } catch (StoreException e) {
                if (!e.getMessage().contains("in use by another process")) throw e;
                sleep(100);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for readers", e);
        }
    }

    /** The JDBC connection, for SQL beyond this class (read it, don't close it). */
    public DuckDBConnection connection() {
        return conn;
    }

    long nextFileId() {
        return nextFile++;
    }

    long nextBatch() {
        return nextBatch++;
    }

    /**
     * Reads {@code inputs} (files, directories, {@code -}) into the database in batches of {@code batchSize}
     * posts, each committed in its own transaction. A file whose earlier ingest was interrupted resumes
     * after the posts that ingest committed. Reading stops (and the report says why) when more records
     * than {@link ReadOptions#maxErrors()} are rejected over all inputs; committed batches stay.
     *
     * @throws StoreException when the database cannot be written (committed batches stay)
     */
    public IngestReport ingest(List<String> inputs, ReadOptions options, int batchSize, Consumer<Problem> problems,
            IngestListener listener) throws IOException {
        return new Ingester(this, batchSize, listener).run(inputs, options, problems == null ? p -> {} : problems);
    }

    /** Number of posts stored. */
    public long postCount() {
        try {
            return scalar("SELECT count(*) FROM posts");
        } catch (SQLException e) {
            throw new StoreException("cannot count posts: " + e.getMessage(), e);
        }
    }

    /** All posts as a {@link PostTable}, for the analysis commands. */
    public PostTable load(boolean keepText) {
        return load(keepText, PostFilter.ALL);
    }

    /** The posts that pass {@code filter} as a {@link PostTable}, in time order. */
    public PostTable load(boolean keepText, PostFilter filter) {
        PostTable.Builder b = PostTable.builder(keepText);
        forEachPost(keepText, filter, b::add);
        return b.build();
    }

    /**
     * Streams the posts that pass {@code filter}, in time order, rebuilt as {@link Post}s. The first post
     * of each account carries the account's stored snapshot; the others a minimal one.
     */
    public void forEachPost(boolean withText, PostFilter filter, Consumer<Post> sink) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (filter.fromMs() != null) {
            where.append(" AND p.time >= epoch_ms(?::BIGINT)");
            args.add(filter.fromMs());
        }
        if (filter.toMs() != null) {
            where.append(" AND p.time < epoch_ms(?::BIGINT)");
            args.add(filter.toMs());
        }
        if (!filter.platforms().isEmpty()) {
            where.append(" AND p.platform IN (");
            int i = 0;
            for (Platform pl : filter.platforms()) {
                where.append(i++ == 0 ? "?" : ", ?");
                args.add(pl.label());
            }
            where.append(')');
        }
        String sql = """
                WITH u AS (SELECT platform, post_id, list(url ORDER BY ord) AS v FROM post_urls GROUP BY ALL),
                     h AS (SELECT platform, post_id, list(hashtag ORDER BY ord) AS v FROM post_hashtags GROUP BY ALL),
                     m AS (SELECT platform, post_id, list(handle ORDER BY ord) AS v FROM post_mentions GROUP BY ALL),
                     md AS (SELECT platform, post_id, list(url ORDER BY ord) AS mu, list(type ORDER BY ord) AS mt,
                                   list(hash ORDER BY ord) AS mh FROM post_media GROUP BY ALL)
                SELECT p.platform, p.post_id, p.account_id, p.handle, epoch_ms(p.time), p.kind, %s, p.lang,
                  p.repost_of, p.repost_of_account, p.repost_of_handle, p.reply_to, p.reply_to_account, p.reply_to_handle,
                  p.quote_of, p.quote_of_account, p.quote_of_handle,
                  u.v, h.v, m.v, md.mu, md.mt, md.mh,
                  a.handle, a.display_name, a.description, a.location, a.lang, epoch_ms(a.created_at), a.followers,
                  a.following, a.posts, a.default_profile, a.default_avatar, a.verified, a.avatar_url, p.ref_derived
                FROM posts p
                LEFT JOIN u USING (platform, post_id) LEFT JOIN h USING (platform, post_id)
                LEFT JOIN m USING (platform, post_id) LEFT JOIN md USING (platform, post_id)
                LEFT JOIN accounts a ON a.platform = p.platform AND a.account_id = p.account_id
                %s ORDER BY p.time, p.platform, p.post_id""".formatted(withText ? "p.text" : "NULL", where);
        Set<String> accountsSeen = new HashSet<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) sink.accept(post(rs, accountsSeen));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read posts from " + path + ": " + e.getMessage(), e);
        }
    }

    private static Post post(ResultSet rs, Set<String> accountsSeen) throws SQLException {
        Platform platform = Platform.valueOf(rs.getString(1).toUpperCase(Locale.ROOT));
        String accountId = rs.getString(3);
        String handle = rs.getString(4);
        AccountSnapshot snap = null;
        if (accountsSeen.add(platform.ordinal() + ":" + accountId)) {
            snap = new AccountSnapshot(accountId, rs.getString(24), rs.getString(25), rs.getString(26), rs.getString(27),
                    rs.getString(28), num(rs, 29), num(rs, 30), num(rs, 31), num(rs, 32), bool(rs, 33), bool(rs, 34),
                    bool(rs, 35), rs.getString(36));
        }
        List<String> mu = list(rs, 21), mt = list(rs, 22), mh = list(rs, 23);
        List<Media> media = new ArrayList<>(mu.size());
        for (int i = 0; i < mu.size(); i++) media.add(new Media(mu.get(i), mt.get(i), mh.get(i)));
        // ref_derived: the one stored flag covers the post's references (readers derive repost targets only)
        boolean derived = rs.getBoolean(37);
        return new Post(platform, rs.getString(2), accountId, handle, rs.getLong(5),
                PostKind.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)), rs.getString(7), rs.getString(8),
                ref(rs, 9, derived), ref(rs, 12, false), ref(rs, 15, false), list(rs, 18), list(rs, 19), list(rs, 20),
                media, snap);
    }

    private static PostRef ref(ResultSet rs, int col, boolean derived) throws SQLException {
        String id = rs.getString(col);
        String acc = rs.getString(col + 1);
        if (id == null && acc == null) return null;
        return new PostRef(id, acc, rs.getString(col + 2), derived);
    }

    private static long num(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? AccountSnapshot.UNKNOWN : v;
    }

    private static Boolean bool(ResultSet rs, int col) throws SQLException {
        boolean v = rs.getBoolean(col);
        return rs.wasNull() ? null : v;
    }

    private static List<String> list(ResultSet rs, int col) throws SQLException {
        Array a = rs.getArray(col);
        if (a == null) return List.of();
        Object[] v = (Object[]) a.getArray();
        List<String> out = new ArrayList<>(v.length);
        for (Object o : v) out.add(o == null ? null : o.toString());
        return out;
    }

    /** Counts, time range and top lists of the case, with totals from the ingest history. */
    public CaseInfo info(int top) {
        try {
            long posts = scalar("SELECT count(*) FROM posts");
            Map<String, Long> byPlatform = counts("SELECT platform, count(*) FROM posts GROUP BY 1 ORDER BY 2 DESC, 1");
            Map<String, Long> byKind = counts("SELECT kind, count(*) FROM posts GROUP BY 1 ORDER BY 2 DESC, 1");
            Long first = null, last = null;
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery("SELECT epoch_ms(min(time)), epoch_ms(max(time)) FROM posts")) {
                rs.next();
                long f = rs.getLong(1);
                if (!rs.wasNull()) {
                    first = f;
                    last = rs.getLong(2);
                }
            }
            long accounts = scalar("SELECT count(*) FROM (SELECT DISTINCT platform, account_id FROM posts)");
            List<CaseInfo.Count> tags = top("""
                    SELECT hashtag, hashtag, count(*) FROM post_hashtags GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT ?""", top);
            List<CaseInfo.Count> domains = top("""
                    SELECT domain, domain, count(DISTINCT (platform, post_id)) FROM post_urls WHERE domain IS NOT NULL
                    GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT ?""", top);
            List<CaseInfo.Count> authors = top("""
                    SELECT p.platform || ':' || p.account_id, any_value(a.handle), count(*) FROM posts p
                    LEFT JOIN accounts a ON a.platform = p.platform AND a.account_id = p.account_id
                    GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT ?""", top);
            CaseInfo.History h;
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT count(*), coalesce(sum(records), 0), coalesce(sum(stored), 0), coalesce(sum(duplicates), 0),
                      coalesce(sum(conflicts), 0), coalesce(sum(rejected), 0), coalesce(sum(warnings), 0), strftime(max(started_at), '%Y-%m-%dT%H:%M:%SZ'),
                      (SELECT count(*) FROM (SELECT arg_max(status, file_id) AS s FROM ingest_files
                         GROUP BY coalesce(fingerprint, path)) WHERE s NOT IN ('complete', 'failed'))
                    FROM ingest_files""")) {
                rs.next();
                h = new CaseInfo.History(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(9), rs.getString(8));
            }
            return new CaseInfo(posts, byPlatform, byKind, first, last, accounts, tags, domains, authors, h);
        } catch (SQLException e) {
            throw new StoreException("cannot summarise " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes every table as {@code DIR/<table>.parquet} (ZSTD-compressed); returns the files with their
     * row counts.
     */
    public Map<Path, Long> exportParquet(Path dir) {
        Map<Path, Long> out = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            try (Statement st = conn.createStatement()) {
                boolean results = Schema.hasResults(conn);
                for (String t : Schema.TABLES) {
                    if (!results && Schema.isResultsTable(t)) continue; // a version-2 case read as it is
                    Path f = dir.resolve(t + ".parquet");
                    String order = t.equals("posts") ? " ORDER BY time, platform, post_id" : "";
                    st.execute("COPY (SELECT * FROM " + t + order + ") TO '" + f.toAbsolutePath().toString().replace("'", "''")
                            + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
                    out.put(f, scalar("SELECT count(*) FROM " + t));
                }
            }
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot export to " + dir + ": " + org.lockstep.io.read.Errors.describe(e), e);
        }
        return out;
    }

    private List<CaseInfo.Count> top(String sql, int n) throws SQLException {
        List<CaseInfo.Count> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new CaseInfo.Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return out;
    }

    private Map<String, Long> counts(String sql) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }

    long scalar(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Why a case could not be opened, in plain words: locked (by which pid), not a database, permissions, disk. */
    static String openFailure(Path path, SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Could not set lock") || m.contains("Conflicting lock")) {
            java.util.regex.Matcher pid = java.util.regex.Pattern.compile("PID (\\d+)").matcher(m);
            return path + " is in use by another process" + (pid.find() ? " (pid " + pid.group(1) + ")" : "")
                    + ": DuckDB lets one process write a case at a time";
        }
        if (m.contains("not a valid DuckDB database")) {
            return path + " is not a DuckDB database (the file exists and holds something else)";
        }
        if (m.contains("older or newer") || m.contains("storage version")) {
            return path + " was written by another DuckDB version: " + firstLine(m);
        }
        String plain = org.lockstep.io.read.Errors.describe(e);
        return "cannot open " + path + " as a DuckDB database: " + (plain.equals(m) ? firstLine(m) : plain);
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new StoreException("closing " + path + " failed: " + e.getMessage(), e);
        }
    }
}
