package org.lockstep.io.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;
import org.lockstep.core.url.UrlNormalizer;
import org.lockstep.io.read.Problem;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.ReadReport;
import org.lockstep.io.read.Readers;
import org.lockstep.io.read.TooManyErrorsException;

/**
 * Streams posts from the readers into the case database: the DuckDB appender fills session-local
 * staging tables, and every {@code batchSize} posts (and at each file's end) one transaction moves the
 * posts not yet stored into the real tables and records the file's progress. A crash therefore loses
 * at most the open batch, and the progress row says how many posts of the file are safe, so the next
 * ingest of the same file (same fingerprint) skips them.
 */
final class Ingester {
    private static final String[] COPY_SQL = {
        """
        CREATE OR REPLACE TEMP TABLE stage_new AS
        SELECT s.seq, s.platform, s.post_id FROM stage_posts s
        WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.platform = s.platform AND p.post_id = s.post_id)
        QUALIFY row_number() OVER (PARTITION BY s.platform, s.post_id ORDER BY s.seq) = 1""",
        """
        INSERT INTO posts SELECT s.platform, s.post_id, s.account_id, s.handle, epoch_ms(s.time_ms), s.kind, s.text, s.lang,
          s.repost_of, s.repost_of_account, s.repost_of_handle, s.reply_to, s.reply_to_account, s.reply_to_handle,
          s.quote_of, s.quote_of_account, s.quote_of_handle, s.ref_derived, $1, $2
        FROM stage_posts s JOIN stage_new n USING (seq) ORDER BY s.seq""",
        "INSERT INTO post_urls SELECT n.platform, n.post_id, u.ord, u.url, u.url_normalized, u.host, u.domain FROM stage_urls u JOIN stage_new n USING (seq)",
        "INSERT INTO post_hashtags SELECT n.platform, n.post_id, h.ord, h.hashtag FROM stage_hashtags h JOIN stage_new n USING (seq)",
        "INSERT INTO post_mentions SELECT n.platform, n.post_id, m.ord, m.handle FROM stage_mentions m JOIN stage_new n USING (seq)",
        "INSERT INTO post_media SELECT n.platform, n.post_id, m.ord, m.url, m.type, m.hash FROM stage_media m JOIN stage_new n USING (seq)",
    };

    /** Account columns merged field by field: the newest known value wins, an unknown never erases a known one. */
    private static final String[][] ACCOUNT_FIELDS = {
        {"handle", "a_handle"}, {"display_name", "a_display_name"}, {"description", "a_description"},
        {"location", "a_location"}, {"lang", "a_lang"}, {"avatar_url", "a_avatar_url"},
        {"created_at", "epoch_ms(a_created_ms)"}, {"followers", "a_followers"}, {"following", "a_following"},
        {"posts", "a_posts"}, {"default_profile", "a_default_profile"}, {"default_avatar", "a_default_avatar"},
        {"verified", "a_verified"},
    };

    private static final String[] ACCOUNTS_SQL = accountsSql();
    /** WAL size that triggers a checkpoint during ingest (DuckDB's default, 16 MB, checkpoints every batch or two). */
    static final String CHECKPOINT_EVERY = "1GB";

    /** {@code -Dlockstep.ingest.trace=true} prints the ingesting thread's CPU time per step to stderr (benchmarks). */
    private static final boolean TRACE = Boolean.getBoolean("lockstep.ingest.trace");
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final java.util.LinkedHashMap<String, long[]> trace = new java.util.LinkedHashMap<>();
    private long traceMark;

    /** Adds the CPU time since the last mark to {@code step}. */
    private void step(String step) {
        if (!TRACE) return;
        long now = THREADS.getCurrentThreadCpuTime();
        trace.computeIfAbsent(step, k -> new long[1])[0] += now - traceMark;
        traceMark = now;
    }

    private final CaseDb db;
    private DuckDBConnection conn;
    private final int batchSize;
    private final IngestListener listener;
    private final IngestReport report = new IngestReport();
    private DuckDBAppender posts, urls, tags, mentions, media;
    private final java.util.HashMap<String, String> domains = new java.util.HashMap<>();
    private long seq;
    private long pending;
    private long totalRead;
    // the file being read
    private String file;
    private long fileId;
    private long skip;
    private long fileCommitted;
    private long fileStored, fileDuplicates, fileBatches;
    /** Line of each staged post, by its {@code seq}. */
    private final it.unimi.dsi.fastutil.longs.LongArrayList lines = new it.unimi.dsi.fastutil.longs.LongArrayList();
    private Consumer<Problem> problems = p -> {};
    private Path quarantine;

    Ingester(CaseDb db, int batchSize, IngestListener listener) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
        this.db = db;
        this.conn = db.connection();
        this.batchSize = batchSize;
        this.listener = listener == null ? IngestListener.NONE : listener;
    }

    IngestReport run(List<String> inputs, ReadOptions options, Consumer<Problem> problems) throws IOException {
        long t0 = System.nanoTime();
        if (TRACE) traceMark = THREADS.getCurrentThreadCpuTime();
        this.problems = problems;
        Path quarantine = options.quarantine();
        this.quarantine = quarantine;
        Path qtmp = null;
        if (quarantine != null) {
            Path parent = quarantine.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(quarantine, new byte[0]);
            qtmp = quarantine.resolveSibling(quarantine.getFileName() + ".part");
        }
        try {
            session();
            for (String in : expand(inputs)) {
                long remaining = options.maxErrors() < 0 ? -1 : Math.max(0, options.maxErrors() - report.rejected());
                ReadOptions o = options.withMaxErrors(remaining).withQuarantine(qtmp);
                boolean stop = readFile(in, o, problems);
                if (qtmp != null) appendQuarantine(qtmp, quarantine);
                if (stop) break;
            }
        } catch (SQLException | StoreException e) {
            throw new StoreException("writing " + db.path() + " failed: " + cause(e), e, report);
        } finally {
            closeAppenders();
            try {
                step("other");
                sql(new String[] {"CHECKPOINT", "RESET checkpoint_threshold", "RESET threads"});
                step("final checkpoint");
            } catch (SQLException ignored) {
                // DuckDB checkpoints on its own later; the WAL keeps every committed batch meanwhile
            }
            if (qtmp != null) Files.deleteIfExists(qtmp);
        }
        report.seconds((System.nanoTime() - t0) / 1e9);
        if (TRACE) {
            StringBuilder sb = new StringBuilder("ingest trace (ingesting thread CPU s):");
            trace.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%.2f", k, v[0] / 1e9)));
            System.err.println(sb);
        }
        return report;
    }

    /** The connection's session state: staging tables, settings, appenders (again after a pause for readers). */
    private void session() throws SQLException {
        sql(Schema.STAGING);
        // checkpoint (compress the WAL into the file) rarely while loading, and once at the end; one
        // DuckDB thread: the batches are too small to gain from more, which cost ~30% more CPU (benchmarks.md)
        sql(new String[] {"SET checkpoint_threshold = '" + CHECKPOINT_EVERY + "'", "SET threads = 1"});
        openAppenders();
    }

    /**
     * After a committed batch, when readers asked for the case: lets them in and takes it back
     * (see {@link CaseDb#pauseForReaders}); the staging tables are empty at this point, nothing is lost.
     */
    private void yieldToReaders() throws SQLException {
        if (!db.readersWaiting()) return;
        closeAppenders();
        db.pauseForReaders();
        conn = db.connection();
        session();
        listener.pausedForReaders();
    }

    /** The root cause of a write failure in plain words ("disk full") or DuckDB's own first line. */
    private static String cause(Exception e) {
        Throwable root = e instanceof StoreException && e.getCause() != null ? e.getCause() : e;
        if (org.lockstep.io.read.Errors.isDiskFull(root)) return "disk full (no space left on the device)";
        String m = org.lockstep.io.read.Errors.describe(root);
        return m.startsWith("writing ") && m.contains(" failed: ") ? m.substring(m.indexOf(" failed: ") + 9) : m;
    }

    /** Reads one input; returns true when the error limit stopped reading. */
    private boolean readFile(String in, ReadOptions o, Consumer<Problem> problems) throws IOException, SQLException {
        startFile(in);
        ReadReport rr;
        boolean stop = false;
        String status = "complete";
        try {
            rr = Readers.readWithLines(List.of(in), o, this::accept, problems);
        } catch (TooManyErrorsException e) {
            rr = e.report();
            report.stopped(e.getMessage());
            status = "stopped";
            stop = true;
        } catch (RuntimeException | IOException e) {
            markFile("interrupted");
            throw e;
        }
        commit();
        report.add(rr);
        if (rr.filesFailed() > 0 && rr.posts() == 0) status = "failed";
        try (PreparedStatement ps = conn.prepareStatement("""
                UPDATE ingest_files SET finished_at = now()::TIMESTAMP, status = ?, records = ?, posts_read = ?,
                  rejected = ?, warnings = ?, formats = ? WHERE file_id = ?""")) {
            ps.setString(1, status);
            ps.setLong(2, rr.records());
            ps.setLong(3, rr.posts());
            ps.setLong(4, rr.rejected());
            ps.setLong(5, rr.warnings());
            ps.setString(6, String.join(",", rr.postsByFormat().keySet()));
            ps.setLong(7, fileId);
            ps.executeUpdate();
        }
        listener.fileFinished(in);
        return stop;
    }

    private void startFile(String in) throws IOException, SQLException {
        file = in.equals("-") ? "<stdin>" : Path.of(in).toAbsolutePath().normalize().toString();
        long size = -1;
        String fp = null;
        if (!in.equals("-") && Files.isRegularFile(Path.of(in)) && Files.isReadable(Path.of(in))) {
            size = Files.size(Path.of(in));
            fp = Fingerprint.of(Path.of(in));
        }
        skip = 0;
        if (fp != null) {
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT status, posts_committed, strftime(started_at, '%Y-%m-%dT%H:%M:%SZ'), path FROM ingest_files WHERE fingerprint = ?
                    ORDER BY file_id DESC LIMIT 1""")) {
                ps.setString(1, fp);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        String st = rs.getString(1);
                        long committed = rs.getLong(2);
                        String when = rs.getString(3);
                        if (!st.equals("complete") && !st.equals("failed") && committed > 0) {
                            skip = committed;
                            report.note("resuming " + file + ": an ingest started " + when + " stopped ("
                                    + st + ") after committing " + committed + " posts of it; they are skipped");
                        } else if (st.equals("complete")) {
                            report.note(file + " was ingested completely before (" + when
                                    + "); it is read again and its posts count as duplicates");
                        }
                    }
                }
            }
        }
        fileId = db.nextFileId();
        fileCommitted = skip;
        fileStored = fileDuplicates = fileBatches = 0;
        try (PreparedStatement ps = conn.prepareStatement("""
                INSERT INTO ingest_files (file_id, path, size, fingerprint, started_at, status, resumed_after, batches,
                  posts_committed, stored, duplicates, conflicts) VALUES (?, ?, ?, ?, now()::TIMESTAMP, 'running', ?, 0, ?, 0, 0, 0)""")) {
            ps.setLong(1, fileId);
            ps.setString(2, file);
            if (size < 0) ps.setNull(3, java.sql.Types.BIGINT);
            else ps.setLong(3, size);
            ps.setString(4, fp);
            ps.setLong(5, skip);
            ps.setLong(6, skip);
            ps.executeUpdate();
        }
        report.resumed(skip);
        listener.fileStarted(file, size, skip);
    }

    private void markFile(String status) {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE ingest_files SET status = ? WHERE file_id = ?")) {
            ps.setString(1, status);
            ps.setLong(2, fileId);
            ps.executeUpdate();
        } catch (SQLException ignored) {
            // the row keeps 'running', which reads as interrupted too
        }
    }

    /** The post sink: never throws IllegalArgumentException, which the readers would take for a bad record. */
    private void accept(Post p, long line) {
        totalRead++;
        if ((totalRead & 4095) == 0) listener.posts(totalRead);
        if (skip > 0) {
            skip--;
            return;
        }
        try {
            lines.add(line);
            stage(p);
            if (++pending >= batchSize) commit();
        } catch (SQLException e) {
            throw new StoreException("writing the case database failed: " + cause(e), e);
        }
    }

    private void stage(Post p) throws SQLException {
        long s = seq++;
        posts.beginRow();
        posts.append(s).append(p.platform().label()).append(p.id()).append(p.accountId()).append(p.handle())
                .append(p.timeMs()).append(p.kind().label()).append(p.text()).append(p.lang());
        ref(p.repostOf());
        ref(p.replyTo());
        ref(p.quoteOf());
        posts.append(p.derivedRef());
        AccountSnapshot a = p.account();
        if (a == null) {
            posts.append(p.handle());
            for (int i = 0; i < 5; i++) posts.append((String) null);
            for (int i = 0; i < 4; i++) posts.append((Long) null);
            for (int i = 0; i < 3; i++) posts.append((Boolean) null);
        } else {
            posts.append(a.handle() != null ? a.handle() : p.handle()).append(a.displayName()).append(a.description())
                    .append(a.location()).append(a.lang()).append(a.avatarUrl());
            num(a.createdAtMs());
            num(a.followers());
            num(a.following());
            num(a.posts());
            posts.append(a.defaultProfile()).append(a.defaultAvatar()).append(a.verified());
        }
        posts.endRow();

        int ord = 0;
        List<String> seen = new ArrayList<>(4);
        for (String u : p.urls()) {
            if (u == null || u.isEmpty() || seen.contains(u)) continue;
            seen.add(u);
            String n = UrlNormalizer.normalize(u);
            String host = n == null ? null : UrlNormalizer.host(n);
            urls.beginRow();
            urls.append(s).append(ord++).append(u).append(n).append(host).append(domain(host));
            urls.endRow();
        }
        ord = 0;
        seen.clear();
        for (String h : p.hashtags()) {
            if (h == null || h.isEmpty()) continue;
            String l = h.toLowerCase(Locale.ROOT);
            if (seen.contains(l)) continue;
            seen.add(l);
            tags.beginRow();
            tags.append(s).append(ord++).append(l);
            tags.endRow();
        }
        ord = 0;
        seen.clear();
        for (String m : p.mentions()) {
            if (m == null || m.isEmpty()) continue;
            String l = m.toLowerCase(Locale.ROOT);
            if (seen.contains(l)) continue;
            seen.add(l);
            mentions.beginRow();
            mentions.append(s).append(ord++).append(l);
            mentions.endRow();
        }
        ord = 0;
        for (Media m : p.media()) {
            if (m == null) continue;
            media.beginRow();
            media.append(s).append(ord++).append(m.url()).append(m.type()).append(m.hash());
            media.endRow();
        }
    }

    /** Registrable domain of a host, cached: the public-suffix lookup is the dearest part of staging a URL. */
    private String domain(String host) {
        if (host == null) return null;
        String d = domains.get(host);
        if (d == null && !domains.containsKey(host)) {
            if (domains.size() >= 200_000) domains.clear();
            d = UrlNormalizer.registrableDomain(host);
            domains.put(host, d);
        }
        return d;
    }

    private void ref(PostRef r) throws SQLException {
        if (r == null) posts.append((String) null).append((String) null).append((String) null);
        else posts.append(r.postId()).append(r.accountId()).append(r.handle());
    }

    private void num(long v) throws SQLException {
        if (v == AccountSnapshot.UNKNOWN) posts.append((Long) null);
        else posts.append(v);
    }

    /** Moves the staged batch into the tables in one transaction, with the file's progress. */
    private void commit() throws SQLException {
        if (pending == 0) return;
        step("read+stage");
        for (DuckDBAppender a : appenders()) a.flush();
        step("flush appenders");
        long batch = db.nextBatch();
        long stored;
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            st.execute(COPY_SQL[0]);
            step("find new posts");
            try (PreparedStatement ps = conn.prepareStatement(COPY_SQL[1])) {
                ps.setString(1, file);
                ps.setLong(2, batch);
                stored = ps.executeUpdate();
            }
            step("insert posts");
            for (int i = 2; i < COPY_SQL.length; i++) st.execute(COPY_SQL[i]);
            step("insert children");
            for (int i = 0; i < ACCOUNTS_SQL.length; i++) {
                st.execute(ACCOUNTS_SQL[i]);
                step("accounts " + i);
            }
            long dup = pending - stored;
            List<Conflict> conflicts = dup > 0 ? conflicts(st) : List.of();
            step("conflicts");
            // duplicates: posts already in the case as they are; conflicts: the same id with other content
            long exact = dup - conflicts.size();
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO ingest_batches (batch, file_id, committed_at, posts, stored, duplicates, conflicts) "
                            + "VALUES (?, ?, now()::TIMESTAMP, ?, ?, ?, ?)")) {
                ps.setLong(1, batch);
                ps.setLong(2, fileId);
                ps.setLong(3, pending);
                ps.setLong(4, stored);
                ps.setLong(5, exact);
                ps.setLong(6, conflicts.size());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("""
                    UPDATE ingest_files SET batches = batches + 1, posts_committed = posts_committed + ?,
                      stored = stored + ?, duplicates = duplicates + ?, conflicts = conflicts + ? WHERE file_id = ?""")) {
                ps.setLong(1, pending);
                ps.setLong(2, stored);
                ps.setLong(3, exact);
                ps.setLong(4, conflicts.size());
                ps.setLong(5, fileId);
                ps.executeUpdate();
            }
            for (String t : new String[] {"stage_posts", "stage_urls", "stage_hashtags", "stage_mentions", "stage_media", "stage_new", "stage_accounts"}) {
                st.execute("DELETE FROM " + t);
            }
            step("progress+clear");
            conn.commit();
            step("commit");
            report.batch(stored, exact);
            report.conflicts(conflicts.size());
            reportConflicts(conflicts);
            fileStored += stored;
            fileDuplicates += dup;
            fileBatches++;
            fileCommitted += pending;
        } catch (SQLException | RuntimeException e) {
            try {
                conn.rollback();
            } catch (SQLException r) {
                // a failed commit (e.g. disk full) already ended the transaction: the first error is the one to tell
                e.addSuppressed(r);
            }
            throw e;
        } finally {
            try {
                conn.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is broken; the first error is already on its way
            }
        }
        long n = pending;
        pending = 0;
        seq = 0;
        lines.clear();
        listener.batchCommitted(file, batch, n, stored, n - stored);
        yieldToReaders();
    }

    /** A staged post whose platform and id were stored before with other content. */
    private record Conflict(long seq, String platform, String postId, String differs, String raw) {}

    /**
     * The staged posts not stored because their platform and id were in the case already (from an earlier
     * batch, an earlier ingest, or earlier in this batch) with other content: account, time, kind, text or
     * referenced posts. Runs inside the batch's transaction, after the new posts were inserted, and only
     * when the batch had duplicates.
     */
    private static List<Conflict> conflicts(Statement st) throws SQLException {
        List<Conflict> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("""
                SELECT s.seq, s.platform, s.post_id, concat_ws(', ',
                    CASE WHEN p.account_id IS DISTINCT FROM s.account_id THEN 'account' END,
                    CASE WHEN epoch_ms(p.time) <> s.time_ms THEN 'time' END,
                    CASE WHEN p.kind <> s.kind THEN 'kind' END,
                    CASE WHEN p.repost_of IS DISTINCT FROM s.repost_of OR p.reply_to IS DISTINCT FROM s.reply_to
                      OR p.quote_of IS DISTINCT FROM s.quote_of THEN 'referenced post' END,
                    CASE WHEN p.text IS DISTINCT FROM s.text THEN 'text' END) AS differs,
                  to_json(struct_pack(platform := s.platform, id := s.post_id, account_id := s.account_id,
                    handle := s.handle, time := strftime(epoch_ms(s.time_ms), '%Y-%m-%dT%H:%M:%S.%gZ'), kind := s.kind,
                    text := s.text, repost_of := s.repost_of, reply_to := s.reply_to, quote_of := s.quote_of))::VARCHAR
                FROM stage_posts s JOIN posts p ON p.platform = s.platform AND p.post_id = s.post_id
                WHERE NOT EXISTS (SELECT 1 FROM stage_new n WHERE n.seq = s.seq)
                  AND (p.account_id IS DISTINCT FROM s.account_id OR epoch_ms(p.time) <> s.time_ms OR p.kind <> s.kind
                    OR p.repost_of IS DISTINCT FROM s.repost_of OR p.reply_to IS DISTINCT FROM s.reply_to
                    OR p.quote_of IS DISTINCT FROM s.quote_of OR p.text IS DISTINCT FROM s.text)
                ORDER BY s.seq""")) {
            while (rs.next()) out.add(new Conflict(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
        return out;
    }

    /** Tells the listener of each conflict (file and line) and appends it to the quarantine file. */
    private void reportConflicts(List<Conflict> conflicts) {
        if (conflicts.isEmpty()) return;
        for (Conflict c : conflicts) {
            long line = c.seq() < lines.size() ? lines.getLong((int) c.seq()) : 0;
            Problem p = new Problem(file, line, Problem.Severity.WARNING, "conflicting duplicate: " + c.platform()
                    + " post " + c.postId() + " is in the case with another " + c.differs()
                    + "; the first is kept, this one is not stored");
            report.problem(p);
            problems.accept(p);
        }
        if (quarantine == null) return;
        try (BufferedWriter w = Files.newBufferedWriter(quarantine, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
            for (Conflict c : conflicts) {
                var o = m.createObjectNode();
                o.put("file", file);
                o.put("line", c.seq() < lines.size() ? lines.getLong((int) c.seq()) : 0);
                o.put("reason", "conflicting duplicate: " + c.platform() + " post " + c.postId() + " is in the case with another "
                        + c.differs() + "; the first is kept");
                o.put("raw", c.raw());
                w.write(o.toString());
                w.write('\n');
            }
        } catch (IOException e) {
            throw new StoreException("cannot write the quarantine file " + quarantine + ": "
                    + org.lockstep.io.read.Errors.describe(e), e);
        }
    }

    /**
     * Merges the batch's authors into {@code accounts}: per field the value of the newest post that has
     * one; existing rows are updated in place, new ones inserted (an update and an insert are much
     * cheaper in DuckDB than {@code ON CONFLICT DO UPDATE}).
     */
    private static String[] accountsSql() {
        StringBuilder agg = new StringBuilder();
        StringBuilder upd = new StringBuilder();
        StringBuilder cols = new StringBuilder();
        for (String[] f : ACCOUNT_FIELDS) {
            agg.append("arg_max(").append(f[1]).append(", time_ms) FILTER (WHERE ").append(f[1]).append(" IS NOT NULL) AS ")
                    .append(f[0]).append(", ");
            cols.append(f[0]).append(", ");
            upd.append(f[0]).append(" = CASE WHEN n.last_seen >= a.last_seen THEN coalesce(n.").append(f[0])
                    .append(", a.").append(f[0]).append(") ELSE coalesce(a.").append(f[0]).append(", n.").append(f[0])
                    .append(") END, ");
        }
        return new String[] {
            "CREATE OR REPLACE TEMP TABLE stage_accounts AS SELECT platform, account_id, " + agg
                    + "epoch_ms(min(time_ms)) AS first_seen, epoch_ms(max(time_ms)) AS last_seen FROM stage_posts GROUP BY platform, account_id",
            "UPDATE accounts AS a SET " + upd + "first_seen = least(a.first_seen, n.first_seen), "
                    + "last_seen = greatest(a.last_seen, n.last_seen) FROM stage_accounts n "
                    + "WHERE a.platform = n.platform AND a.account_id = n.account_id",
            "INSERT INTO accounts SELECT platform, account_id, " + cols + "first_seen, last_seen FROM stage_accounts n "
                    + "WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.platform = n.platform AND a.account_id = n.account_id)",
        };
    }

    private void openAppenders() throws SQLException {
        posts = conn.createAppender("temp", "main", "stage_posts");
        urls = conn.createAppender("temp", "main", "stage_urls");
        tags = conn.createAppender("temp", "main", "stage_hashtags");
        mentions = conn.createAppender("temp", "main", "stage_mentions");
        media = conn.createAppender("temp", "main", "stage_media");
    }

    private DuckDBAppender[] appenders() {
        return new DuckDBAppender[] {posts, urls, tags, mentions, media};
    }

    private void closeAppenders() {
        for (DuckDBAppender a : appenders()) {
            if (a == null) continue;
            try {
                a.close();
            } catch (SQLException ignored) {
                // staging data is session-local and thrown away anyway
            }
        }
    }

    private void sql(String[] statements) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String s : statements) st.execute(s);
        }
    }

    /** Files in the order the readers would read them: directories recursively, in name order. */
    static List<String> expand(List<String> inputs) throws IOException {
        List<String> out = new ArrayList<>();
        for (String in : inputs) {
            Path p = in.equals("-") ? null : Path.of(in);
            if (p != null && Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(f -> out.add(f.toString()));
                }
            } else {
                out.add(in);
            }
        }
        return out;
    }

    private static void appendQuarantine(Path part, Path target) throws IOException {
        if (!Files.exists(part)) return;
        try (Stream<String> lines = Files.lines(part, StandardCharsets.UTF_8);
                BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            for (String l : (Iterable<String>) lines::iterator) {
                if (l.isBlank()) continue;
                w.write(l);
                w.write('\n');
            }
        }
    }
}
