package org.lockstep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.lockstep.io.read.CsvMapping;
import org.lockstep.io.read.Format;
import org.lockstep.io.read.Problem;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.Readers;
import org.lockstep.io.store.Cases;
import org.lockstep.io.store.PostFilter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where a command's posts come from, shared by {@code ingest} and the analysis commands
 * ({@code @Mixin InputOptions input;}): a case database ({@code --db}) or input files read directly,
 * and how to read those files.
 */
final class InputOptions {
    /** Post fields a {@code --map} may name (see {@link CsvMapping}). */
    static final Set<String> MAP_FIELDS = Set.copyOf(CsvMapping.FIELDS);

    @Option(names = "--db", paramLabel = "FILE", description = "Case database (DuckDB file).")
    Path db;

    @Parameters(paramLabel = "FILE|DIR|-", arity = "0..*",
            description = "Input files or directories (read recursively); - reads standard input. Plain or gzip.")
    List<String> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "F",
            description = "Force a format instead of detecting it: json, twitter-v1, twitter-v2, twitter-io-csv, ira-csv, "
                    + "coortweet-csv, toolkit-csv, bluesky-jetstream, mastodon, telegram, csv.")
    String format;

    @Option(names = "--map", paramLabel = "SPEC",
            description = "Column mapping for other CSV files, e.g. id=tweet_id,account=user_id,time=created_at,text=body "
                    + "(fields: id, account, handle, time, text, lang, repost_of, reply_to, quote_of, repost (a flag), urls, "
                    + "hashtags, mentions, media, platform; separator=; or separator=tab for other separators).")
    String map;

    @Option(names = "--map-file", paramLabel = "FILE", description = "The same mapping as --map, one field=column a line (# comments).")
    Path mapFile;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "-1",
            description = "Stop after more than N rejected records (default: never stop).")
    long maxErrors;

    @Option(names = "--quarantine", paramLabel = "FILE", description = "Write rejected raw records here (JSON lines).")
    Path quarantine;

    /** The reading options these flags give. */
    ReadOptions readOptions() throws IOException {
        ReadOptions o = ReadOptions.defaults().withMaxErrors(maxErrors);
        if (format != null) o = o.withFormat(Format.parse(format));
        if (map != null && mapFile != null) throw new IllegalArgumentException("give --map or --map-file, not both");
        if (map != null) o = o.withCsvMapping(parseMapping(List.of(map.split(",")), "--map"));
        if (mapFile != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(mapFile);
            } catch (IOException e) {
                throw new IllegalArgumentException("--map-file " + mapFile + ": " + org.lockstep.io.read.Errors.describe(e));
            }
            o = o.withCsvMapping(parseMapping(lines, mapFile.toString()));
        }
        if (quarantine != null) {
            Path parent = quarantine.toAbsolutePath().getParent();
            String bad = Files.isDirectory(quarantine) ? quarantine + " is a directory" : parent == null ? null : Preflight.writableDir(parent);
            if (bad != null) throw new IllegalArgumentException("--quarantine: " + bad);
        }
        if (quarantine != null) o = o.withQuarantine(quarantine);
        return o;
    }

    /** Posts for an analysis command: from {@code --db}, or read from the files. */
    Readers.Loaded load(boolean keepText, PostFilter filter, Consumer<Problem> problems) throws IOException {
        return Cases.load(db, files, readOptions(), keepText, filter, problems);
    }

    /**
     * Which posts an analysis command looks at ({@code @Mixin InputOptions.Filter filter;}): a time range
     * and platforms. Applied in SQL with {@code --db}, while reading otherwise.
     */
    static final class Filter {
        @Option(names = "--from", paramLabel = "TIME", description = "Only posts at or after TIME (e.g. 2017-05-05T18:00:00Z or 2017-05-05).")
        String from;

        @Option(names = "--to", paramLabel = "TIME", description = "Only posts before TIME.")
        String to;

        @Option(names = "--platform", paramLabel = "P", split = ",",
                description = "Only posts of these platforms: twitter, bluesky, mastodon, telegram, facebook, generic.")
        List<String> platforms = new ArrayList<>();

        PostFilter toPostFilter() {
            java.util.Set<org.lockstep.core.model.Platform> ps = new java.util.HashSet<>();
            for (String p : platforms) {
                try {
                    ps.add(org.lockstep.core.model.Platform.valueOf(p.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown platform '" + p + "'");
                }
            }
            return new PostFilter(time(from, "--from"), time(to, "--to"), ps);
        }

        private static Long time(String s, String option) {
            if (s == null) return null;
            try {
                return org.lockstep.io.read.Timestamps.parse(s);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(option + ": cannot read '" + s + "' as a time");
            }
        }
    }

    /** Parses {@code field=column} entries; {@code separator=X} sets the separator (tab, comma, semicolon or one char). */
    static CsvMapping parseMapping(List<String> entries, String where) {
        Map<String, String> cols = new LinkedHashMap<>();
        char sep = ',';
        for (String raw : entries) {
            String e = raw.strip();
            if (e.isEmpty() || e.startsWith("#")) continue;
            int eq = e.indexOf('=');
            if (eq < 0) eq = e.indexOf(':');
            if (eq <= 0) throw new IllegalArgumentException(where + ": expected field=column, got '" + e + "'");
            String k = e.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = e.substring(eq + 1).strip();
            if (k.equals("separator") || k.equals("sep")) {
                sep = switch (v.toLowerCase(Locale.ROOT)) {
                    case "tab", "\\t" -> '\t';
                    case "comma" -> ',';
                    case "semicolon" -> ';';
                    default -> {
                        if (v.length() != 1) throw new IllegalArgumentException(where + ": separator must be one character, tab, comma or semicolon");
                        yield v.charAt(0);
                    }
                };
                continue;
            }
            if (!MAP_FIELDS.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown post field '" + k + "' (fields: "
                        + String.join(", ", MAP_FIELDS.stream().sorted().toList()) + ")");
            }
            if (v.isEmpty()) throw new IllegalArgumentException(where + ": no column given for " + k);
            cols.put(k, v);
        }
        if (cols.isEmpty()) throw new IllegalArgumentException(where + ": the mapping names no column");
        return new CsvMapping(cols, sep);
    }

    /** Prints problems to stderr as {@code file:line: severity: reason}, the first {@code max} of them. */
    static final class ProblemPrinter implements Consumer<Problem> {
        private final PrintStream err;
        private final int max;
        private long seen;

        ProblemPrinter(PrintStream err, int max) {
            this.err = err;
            this.max = max;
        }

        @Override
        public void accept(Problem p) {
            if (seen++ < max) err.println(Terminal.safe(String.valueOf(p)));
        }

        /** Says how many problems were not printed, if any. */
        void finish(Path quarantine) {
            if (seen > max) {
                err.println("... and " + String.format(Locale.ROOT, "%,d", seen - max) + " more problems"
                        + (quarantine != null ? " (rejected records are in " + quarantine + ")"
                                : " (--quarantine FILE keeps the rejected records)"));
            }
        }

        long seen() {
            return seen;
        }
    }
}
