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
        ReadReport report = new ReadReport(listener);
        Readers r = new Readers(options, report, sink);
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

    /** A table of everything read, and what reading met. */
    public record Loaded(PostTable table, ReadReport report, long duplicates) {}

    /** Reads inputs straight into a {@link PostTable} (analysis without a case database). */
    public static Loaded table(List<String> inputs, ReadOptions options, boolean keepText,
            Consumer<Problem> listener) throws IOException {
        PostTable.Builder b = PostTable.builder(keepText, expectedPosts(inputs));
        ReadReport rep = readPipelined(inputs, options, true, b::add, listener);
        return new Loaded(b.build(), rep, b.duplicates());
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
        int n;

        Batch(int size, boolean numbers) {
            posts = new Post[size];
            this.numbers = numbers ? new long[size * PostTable.Builder.NUMBERS] : null;
        }
    }

    private static final Batch END = new Batch(0, false);

    /** Takes posts with their {@link PostTable.Builder#numbers} (null when not asked for) at an offset. */
    interface NumberedSink {
        void accept(Post p, long[] numbers, int off);
    }

    /**
     * Like {@link #read}, but parsing runs on a second thread while {@code sink} runs on this one, so
     * that building a table overlaps with reading on two cores. Posts reach the sink in input order;
     * problems are reported from the reading thread; a failure on either side stops both.
     */
    static ReadReport readPipelined(List<String> inputs, ReadOptions options, Consumer<Post> sink,
            Consumer<Problem> listener) throws IOException {
        return readPipelined(inputs, options, false, (p, numbers, off) -> sink.accept(p), listener);
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
            try {
                report[0] = read(inputs, options, p -> {
                    Batch b = batch[0];
                    if (numbers) PostTable.Builder.numbers(p, b.numbers, b.n * PostTable.Builder.NUMBERS);
                    b.posts[b.n++] = p;
                    if (b.n == BATCH) {
                        hand(queue, b, stop);
                        batch[0] = new Batch(BATCH, numbers);
                    }
                }, listener);
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
                for (int i = 0; i < b.n; i++) sink.accept(b.posts[i], b.numbers, i * PostTable.Builder.NUMBERS);
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
        if (!Files.isReadable(p)) {
            report.file();
            problem(0, Problem.Severity.FILE_FAILED, "cannot read file", null);
            return;
        }
        try (InputStream in = Files.newInputStream(p)) {
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
            problem(0, Problem.Severity.FILE_FAILED, "cannot open: " + e.getMessage(), null);
            return;
        }
        if (src.headLen() == 0) {
            problem(0, Problem.Severity.WARNING, "empty file", null);
            return;
        }
        if (src.looksBinary()) {
            problem(0, Problem.Severity.FILE_FAILED, "not a text file (binary content)", null);
            return;
        }
        int first = src.firstSignificant();
        if (first < 0) {
            problem(0, Problem.Severity.WARNING, "empty file (only blank lines)", null);
            return;
        }
        Format forced = options.format();
        boolean json = forced != null ? !forced.isCsv() : (first == '{' || first == '[');
        try (LineReader lines = new LineReader(src.in(), options.maxLineBytes())) {
            if (json) {
                if (first == '[' || !firstLineIsJson(src)) readJsonDocument(src.in());
                else readJsonLines(lines);
            } else {
                readCsv(lines);
            }
            if (lines.truncated()) {
                problem(lines.lineNumber() + 1, Problem.Severity.REJECTED, lines.truncation()
                        + "; the " + lines.lineNumber() + " lines before it were read", null);
            }
        }
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
        } catch (JsonProcessingException e) {
            return false;
        }
        if (t == null) return false;
        try {
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

    private void readJsonDocument(InputStream in) throws IOException {
        // a decoder that replaces invalid UTF-8 with U+FFFD: one bad byte must not cost the whole document
        java.io.Reader reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8);
        try (JsonParser p = MAPPER.getFactory().createParser(reader)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
                        long line = p.currentTokenLocation().getLineNr();
                        report.record();
                        JsonNode n = MAPPER.readTree(p);
                        mapJson(line, n, null);
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    long line = p.currentTokenLocation().getLineNr();
                    JsonNode n = readObject(p);
                    if (n != null) {
                        report.record();
                        mapJson(line, n, null);
                    }
                } else {
                    long line = p.currentTokenLocation().getLineNr();
                    report.record();
                    JsonNode n = MAPPER.readTree(p);
                    mapJson(line, n, null);
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            report.record();
            reject(line, "invalid JSON: " + jsonReason(e) + "; the rest of this JSON document cannot be read", null);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
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
            long line = p.currentTokenLocation().getLineNr();
            report.record();
            JsonNode m = MAPPER.readTree(p);
            try {
                sink.accept(TelegramJson.message(m, chatId, name, type));
                report.post(Format.TELEGRAM);
            } catch (InvalidPostException | IllegalArgumentException e) {
                reject(line, TelegramJson.part(i, m) + ": " + e.getMessage(), m == null ? null : clipRaw(m.toString()));
            }
            i++;
        }
    }

    private void readCsv(LineReader lines) throws IOException {
        if (!lines.next()) return;
        String headerLine = lines.tooLong() ? null : lines.text();
        if (headerLine == null) {
            problem(1, Problem.Severity.FILE_FAILED, "CSV header line is longer than the line limit", null);
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
                sink.accept(p);
                report.post(currentFormat);
            } catch (InvalidPostException | IllegalArgumentException e) {
                reject(no, e.getMessage(), records.raw());
            }
        }
        String end = layout.endNote();
        if (end != null) problem(0, Problem.Severity.WARNING, end, null);
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
