package org.lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.CsvMapping;
import org.lockstep.io.read.Format;
import org.lockstep.io.read.Problem;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.ReadReport;
import org.lockstep.io.read.Readers;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where an analysis command gets its posts: a case database ({@code --db}) or files read directly
 * (with the reader options). Shared by the analysis commands as a picocli mixin.
 */
final class InputOptions {
    @Option(names = "--db", paramLabel = "case.duckdb", description = "Case database made by 'lockstep ingest'.")
    Path db;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Input files or directories ('-' = standard input); format detected from content, plain or gzip.")
    List<String> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Force the input format (json, twitter-v1, twitter-v2, twitter-io-csv, ira-csv, coortweet-csv, toolkit-csv, "
                    + "bluesky-jetstream, mastodon, telegram, csv).")
    String format;

    @Option(names = "--map", paramLabel = "FIELD=COLUMN[,...]",
            description = "Column mapping for CSV of no known layout, e.g. id=tweet_id,account=user,time=created,text=body.")
    String map;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "-1",
            description = "Stop when more than N records are rejected (default: never stop).")
    long maxErrors;

    @Option(names = "--quarantine", paramLabel = "FILE", description = "Write rejected raw records here (JSON lines).")
    Path quarantine;

    /** Posts loaded, with where they came from and what reading met (null report for a database). */
    record Loaded(PostTable table, ReadReport report, long duplicates, String source) {}

    /** Thrown with an exit code and a message for the user. */
    static final class InputException extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        InputException(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /** Loads the posts; problems are printed to {@code err} as they happen (the first 20 of them). */
    Loaded load(boolean keepText, PrintWriter err) throws IOException, InputException {
        if (db != null && !files.isEmpty()) throw new InputException(Main.USAGE, "give either --db or FILE arguments, not both");
        if (db == null && files.isEmpty()) throw new InputException(Main.USAGE, "no input: give FILE arguments or --db case.duckdb");
        if (db != null) {
            if (!Files.exists(db)) throw new InputException(Main.NOTHING_READ, "no case database at " + db);
            return loadDatabase(keepText);
        }
        ReadOptions opts = ReadOptions.defaults().withMaxErrors(maxErrors);
        if (format != null) {
            try {
                opts = opts.withFormat(Format.parse(format));
            } catch (IllegalArgumentException e) {
                throw new InputException(Main.USAGE, e.getMessage());
            }
        }
        if (map != null) opts = opts.withCsvMapping(parseMap(map));
        if (quarantine != null) opts = opts.withQuarantine(quarantine);
        int[] shown = {0};
        Readers.Loaded l;
        try {
            l = Readers.table(files, opts, keepText, p -> {
                if (p.severity() == Problem.Severity.WARNING) return;
                if (shown[0]++ < 20) err.println("lockstep: " + p);
                else if (shown[0] == 21) err.println("lockstep: more problems not shown (see --quarantine)");
            });
        } catch (org.lockstep.io.read.TooManyErrorsException e) {
            throw new InputException(Main.TOO_MANY_ERRORS, e.getMessage());
        }
        err.flush();
        if (l.table().size == 0) {
            throw new InputException(Main.NOTHING_READ, "nothing could be read from " + String.join(", ", files)
                    + " (" + l.report().rejected() + " records rejected, " + l.report().filesFailed() + " files failed)");
        }
        return new Loaded(l.table(), l.report(), l.duplicates(), String.join(", ", files));
    }

    /** Loads the whole case database into a table (bridge to the store module). */
    private Loaded loadDatabase(boolean keepText) throws InputException {
        throw new InputException(Main.FAILED, "reading a case database is not available in this build yet; give the input files instead");
    }

    static CsvMapping parseMap(String spec) throws InputException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) throw new InputException(Main.USAGE, "--map wants FIELD=COLUMN pairs, got '" + part + "'");
            m.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return new CsvMapping(m, ',');
    }
}
