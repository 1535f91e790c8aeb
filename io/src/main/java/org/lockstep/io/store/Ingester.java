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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Streams posts from the readers into the case database. A reader thread parses the input and prepares
 * each post (URL normalisation, lower-cased tags and mentions) into chunks handed over through a small
 * bounded queue; the calling thread appends them with the DuckDB appender into session-local staging
 * tables and, every {@code batchSize} posts (and at each file's end), moves the batch into the real
 * tables in one transaction together with the file's progress. A crash therefore loses at most the open
 * batch, and the progress row says how many posts of the file are safe, so the next ingest of the same
 * file (same fingerprint) skips them. All database work and every {@link IngestListener} call happen on
 * the calling thread.
 */
final class Ingester {
    /**
     * Moves the staged posts into {@code posts}. The primary-key index skips a post already stored (its
     * row is left alone, and it is not counted as inserted); posts repeated within the batch never reach
     * the staging table. No anti-join scans the stored posts, so the cost does not grow with the case.
     */
    private static final String INSERT_POSTS = System.getProperty("lockstep.ingest.antijoin") != null
            ? "INSERT INTO posts SELECT *, $1, $2 FROM stage_posts s WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.platform = s.platform AND p.post_id = s.post_id)"
            : "INSERT OR IGNORE INTO posts SELECT *, $1, $2 FROM stage_posts";

    private static final String[] CHILD_TABLES = {"post_urls", "post_hashtags", "post_mentions", "post_media"};
    private static final String[] STAGE_CHILD = {"stage_urls", "stage_hashtags", "stage_mentions", "stage_media"};

    /** Account columns merged field by field: the newest known value wins, an unknown never erases a known one. */
    private static final String[] ACCOUNT_FIELDS = {
        "handle", "display_name", "description", "location", "lang", "avatar_url", "created_at", "followers",
        "following", "posts", "default_profile", "default_avatar", "verified",
    };

    private static final String[] ACCOUNTS_SQL = accountsSql();
    /** WAL size that triggers a checkpoint during ingest (DuckDB's default, 16 MB, checkpoints every batch or two). */
    static final String CHECKPOINT_EVERY = "1GB";
    /** Posts per chunk handed from the reader thread to the writer, and chunks the queue holds. */
    private static final int CHUNK = 1024;
    private static final int QUEUE = 8;
    /**
     * Whether a second thread reads while this one writes ({@code -Dlockstep.ingest.pipeline=true}). Off by
     * default: on the shared 2-core benchmark machine it cost ~30% more CPU (each post is written long after
     * it was parsed, on another core, so it is no longer in cache, and the queue keeps posts alive through
     * young collections) and gave no wall-clock gain (docs/benchmarks.md).
     */
    static final boolean PIPELINE = Boolean.getBoolean("lockstep.ingest.pipeline");

    /** {@code -Dlockstep.ingest.trace=true} prints the writing thread's CPU time per step to stderr (benchmarks). */
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
    private final DuckDBConnection conn;
    private final int batchSize;
    private final IngestListener listener;
    private final IngestReport report = new IngestReport();
    private DuckDBAppender posts, urls, tags, mentions, media, accounts;
    private final long[] childRows = new long[4];
    /** Posts of the open batch, by platform and id: a repeat within the batch is a duplicate, not staged. */
    private final HashMap<String, HashSet<String>> batchKeys = new HashMap<>();
    /**
     * Authors of the open batch, by platform and id, with their newest known field values, merged into
     * {@code accounts} at commit (keyed without concatenating strings: hashing fresh keys was a hot spot).
     */
    private final HashMap<String, HashMap<String, Account>> batchAccounts = new HashMap<>();
    private String lastPlatform;
    private HashSet<String> lastKeys;
    private HashMap<String, Account> lastAccounts;
    private long staged;
    private long pending;
    private long totalRead;
    // the file being read
    private String file;
    private long fileId;
    private long skip;
    private long fileCommitted;
    private long fileStored, fileDuplicates, fileBatches;

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
        Path quarantine = options.quarantine();
        Path qtmp = null;
        if (quarantine != null) {
            Path parent = quarantine.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(quarantine, new byte[0]);
            qtmp = quarantine.resolveSibling(quarantine.getFileName() + ".part");
        }
        try {
            sql(Schema.STAGING);
            // checkpoint (compress the WAL into the file) rarely while loading, and once at the end; one
            // DuckDB thread: the batches are too small to gain from more, which cost ~30% more CPU (benchmarks.md)
            sql(new String[] {"SET checkpoint_threshold = '" + CHECKPOINT_EVERY + "'", "SET threads = 1"});
            openAppenders();
            for (String in : expand(inputs)) {
                long remaining = options.maxErrors() < 0 ? -1 : Math.max(0, options.maxErrors() - report.rejected());
                ReadOptions o = options.withMaxErrors(remaining).withQuarantine(qtmp);
                boolean stop = readFile(in, o, problems);
                if (qtmp != null) appendQuarantine(qtmp, quarantine);
                if (stop) break;
            }
        } catch (SQLException e) {
            throw new StoreException("writing the case database failed: " + e.getMessage(), e);
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
            StringBuilder sb = new StringBuilder("ingest trace (writing thread CPU s):");
            trace.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%.2f", k, v[0] / 1e9)));
            System.err.println(sb);
        }
        return report;
    }

    /** What the reader thread hands over at the end of a file: its report, or what stopped it. */
    private record End(ReadReport report, Throwable error) {}

    /** Stops the reader thread when the writer gives up. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("ingest cancelled", null, false, false);
        }
    }

    /** Reads one input; returns true when the error limit stopped reading. */
    private boolean readFile(String in, ReadOptions o, Consumer<Problem> problems) throws IOException, SQLException {
        startFile(in);
        End end = PIPELINE ? readThreaded(in, o, problems) : readDirect(in, o, problems);
        ReadReport rr;
        boolean stop = false;
        String status = "complete";
        if (end.error() instanceof TooManyErrorsException e) {
            rr = e.report();
            report.stopped(e.getMessage());
            status = "stopped";
            stop = true;
        } else if (end.error() != null) {
            markFile("interrupted");
            Throwable t = end.error();
            if (t instanceof IOException e) throw e;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException(t);
        } else {
            rr = end.report();
        }
        try {
            commit();
        } catch (SQLException | RuntimeException e) {
            markFile("interrupted");
            throw e;
        }
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

    /** Reads and writes on the calling thread. */
    private End readDirect(String in, ReadOptions o, Consumer<Problem> problems) {
        Preparer prep = new Preparer(null, null);
        try {
            return new End(Readers.read(List.of(in), o, p -> {
                try {
                    accept(prep.prepare(p));
                } catch (SQLException e) {
                    throw new StoreException("writing the case database failed: " + e.getMessage(), e);
                }
            }, problems), null);
        } catch (IOException | RuntimeException | Error e) {
            return new End(null, e);
        }
    }

    /** Reads on a second thread that hands prepared posts over through a bounded queue; writes on this one. */
    private End readThreaded(String in, ReadOptions o, Consumer<Problem> problems) throws SQLException {
        ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
        AtomicBoolean cancelled = new AtomicBoolean();
        Preparer prep = new Preparer(queue, cancelled);
        Thread reader = new Thread(() -> {
            Object end;
            try {
                ReadReport r = Readers.read(List.of(in), o, prep, problems);
                prep.flush();
                end = new End(r, null);
            } catch (Throwable e) {
                end = new End(null, e);
                // the posts read before the error limit stopped reading are kept
                if (e instanceof TooManyErrorsException) {
                    try {
                        prep.flush();
                    } catch (Cancelled c) {
                        return;
                    }
                }
            }
            if (cancelled.get()) return;
            try {
                queue.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lockstep-ingest-reader");
        reader.setDaemon(true);
        reader.start();
        End end;
        try {
            end = drain(queue);
        } catch (SQLException | RuntimeException | Error e) {
            cancelled.set(true);
            reader.interrupt();
            queue.clear();
            joinQuietly(reader);
            markFile("interrupted");
            throw e;
        }
        joinQuietly(reader);
        return end;
    }

    /** Writes chunks as they come until the reader's end marker, which it returns. */
    private End drain(ArrayBlockingQueue<Object> queue) throws SQLException {
        while (true) {
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("ingest interrupted", e);
            }
            if (o instanceof End end) return end;
            step("wait");
            for (Prepared p : (Prepared[]) o) {
                if (p == null) break;
                accept(p);
            }
            step("stage");
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                  posts_committed, stored, duplicates) VALUES (?, ?, ?, ?, now()::TIMESTAMP, 'running', ?, 0, ?, 0, 0)""")) {
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

    /** One post with what staging needs, computed on the reader thread. */
    private static final class Prepared {
        final Post post;
        final String platform;
        /** url, normalised url, host, domain for each distinct url. */
        final String[] urls;
        final String[] hashtags;
        final String[] mentions;

        Prepared(Post post, String platform, String[] urls, String[] hashtags, String[] mentions) {
            this.post = post;
            this.platform = platform;
            this.urls = urls;
            this.hashtags = hashtags;
            this.mentions = mentions;
        }
    }

    private static final String[] NONE = new String[0];

    /**
     * The readers' sink, on the reader thread: prepares each post and hands it over in chunks. Never throws
     * IllegalArgumentException, which the readers would take for a bad record.
     */
    private static final class Preparer implements Consumer<Post> {
        private final ArrayBlockingQueue<Object> queue;
        private final AtomicBoolean cancelled;
        private final HashMap<String, String> domains = new HashMap<>();
        private Prepared[] chunk = new Prepared[CHUNK];
        private int n;

        Preparer(ArrayBlockingQueue<Object> queue, AtomicBoolean cancelled) {
            this.queue = queue;
            this.cancelled = cancelled;
        }

        @Override
        public void accept(Post p) {
            chunk[n++] = prepare(p);
            if (n == CHUNK) flush();
        }

        void flush() {
            if (n == 0) return;
            if (cancelled.get()) throw new Cancelled();
            try {
                queue.put(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
            chunk = new Prepared[CHUNK];
            n = 0;
        }

        Prepared prepare(Post p) {
            String[] us = NONE;
            List<String> pu = p.urls();
            if (!pu.isEmpty()) {
                List<String> seen = new ArrayList<>(pu.size());
                for (String u : pu) {
                    if (u == null || u.isEmpty() || seen.contains(u)) continue;
                    seen.add(u);
                }
                us = new String[seen.size() * 4];
                for (int i = 0; i < seen.size(); i++) {
                    String u = seen.get(i);
                    String norm = UrlNormalizer.normalize(u);
                    String host = norm == null ? null : UrlNormalizer.host(norm);
                    us[4 * i] = u;
                    us[4 * i + 1] = norm;
                    us[4 * i + 2] = host;
                    us[4 * i + 3] = domain(host);
                }
            }
            return new Prepared(p, p.platform().label(), us, lower(p.hashtags()), lower(p.mentions()));
        }

        /** Lower-cased, each once, empty ones dropped. */
        private static String[] lower(List<String> in) {
            if (in.isEmpty()) return NONE;
            List<String> seen = new ArrayList<>(in.size());
            for (String h : in) {
                if (h == null || h.isEmpty()) continue;
                String l = h.toLowerCase(Locale.ROOT);
                if (!seen.contains(l)) seen.add(l);
            }
            return seen.toArray(NONE);
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
    }

    /** One post from the reader, on the writing thread. */
    private void accept(Prepared pp) throws SQLException {
        totalRead++;
        if ((totalRead & 4095) == 0) listener.posts(totalRead);
        if (skip > 0) {
            skip--;
            return;
        }
        stage(pp);
        if (++pending >= batchSize) commit();
    }

    private void stage(Prepared pp) throws SQLException {
        Post p = pp.post;
        mergeAccount(pp);
        String platform = pp.platform;
        String id = p.id();
        // a post repeated within the batch: the first one is staged, the others are duplicates
        if (!lastKeys.add(id)) return;
        staged++;
        posts.beginRow();
        posts.append(platform).append(id).append(p.accountId()).append(p.handle())
                .appendEpochMicros(p.timeMs() * 1000).append(p.kind().label()).append(p.text()).append(p.lang());
        ref(p.repostOf());
        ref(p.replyTo());
        ref(p.quoteOf());
        posts.endRow();

        String[] us = pp.urls;
        for (int i = 0, ord = 0; i < us.length; i += 4, ord++) {
            urls.beginRow();
            urls.append(platform).append(id).append(ord).append(us[i]).append(us[i + 1]).append(us[i + 2]).append(us[i + 3]);
            urls.endRow();
        }
        childRows[0] += us.length / 4;
        String[] hs = pp.hashtags;
        for (int ord = 0; ord < hs.length; ord++) {
            tags.beginRow();
            tags.append(platform).append(id).append(ord).append(hs[ord]);
            tags.endRow();
        }
        childRows[1] += hs.length;
        String[] ms = pp.mentions;
        for (int ord = 0; ord < ms.length; ord++) {
            mentions.beginRow();
            mentions.append(platform).append(id).append(ord).append(ms[ord]);
            mentions.endRow();
        }
        childRows[2] += ms.length;
        int ord = 0;
        for (Media m : p.media()) {
            if (m == null) continue;
            media.beginRow();
            media.append(platform).append(id).append(ord++).append(m.url()).append(m.type()).append(m.hash());
            media.endRow();
        }
        childRows[3] += ord;
    }

    private void ref(PostRef r) throws SQLException {
        if (r == null) posts.appendNull().appendNull().appendNull();
        else posts.append(r.postId()).append(r.accountId()).append(r.handle());
    }

    /**
     * The newest known value of each account field within a batch ({@code null} = no post said), with the
     * post time that gave it, and the times of the author's first and last post in the batch.
     */
    private static final class Account {
        final String platform, id;
        final Object[] values = new Object[ACCOUNT_FIELDS.length];
        final long[] times = new long[ACCOUNT_FIELDS.length];
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;

        Account(String platform, String id) {
            this.platform = platform;
            this.id = id;
        }

        void set(int field, Object v, long t) {
            if (v == null) return;
            if (values[field] == null || t >= times[field]) {
                values[field] = v;
                times[field] = t;
            }
        }
    }

    private void mergeAccount(Prepared pp) {
        Post p = pp.post;
        if (!pp.platform.equals(lastPlatform)) {
            lastPlatform = pp.platform;
            lastKeys = batchKeys.computeIfAbsent(pp.platform, k -> new HashSet<>());
            lastAccounts = batchAccounts.computeIfAbsent(pp.platform, k -> new HashMap<>());
        }
        Account acc = lastAccounts.get(p.accountId());
        if (acc == null) {
            acc = new Account(pp.platform, p.accountId());
            lastAccounts.put(p.accountId(), acc);
        }
        long t = p.timeMs();
        if (t < acc.first) acc.first = t;
        if (t > acc.last) acc.last = t;
        AccountSnapshot a = p.account();
        if (a == null) {
            acc.set(0, p.handle(), t);
            return;
        }
        acc.set(0, a.handle() != null ? a.handle() : p.handle(), t);
        acc.set(1, a.displayName(), t);
        acc.set(2, a.description(), t);
        acc.set(3, a.location(), t);
        acc.set(4, a.lang(), t);
        acc.set(5, a.avatarUrl(), t);
        acc.set(6, known(a.createdAtMs()), t);
        acc.set(7, known(a.followers()), t);
        acc.set(8, known(a.following()), t);
        acc.set(9, known(a.posts()), t);
        acc.set(10, a.defaultProfile(), t);
        acc.set(11, a.defaultAvatar(), t);
        acc.set(12, a.verified(), t);
    }

    private static Long known(long v) {
        return v == AccountSnapshot.UNKNOWN ? null : v;
    }

    private void stageAccounts() throws SQLException {
        for (HashMap<String, Account> byId : batchAccounts.values()) for (Account acc : byId.values()) {
            Object[] v = acc.values;
            accounts.beginRow();
            accounts.append(acc.platform).append(acc.id);
            for (int i = 0; i < 6; i++) accounts.append((String) v[i]);
            if (v[6] == null) accounts.appendNull();
            else accounts.appendEpochMicros((Long) v[6] * 1000);
            for (int i = 7; i < 10; i++) accounts.append((Long) v[i]);
            for (int i = 10; i < 13; i++) accounts.append((Boolean) v[i]);
            accounts.appendEpochMicros(acc.first * 1000).appendEpochMicros(acc.last * 1000);
            accounts.endRow();
        }
    }

    /** Moves the staged batch into the tables in one transaction, with the file's progress. */
    private void commit() throws SQLException {
        if (pending == 0) return;
        step("stage");
        stageAccounts();
        step("stage accounts");
        for (DuckDBAppender a : appenders()) a.flush();
        step("flush appenders");
        long batch = db.nextBatch();
        long stored;
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            try (PreparedStatement ps = conn.prepareStatement(INSERT_POSTS)) {
                ps.setString(1, file);
                ps.setLong(2, batch);
                stored = ps.executeUpdate();
            }
            step("insert posts");
            // child rows go in with their post only: all of them when every staged post was new
            for (int i = 0; i < CHILD_TABLES.length; i++) {
                if (childRows[i] == 0 || stored == 0) continue;
                if (stored == staged) {
                    st.execute("INSERT INTO " + CHILD_TABLES[i] + " SELECT * FROM " + STAGE_CHILD[i]);
                } else {
                    st.execute("INSERT INTO " + CHILD_TABLES[i] + " SELECT * FROM " + STAGE_CHILD[i]
                            + " c WHERE EXISTS (SELECT 1 FROM posts p WHERE p.batch = " + batch
                            + " AND p.platform = c.platform AND p.post_id = c.post_id)");
                }
            }
            step("insert children");
            for (int i = 0; i < ACCOUNTS_SQL.length; i++) {
                st.execute(ACCOUNTS_SQL[i]);
                step(i == 0 ? "merge accounts" : i == 1 ? "delete accounts" : "insert accounts");
            }
            long dup = pending - stored;
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO ingest_batches VALUES (?, ?, now()::TIMESTAMP, ?, ?, ?)")) {
                ps.setLong(1, batch);
                ps.setLong(2, fileId);
                ps.setLong(3, pending);
                ps.setLong(4, stored);
                ps.setLong(5, dup);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("""
                    UPDATE ingest_files SET batches = batches + 1, posts_committed = posts_committed + ?,
                      stored = stored + ?, duplicates = duplicates + ? WHERE file_id = ?""")) {
                ps.setLong(1, pending);
                ps.setLong(2, stored);
                ps.setLong(3, dup);
                ps.setLong(4, fileId);
                ps.executeUpdate();
            }
            step("progress rows");
            for (String t : Schema.STAGING_TABLES) st.execute("DELETE FROM " + t);
            step("clear staging");
            conn.commit();
            step("commit");
            report.batch(stored, dup);
            fileStored += stored;
            fileDuplicates += dup;
            fileBatches++;
            fileCommitted += pending;
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
            batchKeys.clear();
            batchAccounts.clear();
            lastPlatform = null;
            java.util.Arrays.fill(childRows, 0);
            staged = 0;
        }
        long n = pending;
        pending = 0;
        listener.batchCommitted(file, batch, n, stored, n - stored);
    }

    /**
     * Merges the batch's authors (one row each in {@code stage_accounts}, aggregated on the Java side) into
     * {@code accounts}: per field the value of the newest post that has one, an unknown never erasing a
     * known one. The merged rows replace the stored ones (delete and insert): DuckDB's {@code UPDATE} of
     * the same rows batch after batch grew dearer with every batch (version chains kept until a
     * checkpoint), up to 30 µs a post at a million posts; {@code ON CONFLICT DO UPDATE} needs an index.
     */
    private static String[] accountsSql() {
        StringBuilder sel = new StringBuilder();
        for (String f : ACCOUNT_FIELDS) {
            sel.append("CASE WHEN a.last_seen IS NULL OR n.last_seen >= a.last_seen THEN coalesce(n.").append(f)
                    .append(", a.").append(f).append(") ELSE coalesce(a.").append(f).append(", n.").append(f)
                    .append(") END, ");
        }
        return new String[] {
            "INSERT INTO stage_merged SELECT n.platform, n.account_id, " + sel
                    + "coalesce(least(a.first_seen, n.first_seen), n.first_seen), "
                    + "coalesce(greatest(a.last_seen, n.last_seen), n.last_seen) "
                    + "FROM stage_accounts n LEFT JOIN accounts a ON a.platform = n.platform AND a.account_id = n.account_id",
            "DELETE FROM accounts a USING stage_accounts n WHERE a.platform = n.platform AND a.account_id = n.account_id",
            "INSERT INTO accounts SELECT * FROM stage_merged",
        };
    }

    private void openAppenders() throws SQLException {
        posts = conn.createAppender("temp", "main", "stage_posts");
        urls = conn.createAppender("temp", "main", "stage_urls");
        tags = conn.createAppender("temp", "main", "stage_hashtags");
        mentions = conn.createAppender("temp", "main", "stage_mentions");
        media = conn.createAppender("temp", "main", "stage_media");
        accounts = conn.createAppender("temp", "main", "stage_accounts");
    }

    private DuckDBAppender[] appenders() {
        return new DuckDBAppender[] {posts, urls, tags, mentions, media, accounts};
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
