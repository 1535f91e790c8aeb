package org.lockstep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.lockstep.io.read.Problem;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.store.CaseDb;
import org.lockstep.io.store.IngestListener;
import org.lockstep.io.store.IngestReport;
import org.lockstep.io.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Loads posts into a case database (DuckDB), in committed batches.",
                "Re-ingesting a file adds nothing (its posts count as duplicates); an interrupted ingest is resumed "
                        + "by running the same command again."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything readable was read", "1:the database could not be written",
                "2:usage error", "3:nothing could be read", "4:more records rejected than --max-errors (committed batches stay)"})
final class IngestCommand implements Callable<Integer> {
    @Mixin InputOptions input;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + CaseDb.DEFAULT_BATCH,
            description = "Posts per committed transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--json", description = "Print one JSON object with the counts instead of the summary.")
    boolean json;

    @Option(names = "--show-problems", paramLabel = "N", defaultValue = "20",
            description = "Print at most N problems to stderr (default: ${DEFAULT-VALUE}).")
    int showProblems;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (input.db == null) {
            err.println("lockstep ingest: --db FILE is required (the case database to load into)");
            return Main.USAGE;
        }
        if (input.files.isEmpty()) {
            err.println("lockstep ingest: no input; give files, directories or - for standard input");
            return Main.USAGE;
        }
        if (batchSize < 1) {
            err.println("lockstep ingest: --batch-size must be at least 1");
            return Main.USAGE;
        }
        ReadOptions options;
        try {
            options = input.readOptions();
        } catch (IllegalArgumentException e) {
            err.println("lockstep ingest: " + e.getMessage());
            return Main.USAGE;
        }
        String bad = Preflight.inputs(input.files);
        if (bad != null) {
            err.println("lockstep ingest: " + bad);
            return Main.USAGE;
        }
        Path dbDir = input.db.toAbsolutePath().getParent();
        bad = dbDir == null ? null : Preflight.writableDir(dbDir);
        if (bad != null) {
            err.println("lockstep ingest: " + bad + ". Nothing was read or written" + next(bad) + ".");
            return Main.FAILED;
        }
        // a case takes about as much room as its uncompressed input; gzip input about 5 times its size
        long estimate = Math.max(1L << 20, Preflight.size(input.files) * 2);
        if (dbDir != null && (bad = Preflight.space(dbDir, estimate / 4)) != null) {
            err.println("lockstep ingest: " + bad + ". Nothing was read or written" + next(bad) + ".");
            return Main.FAILED;
        } else if (dbDir != null && (bad = Preflight.space(dbDir, estimate)) != null) {
            err.println("lockstep ingest: warning: " + bad + " (a rough estimate); every batch is committed, so a full disk"
                    + " costs at most the open batch");
        }
        InputOptions.ProblemPrinter problems = new InputOptions.ProblemPrinter(err, showProblems);
        IngestReport r;
        boolean existed = Files.exists(input.db);
        CaseDb db;
        try {
            db = CaseDb.open(input.db);
        } catch (StoreException e) {
            err.println("lockstep ingest: " + e.getMessage() + ". Nothing was read or written"
                    + next(e.getMessage()) + ".");
            return Main.FAILED;
        }
        Progress progress = System.console() != null && !json ? new Progress(input.files, err) : null;
        Thread hook = new Thread(() -> err.println("lockstep ingest: interrupted; every committed batch is kept in "
                + input.db + ". Run the same command again to resume."));
        Runtime.getRuntime().addShutdownHook(hook);
        long dbPosts;
        try {
            try {
                r = db.ingest(input.files, options, batchSize, problems, progress != null ? progress : IngestListener.NONE);
            } finally {
                if (progress != null) progress.close();
            }
            dbPosts = db.postCount();
        } catch (StoreException e) {
            IngestReport part = e.partial();
            err.println("lockstep ingest: " + e.getMessage());
            if (part != null && part.batches() > 0) {
                err.println("Committed before the failure and kept in " + input.db + ": " + fmt(part.stored()) + " new posts in "
                        + fmt(part.batches()) + (part.batches() == 1 ? " batch" : " batches") + " of this run"
                        + next(e.getMessage()) + "; then run the same command again: committed posts are skipped.");
            } else {
                err.println("Nothing of this run was committed" + next(e.getMessage()) + "; then run the same command again.");
            }
            closeQuietly(db);
            return Main.FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
        try {
            db.close();
        } catch (StoreException e) {
            // every batch was committed (in the write-ahead log): the case is whole, DuckDB replays the log on the next open
            err.println("lockstep ingest: warning: closing " + input.db + " failed (" + e.getMessage() + "); every batch was "
                    + "committed and is replayed from the write-ahead log when the case is next opened" + next(e.getMessage()) + ".");
        }
        if (!existed && dbPosts == 0) removeEmptyCase();
        problems.finish(input.quarantine);
        if (json) out.println(json(r, dbPosts));
        else summary(out, r, dbPosts);
        if (r.stopped() != null) {
            err.println("lockstep ingest: " + r.stopped() + ". The " + fmt(r.stored())
                    + " posts stored so far are committed; run the same command again (with a higher --max-errors) to resume.");
            return Main.TOO_MANY_ERRORS;
        }
        if (r.postsRead() == 0 && r.resumed() == 0) {
            err.println("lockstep ingest: nothing could be read from the input (" + r.files() + " file(s), "
                    + fmt(r.records()) + " records, " + fmt(r.rejected()) + " rejected" + (r.filesFailed() > 0
                            ? ", " + r.filesFailed() + " unreadable" : "") + ")");
            return Main.NOTHING_READ;
        }
        return Main.OK;
    }

    /** "; what to do" for a failure message, or nothing when there is no specific advice. */
    private static String next(String cause) {
        String n = Preflight.nextStep(cause);
        return n.isEmpty() ? "" : "; " + n;
    }

    private static void closeQuietly(CaseDb db) {
        try {
            db.close();
        } catch (RuntimeException ignored) {
            // already failing: the first error is the one reported
        }
    }

    /** A case this run created and left without posts (empty or unreadable input) is not left behind. */
    private void removeEmptyCase() {
        try {
            Files.deleteIfExists(input.db);
            Files.deleteIfExists(Path.of(input.db + ".wal"));
            System.err.println("lockstep ingest: no post was stored, so " + input.db + " was not kept.");
        } catch (IOException e) {
            System.err.println("lockstep ingest: warning: could not remove the empty case " + input.db + ": "
                    + org.lockstep.io.read.Errors.describe(e));
        }
    }

    private void summary(PrintStream out, IngestReport r, long dbPosts) {
        double rate = r.seconds() > 0 ? r.postsRead() / r.seconds() : 0;
        out.printf(Locale.ROOT, "Read %s records from %d file%s in %.1f s (%s posts/s)%n", fmt(r.records()), r.files(),
                r.files() == 1 ? "" : "s", r.seconds(), fmt((long) rate));
        out.println("  stored      " + fmt(r.stored()));
        out.println("  duplicates  " + fmt(r.duplicates()) + "  (already in the database or repeated in the input)");
        if (r.conflicts() > 0) {
            out.println("  conflicts   " + fmt(r.conflicts()) + "  (same id as a stored post but other content; the first is kept"
                    + (input.quarantine != null ? ", these are in " + input.quarantine : "; --quarantine FILE keeps them") + ")");
        }
        if (r.resumed() > 0) out.println("  resumed     " + fmt(r.resumed()) + "  (committed by an interrupted ingest, skipped)");
        out.println("  rejected    " + fmt(r.rejected()));
        out.println("  warnings    " + fmt(r.warnings()));
        if (r.filesFailed() > 0) out.println("  unreadable  " + r.filesFailed() + " file(s)");
        StringBuilder formats = new StringBuilder();
        for (Map.Entry<String, Long> e : r.byFormat().entrySet()) {
            if (formats.length() > 0) formats.append(", ");
            formats.append(e.getKey()).append(' ').append(fmt(e.getValue()));
        }
        if (formats.length() > 0) out.println("  formats     " + formats);
        for (String n : r.notes()) out.println("Note: " + n);
        out.println(input.db + " holds " + fmt(dbPosts) + " posts (" + fmt(r.batches()) + (r.batches() == 1 ? " batch" : " batches") + " committed in this run).");
    }

    private String json(IngestReport r, long dbPosts) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("db", input.db.toString());
        o.put("records", r.records());
        o.put("posts_read", r.postsRead());
        o.put("stored", r.stored());
        o.put("duplicates", r.duplicates());
        o.put("conflicts", r.conflicts());
        o.put("resumed", r.resumed());
        o.put("rejected", r.rejected());
        o.put("warnings", r.warnings());
        o.put("files", r.files());
        o.put("files_failed", r.filesFailed());
        o.put("batches", r.batches());
        ObjectNode by = o.putObject("by_format");
        r.byFormat().forEach(by::put);
        o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        o.put("posts_per_second", r.seconds() > 0 ? Math.round(r.postsRead() / r.seconds()) : 0);
        o.put("db_posts", dbPosts);
        if (r.stopped() != null) o.put("stopped", r.stopped());
        else o.putNull("stopped");
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        ArrayNode ps = o.putArray("problems");
        for (Problem p : r.problems().subList(0, Math.min(showProblems, r.problems().size()))) {
            ObjectNode n = ps.addObject();
            n.put("file", p.file());
            n.put("line", p.line());
            n.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
            n.put("reason", p.reason());
        }
        return o.toString();
    }

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * A progress bar over the input bytes (rate and ETA), shown only on a terminal. The position inside
     * the current file is read from {@code /proc/self/fdinfo} where there is one (Linux); elsewhere the
     * bar moves file by file.
     */
    static final class Progress implements IngestListener {
        private final ProgressBar bar;
        private long doneBytes;
        private long fileSize;
        private Path current;
        private String fd;
        private long posts;
        private long committed;
        private final long t0 = System.nanoTime();

        Progress(List<String> inputs, PrintStream err) {
            long total = 0;
            boolean known = true;
            for (String in : inputs) {
                try {
                    if (in.equals("-")) {
                        known = false;
                    } else if (Files.isDirectory(Path.of(in))) {
                        try (var s = Files.walk(Path.of(in))) {
                            total += s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                        }
                    } else {
                        total += Files.size(Path.of(in));
                    }
                } catch (IOException | RuntimeException e) {
                    known = false;
                }
            }
            bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(known ? Math.max(1, total >> 20) : -1)
                    .setUnit(" MB", 1).setStyle(ProgressBarStyle.ASCII).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(500).build();
        }

        @Override
        public void fileStarted(String file, long size, long skipping) {
            current = file.startsWith("<") ? null : Path.of(file);
            fileSize = Math.max(0, size);
            fd = null;
        }

        @Override
        public void posts(long postsRead) {
            posts = postsRead;
            long pos = position();
            bar.stepTo((doneBytes + Math.min(pos, fileSize)) >> 20);
            double s = (System.nanoTime() - t0) / 1e9;
            bar.setExtraMessage(" " + fmt(posts) + " posts, " + fmt((long) (posts / Math.max(s, 1e-3))) + "/s, "
                    + fmt(committed) + " committed");
        }

        @Override
        public void fileFinished(String file) {
            doneBytes += fileSize;
            fileSize = 0;
            bar.stepTo(doneBytes >> 20);
        }

        @Override
        public void batchCommitted(String file, long batch, long posts, long stored, long duplicates) {
            committed += posts;
            bar.setExtraMessage(" " + fmt(this.posts) + " posts read, " + fmt(committed) + " committed");
        }

        private long position() {
            if (current == null) return 0;
            try {
                if (fd == null) {
                    Path fds = Path.of("/proc/self/fd");
                    if (!Files.isDirectory(fds)) return 0;
                    try (var s = Files.list(fds)) {
                        for (Path p : (Iterable<Path>) s::iterator) {
                            try {
                                if (Files.readSymbolicLink(p).equals(current)) {
                                    fd = p.getFileName().toString();
                                    break;
                                }
                            } catch (IOException | UnsupportedOperationException ignored) {
                                // fds come and go
                            }
                        }
                    }
                    if (fd == null) return 0;
                }
                for (String l : Files.readAllLines(Path.of("/proc/self/fdinfo", fd))) {
                    if (l.startsWith("pos:")) return Long.parseLong(l.substring(4).strip());
                }
            } catch (IOException | RuntimeException e) {
                fd = null;
            }
            return 0;
        }

        void close() {
            bar.close();
        }
    }
}
