package org.lockstep.io.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostTable;

/**
 * Reads posts from files, directories (recursively, in name order) or standard input ({@code -}),
 * recognising each file's format from its content (plain or gzip). Every bad record is reported with
 * file, line and reason, counted, optionally quarantined, and skipped; it never costs a good record.
 */
public final class Readers {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(200).maxNumberLength(100).build());
    }

    private final ReadOptions options;
    private final ReadReport report;
    private final Consumer<Post> sink;
    private Quarantine quarantine;
    private String file;
    private Format currentFormat;
    /** Line of the record whose post the sink is being given (for callers that report on posts). */
    private long recordLine;
    /** Lines skipped before a JSON document began (added to the parser's line numbers). */
    private long jsonLinesBefore;

    private Readers(ReadOptions options, ReadReport report, Consumer<Post> sink) {
        this.options = options;
        this.report = report;
        // a failure of the consumer is not a bad record: it must stop reading, not be counted as rejected
        this.sink = p -> {
            // a repost the source left without target (e.g. "RT @handle: ..." text) gets a derived one
            Post q = DerivedRefs.fromText(p);
            if (q.derivedRef()) report.derived();
            try {
                sink.accept(q);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        };
    }

    /** Carries an exception thrown by the caller's sink past the readers' own catch clauses. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /**
     * Reads every input into {@code sink}.
     *
     * @param inputs   file or directory paths; {@code -} is standard input
     * @param listener told of every problem as it happens (e.g. to print it)
     * @throws TooManyErrorsException when more than {@link ReadOptions#maxErrors()} records were rejected
     */
    public static ReadReport read(List<String> inputs, ReadOptions options, Consumer<Post> sink,
            Consumer<Problem> listener) throws IOException {
        return new Readers(options, new ReadReport(listener), sink).run(inputs);
    }

    private ReadReport run(List<String> inputs) throws IOException {
        Readers r = this;
        if (options.quarantine() != null) r.quarantine = new Quarantine(options.quarantine());
        try {
            for (String in : inputs) {
                if (in.equals("-")) {
                    r.readOne("<stdin>", System.in);
                    continue;
                }
                Path p = Path.of(in);
                if (Files.isDirectory(p)) {
                    List<Path> files;
                    try (Stream<Path> s = Files.walk(p)) {
                        files = s.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path f : files) r.readPath(f);
                } else {
                    r.readPath(p);
                }
            }
        } catch (SinkFailure e) {
            throw (RuntimeException) e.getCause();
        } finally {
            if (r.quarantine != null) r.quarantine.close();
        }
        return report;
    }

    /** Takes each post with the line of the record it came from. */
    public interface LineSink {
        void accept(Post p, long line);
    }

    /**
     * As {@link #read}, giving the sink each post's line too (for reporting on posts after reading, e.g.
     * conflicting duplicates found in the case database).
     */
    public static ReadReport readWithLines(List<String> inputs, ReadOptions options, LineSink sink,
            Consumer<Problem> listener) throws IOException {
        Readers[] self = new Readers[1];
        self[0] = new Readers(options, new ReadReport(listener), p -> sink.accept(p, self[0].recordLine));
        return self[0].run(inputs);
    }

    /**
     * A table of everything read, and what reading met. {@code duplicates} are exact repeats of a post
     * (same platform, id and content); repeats with other content are {@link #conflicts()}.
     */
    public record Loaded(PostTable table, ReadReport report, long duplicates) {
        /** Posts whose platform and id had come before with other content (the first was kept). */
        public long conflicts() {
            return report.conflicts();
        }
    }

    /** Reads inputs straight into a {@link PostTable} (analysis without a case database). */
    public static Loaded table(List<String> inputs, ReadOptions options, boolean keepText,
            Consumer<Problem> listener) throws IOException {
        return table(inputs, options, keepText, null, listener);
    }

    /**
     * As {@link #table(List, ReadOptions, boolean, Consumer)}, keeping only the posts {@code keep} accepts
     * (all when null). A post whose platform and id came before is not added again; when its content
     * differs (see {@link PostTable.Builder#conflict}) it is counted as a conflict, reported with both
     * places and written to the quarantine file.
     */
    public static Loaded table(List<String> inputs, ReadOptions options, boolean keepText,
            java.util.function.Predicate<Post> keep, Consumer<Problem> listener) throws IOException {
        PostTable.Builder b = PostTable.builder(keepText, keep == null ? expectedPosts(inputs) : 0);
        List<Problem> conflicts = new ArrayList<>();
        List<Post> conflicting = new ArrayList<>();
        long[] count = new long[1];
        ReadReport rep = readPipelined(inputs, options, true, (p, numbers, off, file, line) -> {
            if (keep != null && !keep.test(p)) return;
            if (b.add(p, numbers, off)) return;
            String differs = b.conflict(p);
            if (differs == null) return;
            count[0]++;
            if (conflicts.size() < ReadReport.MAX_KEPT) {
                conflicts.add(new Problem(file, line, Problem.Severity.WARNING, "conflicting duplicate: "
                        + p.platform().label() + " post " + Timestamps.clip(p.id(), 80) + " came before with another "
                        + differs + "; the first is kept, this one is not stored"));
                conflicting.add(p);
            }
        }, listener);
        rep.conflicts(count[0], conflicts);
        if (options.quarantine() != null && !conflicting.isEmpty()) {
            try (Quarantine q = new Quarantine(options.quarantine(), true)) {
                for (int i = 0; i < conflicts.size(); i++) {
                    Problem c = conflicts.get(i);
                    q.add(c.file(), c.line(), c.reason(), PostJson.of(conflicting.get(i)));
                }
            }
        }
        return new Loaded(b.build(), rep, b.duplicates() - count[0]);
    }

    /**
     * About how many posts the inputs hold, to size the table once: their total size over the mean line
     * length of the first file's first MiB, plus 5 %. 0 (no hint) for standard input, compressed input
     * and JSON documents (one post over many lines); never more than the heap could hold.
     */
    static int expectedPosts(List<String> inputs) {
        long bytes = 0;
        Path first = null;
        try {
            for (String in : inputs) {
                if (in.equals("-")) return 0;
                Path p = Path.of(in);
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.walk(p)) {
                        for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                            if (first == null) first = f;
                            bytes += Files.size(f);
                        }
                    }
                } else if (Files.isRegularFile(p)) {
                    if (first == null) first = p;
                    bytes += Files.size(p);
                }
            }
            if (first == null || bytes < (1 << 20)) return 0;
            byte[] head = new byte[1 << 20];
            int n = 0;
            try (InputStream in = Files.newInputStream(first)) {
                for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) n += r;
            }
            if (n < 2 || (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return 0; // gzip
            int lines = 0;
            int firstLine = -1;
            for (int i = 0; i < n; i++) {
                if (head[i] == '\n') {
                    if (firstLine < 0) firstLine = i;
                    lines++;
                }
            }
            int c = 0;
            while (c < n && (head[c] == ' ' || head[c] == '\t' || head[c] == '\r' || head[c] == '\n')) c++;
            if (lines < 16 || c == n || head[c] == '[' || head[c] == '{' && firstLine < 64) return 0;
            double estimate = 1.05 * bytes * lines / n;
            double most = Runtime.getRuntime().maxMemory() / 256.0;
            return (int) Math.min(Math.min(estimate, most), Integer.MAX_VALUE - 8);
        } catch (IOException | RuntimeException e) {
            return 0; // only a hint: reading reports the problem
        }
    }

    private static final int BATCH = 4096;

    /** Posts handed from the reading thread to the consuming one, with their numbers when asked for. */
    private static final class Batch {
        final Post[] posts;
        final long[] numbers;
        final String[] files;
        final long[] lines;
        int n;

        Batch(int size, boolean numbers) {
            posts = new Post[size];
            files = new String[size];
            lines = new long[size];
            this.numbers = numbers ? new long[size * PostTable.Builder.NUMBERS] : null;
        }
    }

    private static final Batch END = new Batch(0, false);

    /**
     * Takes posts with their {@link PostTable.Builder#numbers} (null when not asked for) at an offset, and
     * the file and line of the record they came from.
     */
    interface NumberedSink {
        void accept(Post p, long[] numbers, int off, String file, long line);
    }

    /**
     * Like {@link #read}, but parsing runs on a second thread while {@code sink} runs on this one, so
     * that building a table overlaps with reading on two cores. Posts reach the sink in input order;
     * problems are reported from the reading thread; a failure on either side stops both.
     */
    static ReadReport readPipelined(List<String> inputs, ReadOptions options, Consumer<Post> sink,
            Consumer<Problem> listener) throws IOException {
        return readPipelined(inputs, options, false, (p, numbers, off, file, line) -> sink.accept(p), listener);
    }

    /**
     * {@link #readPipelined(List, ReadOptions, Consumer, Consumer)}; with {@code numbers}, the reading
     * thread also works out each post's {@link PostTable.Builder#numbers} (its strings are fresh in
     * that core's cache), which the table-building thread then need not.
     */
    static ReadReport readPipelined(List<String> inputs, ReadOptions options, boolean numbers, NumberedSink sink,
            Consumer<Problem> listener) throws IOException {
        // 4 batches in flight are enough to smooth the two threads' pace; more only give the collector
        // more live posts to copy (16 cost about 0.4 s more GC over 10 M posts)
        java.util.concurrent.ArrayBlockingQueue<Batch> queue = new java.util.concurrent.ArrayBlockingQueue<>(4);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        ReadReport[] report = new ReadReport[1];
        Throwable[] failure = new Throwable[1];
        Thread reader = new Thread(() -> {
            Batch[] batch = {new Batch(BATCH, numbers)};
            Readers[] self = new Readers[1];
            try {
                self[0] = new Readers(options, new ReadReport(listener), p -> {
                    Batch b = batch[0];
                    if (numbers) PostTable.Builder.numbers(p, b.numbers, b.n * PostTable.Builder.NUMBERS);
                    b.files[b.n] = self[0].file;
                    b.lines[b.n] = self[0].recordLine;
                    b.posts[b.n++] = p;
                    if (b.n == BATCH) {
                        hand(queue, b, stop);
                        batch[0] = new Batch(BATCH, numbers);
                    }
                });
                report[0] = self[0].run(inputs);
                if (batch[0].n > 0) hand(queue, batch[0], stop);
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                try {
                    hand(queue, END, stop);
                } catch (RuntimeException ignored) {
                    // stopped: the consumer is gone
                }
            }
        }, "lockstep-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Batch b = queue.take();
                if (b == END) break;
                for (int i = 0; i < b.n; i++) {
                    sink.accept(b.posts[i], b.numbers, i * PostTable.Builder.NUMBERS, b.files[i], b.lines[i]);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } finally {
            stop.set(true);
            queue.clear();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable t = failure[0];
        if (t instanceof IOException io) throw io;
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        if (t != null) throw new IOException(t);
        return report[0];
    }

    /** Puts a batch on the queue, giving up when the consumer has stopped. */
    private static void hand(java.util.concurrent.BlockingQueue<Batch> queue, Batch batch,
            java.util.concurrent.atomic.AtomicBoolean stop) {
        try {
            while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (stop.get()) throw new IllegalStateException("reading stopped: the consumer failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void readPath(Path p) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(p);
        } catch (IOException e) {
            file = p.toString();
            report.file();
            problem(0, Problem.Severity.FILE_FAILED, "cannot read file: " + Errors.describe(e), null);
            return;
        }
        try (in) {
            readOne(p.toString(), in);
        }
    }

    private void readOne(String name, InputStream raw) throws IOException {
        file = name;
        report.file();
        Source.Opened src;
        try {
            src = Source.open(name, raw);
        } catch (IOException e) {
            problem(0, Problem.Severity.FILE_FAILED, "cannot open: " + Errors.describe(e), null);
            return;
        }
        if (src.headLen() == 0) {
            problem(0, Problem.Severity.WARNING, src.skippedLines() > 0 ? "empty file (only " + src.skippedLines()
                    + " blank lines)" : "empty file", null);
            return;
        }
        if (src.looksBinary() && !hasCleanDataLine(src)) {
            problem(0, Problem.Severity.FILE_FAILED, "not a text file (binary content)", null);
            return;
        }
        int first = src.firstSignificant();
        if (first < 0) {
            problem(0, Problem.Severity.WARNING, "empty file (only blank lines)", null);
            return;
        }
        Format forced = options.format();
        if (forced == null) {
            src = pastJunk(src);
            first = src.firstSignificant();
        }
        boolean json = forced != null ? !forced.isCsv() : (first == '{' || first == '[');
        long before = src.skippedLines();
        try (LineReader lines = new LineReader(src.in(), options.maxLineBytes(), before)) {
            if (json) {
                if (first == '[' || !firstLineIsJson(src)) readJsonDocument(src.in(), before);
                else readJsonLines(lines);
            } else {
                readCsv(lines, src);
            }
            if (lines.truncated()) {
                report.record(); // the cut record: counted, so that every record is a post or a rejection
                problem(lines.lineNumber() + 1, Problem.Severity.REJECTED, lines.truncation()
                        + "; the " + lines.lineNumber() + " lines before it were read", null);
            }
        }
    }

    /**
     * Skips lines before the data when the first non-blank line is neither JSON nor a CSV header of a
     * known layout (or of the mapping) but a later line in the peek window is: a title, a note or any
     * junk above a header must not cost the file. Each skipped non-blank line is rejected with its
     * line number (and quarantined). Returns {@code src} unchanged when the first line is data or when
     * no later line looks like data (the reader then reports the first line's problem).
     */
    private Source.Opened pastJunk(Source.Opened src) throws IOException {
        byte[] h = src.head();
        int n = src.headLen();
        int start = 0;
        if (n >= 3 && (h[0] & 0xff) == 0xEF && (h[1] & 0xff) == 0xBB && (h[2] & 0xff) == 0xBF) start = 3;
        List<int[]> junk = new ArrayList<>();
        int lineStart = start;
        long lines = 0;
        while (lineStart < n) {
            int nl = lineStart;
            while (nl < n && h[nl] != '\n') nl++;
            if (nl == n) return src; // no complete line left in the window
            int end = nl > lineStart && h[nl - 1] == '\r' ? nl - 1 : nl;
            String line = new String(h, lineStart, end - lineStart, java.nio.charset.StandardCharsets.UTF_8);
            if (!line.isBlank()) {
                if (looksLikeData(line)) {
                    if (junk.isEmpty()) return src;
                    for (int[] j : junk) {
                        report.record();
                        String raw = new String(h, j[0], j[1], java.nio.charset.StandardCharsets.UTF_8);
                        reject(src.skippedLines() + j[2], "not a record: text before the data (which starts on line "
                                + (src.skippedLines() + lines + 1) + ")", raw);
                    }
                    return src.skip(lineStart, lines);
                }
                junk.add(new int[] {lineStart, end - lineStart, (int) lines + 1});
            }
            lines++;
            lineStart = nl + 1;
        }
        return src;
    }

    /**
     * Whether the first bytes hold a clean line (no control bytes) that is a known CSV header or a whole
     * JSON object or array of some length: then many NUL or control bytes are junk lines of a text file,
     * rejected one by one, not a binary file (fuzzing found the good rows of such a file lost whole).
     */
    private boolean hasCleanDataLine(Source.Opened src) {
        byte[] h = src.head();
        int n = src.headLen();
        int start = 0;
        while (start < n) {
            int nl = start;
            boolean clean = true;
            for (; nl < n && h[nl] != '\n'; nl++) {
                int c = h[nl] & 0xff;
                if (c < 0x20 && c != '\t' && c != '\r' || c == 0x7f) clean = false;
            }
            if (nl == n) return false;
            if (clean && nl - start >= 8) {
                String line = new String(h, start, nl - start, java.nio.charset.StandardCharsets.UTF_8).strip();
                boolean json = line.length() >= 20 && (line.startsWith("{") && line.endsWith("}") || line.startsWith("[") && line.endsWith("]"));
                if (json || !line.startsWith("{") && !line.startsWith("[") && looksLikeData(line)) return true;
            }
            start = nl + 1;
        }
        return false;
    }

    /** Whether a line starts JSON or is a CSV header of a known layout or of the mapping. */
    private boolean looksLikeData(String line) {
        String t = line.strip();
        if (t.startsWith("{") || t.startsWith("[")) return true;
        char sep = separator(line);
        if (CsvLayouts.choose(splitHeader(line, sep), options) != null) return true;
        CsvMapping mapping = options.csvMapping();
        return mapping != null && mapping.separator() != 0 && mapping.separator() != sep
                && CsvLayouts.choose(splitHeader(line, mapping.separator()), options) != null;
    }

    private static boolean firstLineIsJson(Source.Opened src) {
        byte[] h = src.head();
        int end = 0;
        while (end < src.headLen() && h[end] != '\n') end++;
        if (end == src.headLen() && src.headLen() == Source.PEEK) return true; // a long first line: JSON lines
        try (JsonParser p = MAPPER.getFactory().createParser(h, 0, end)) {
            p.skipChildren();
            JsonToken t;
            int depth = 0;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
                else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
            }
            return depth == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void readJsonLines(LineReader lines) throws IOException {
        while (lines.next()) {
            if (!lines.tooLong() && lines.isBlank()) continue;
            report.record();
            long no = lines.lineNumber();
            if (lines.tooLong()) {
                reject(no, "line of " + lines.lineBytes() + " bytes is longer than the limit of "
                        + options.maxLineBytes() + " bytes", null);
                continue;
            }
            boolean utf8 = Utf8.isAscii(lines.bytes(), 0, lines.length()) || lines.validUtf8();
            if (utf8 && fastTweet(no, lines)) continue;
            JsonNode node;
            try {
                if (utf8) {
                    node = MAPPER.readTree(lines.bytes(), 0, lines.length());
                } else {
                    problem(no, Problem.Severity.WARNING, "invalid UTF-8 replaced by U+FFFD", null);
                    node = MAPPER.readTree(lines.text());
                }
            } catch (JsonProcessingException e) {
                reject(no, "invalid JSON: " + jsonReason(e), lines.text());
                continue;
            } catch (java.io.CharConversionException e) {
                // bytes that look like UTF-16/32 to Jackson's encoding guess: a bad line, not a failed file
                reject(no, "invalid JSON: not UTF-8 text (" + Timestamps.clip(String.valueOf(e.getMessage()), 120) + ")", lines.text());
                continue;
            }
            mapJson(no, node, lines);
        }
    }

    /**
     * The fast path for the commonest input: reads a line as a Twitter v1.1 tweet in one streaming pass.
     * Returns false when the line is something else or malformed, so the tree path recognises it and
     * reports the reason.
     */
    private boolean fastTweet(long no, LineReader lines) throws IOException {
        TwitterV1Json.Tweet t;
        try (JsonParser p = MAPPER.getFactory().createParser(lines.bytes(), 0, lines.length())) {
            t = TwitterV1Json.readTop(p);
        } catch (JsonProcessingException | java.io.CharConversionException e) {
            // the second: leading NUL bytes made Jackson guess UTF-32 (found by fuzzing); the tree path reports it
            return false;
        }
        if (t == null) return false;
        try {
            recordLine = no;
            sink.accept(t.toPost());
            report.post(Format.TWITTER_V1);
        } catch (InvalidPostException | IllegalArgumentException e) {
            reject(no, e.getMessage(), lines.text());
        }
        return true;
    }

    private void mapJson(long no, JsonNode node, LineReader lines) {
        if (node != null && node.isArray()) {
            if (node.isEmpty()) {
                reject(no, "empty JSON array, no post", lines != null ? lines.text() : "[]");
                return;
            }
            boolean firstElement = true;
            for (JsonNode e : node) {
                if (!firstElement) report.record(); // the line was counted once; each further element is a record
                firstElement = false;
                mapJson(no, e, lines);
            }
            return;
        }
        Format f = JsonPosts.kind(node);
        recordLine = no;
        try {
            JsonPosts.map(node, p -> {
                sink.accept(p);
                report.post(f);
            }, reason -> {
                report.record();
                reject(no, reason, null);
            });
        } catch (InvalidPostException | IllegalArgumentException e) {
            reject(no, e.getMessage(), lines != null ? lines.text() : node == null ? null : clipRaw(node.toString()));
        }
    }

    private static String clipRaw(String s) {
        return s.length() > (1 << 20) ? s.substring(0, 1 << 20) : s;
    }

    private void readJsonDocument(InputStream in, long linesBefore) throws IOException {
        jsonLinesBefore = linesBefore;
        // a decoder that replaces invalid UTF-8 with U+FFFD: one bad byte must not cost the whole document
        java.io.Reader reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8);
        try (JsonParser p = MAPPER.getFactory().createParser(reader)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
                        long line = linesBefore + p.currentTokenLocation().getLineNr();
                        report.record();
                        JsonNode n = MAPPER.readTree(p);
                        mapJson(line, n, null);
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    long line = linesBefore + p.currentTokenLocation().getLineNr();
                    JsonNode n = readObject(p);
                    if (n != null) {
                        report.record();
                        mapJson(line, n, null);
                    }
                } else {
                    long line = linesBefore + p.currentTokenLocation().getLineNr();
                    report.record();
                    JsonNode n = MAPPER.readTree(p);
                    mapJson(line, n, null);
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : linesBefore + e.getLocation().getLineNr();
            report.record();
            reject(line, "invalid JSON: " + jsonReason(e) + "; the rest of this JSON document cannot be read", null);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            report.record();
            reject(0, "input ends early (truncated compressed stream): " + e.getMessage(), null);
        }
    }

    /**
     * Reads a top-level object field by field into a tree, except the {@code messages} of a Telegram
     * export, which are mapped one by one as they are read: a large export then never sits in memory
     * whole, and each bad message is reported with its own line. Returns null when it streamed them.
     */
    private JsonNode readObject(JsonParser p) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode obj = MAPPER.createObjectNode();
        boolean streamed = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            if (f.equals("messages") && v == JsonToken.START_ARRAY && Json.str(obj, "id") != null
                    && !obj.has("user") && !obj.has("data") && !obj.has("did") && !obj.has("account")) {
                streamTelegram(p, obj);
                streamed = true;
                continue;
            }
            JsonNode value = MAPPER.readTree(p);
            obj.set(f, value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value);
        }
        return streamed ? null : obj;
    }

    private void streamTelegram(JsonParser p, JsonNode chat) throws IOException {
        String chatId = Json.str(chat, "id");
        String name = Json.str(chat, "name");
        String type = Json.str(chat, "type");
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
            long line = jsonLinesBefore + p.currentTokenLocation().getLineNr();
            report.record();
            JsonNode m = MAPPER.readTree(p);
            try {
                recordLine = line;
                sink.accept(TelegramJson.message(m, chatId, name, type));
                report.post(Format.TELEGRAM);
            } catch (InvalidPostException | IllegalArgumentException e) {
                reject(line, TelegramJson.part(i, m) + ": " + e.getMessage(), m == null ? null : clipRaw(m.toString()));
            }
            i++;
        }
    }

    private void readCsv(LineReader lines, Source.Opened src) throws IOException {
        if (!lines.next()) return;
        String headerLine = lines.tooLong() ? null : lines.text();
        if (headerLine == null) {
            problem(lines.lineNumber(), Problem.Severity.FILE_FAILED, "the first line (" + String.format(java.util.Locale.ROOT,
                    "%,d", lines.lineBytes()) + " bytes, starting '" + preview(src) + "') is longer than the line limit of "
                    + String.format(java.util.Locale.ROOT, "%,d", options.maxLineBytes()) + " bytes: it is neither a CSV "
                    + "header nor a JSON object or array, so nothing in this file can be read", null);
            return;
        }
        char sep = separator(headerLine);
        List<String> header = splitHeader(headerLine, sep);
        CsvMapping mapping = options.csvMapping();
        if (mapping != null && mapping.separator() != 0 && mapping.separator() != sep
                && !CsvLayouts.known(header)) {
            sep = mapping.separator();
            header = splitHeader(headerLine, sep);
        }
        CsvLayout layout = CsvLayouts.choose(header, options);
        if (layout == null) {
            if (mapping != null) {
                problem(1, Problem.Severity.FILE_FAILED, "CSV header lacks the mapped columns "
                        + Timestamps.clip(String.join(", ", MappedCsv.missing(header, mapping))) + " (columns: "
                        + Timestamps.clip(String.join(",", header)) + ")", null);
            } else {
                problem(1, Problem.Severity.FILE_FAILED, "CSV header matches no known layout (columns: "
                        + Timestamps.clip(String.join(",", header)) + "); give a column mapping with --map", null);
            }
            return;
        }
        currentFormat = layout.format();
        if (layout.note() != null) problem(1, Problem.Severity.WARNING, layout.note(), null);
        CsvRecords records = new CsvRecords(lines, options.maxMultilineCsvLines(), sep);
        records.expectColumns(layout.columns());
        while (records.next()) {
            report.record();
            long no = records.line();
            if (records.bad() != null) {
                reject(no, records.bad(), records.raw());
                continue;
            }
            List<String> f = records.fields();
            if (f.size() != layout.columns()) {
                reject(no, "expected " + layout.columns() + " columns, found " + f.size(), records.raw());
                continue;
            }
            if (records.replacedInvalidUtf8()) problem(no, Problem.Severity.WARNING, "invalid UTF-8 replaced by U+FFFD", null);
            try {
                Post p = layout.map(f);
                recordLine = no;
                sink.accept(p);
                report.post(currentFormat);
            } catch (InvalidPostException | IllegalArgumentException e) {
                reject(no, e.getMessage(), records.raw());
            }
        }
        String end = layout.endNote();
        if (end != null) problem(0, Problem.Severity.WARNING, end, null);
    }

    /** The first characters of the input after blanks, safe for a one-line message. */
    private static String preview(Source.Opened src) {
        int i = 0;
        byte[] h = src.head();
        while (i < src.headLen() && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) i++;
        return Timestamps.clip(new String(h, i, Math.min(60, src.headLen() - i), java.nio.charset.StandardCharsets.UTF_8), 24);
    }

    private static char separator(String header) {
        int commas = 0, tabs = 0, semis = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == ',') commas++;
            else if (c == '\t') tabs++;
            else if (c == ';') semis++;
        }
        if (tabs > commas && tabs >= semis) return '\t';
        if (semis > commas) return ';';
        return ',';
    }

    private static List<String> splitHeader(String line, char sep) {
        List<String> out = new ArrayList<>();
        for (String s : line.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1)) {
            String h = s.strip();
            if (h.length() >= 2 && h.startsWith("\"") && h.endsWith("\"")) h = h.substring(1, h.length() - 1);
            out.add(h);
        }
        return out;
    }

    private static String jsonReason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) m = e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        if (nl > 0) m = m.substring(0, nl);
        return Timestamps.clip(m, 160);
    }

    private void reject(long line, String reason, String raw) {
        problem(line, Problem.Severity.REJECTED, reason, raw);
        long max = options.maxErrors();
        if (max >= 0 && report.rejected() > max) throw new TooManyErrorsException(report, max);
    }

    private void problem(long line, Problem.Severity s, String reason, String raw) {
        report.problem(new Problem(file, line, s, reason));
        if (quarantine != null && s == Problem.Severity.REJECTED) quarantine.add(file, line, reason, raw);
    }
}
