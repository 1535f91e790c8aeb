package org.lockstep.io.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockstep.io.read.Problem;
import org.lockstep.io.read.ReadReport;

/**
 * What one {@code ingest} did: records read, posts stored, posts that were already in the database
 * ({@code duplicates}), posts skipped because an interrupted earlier run had committed them
 * ({@code resumed}), rejected records and the first problems, per file notes (resumes, re-reads).
 */
public final class IngestReport {
    private long records, postsRead, stored, duplicates, conflicts, resumed, rejected, warnings, batches;
    private int files, filesFailed;
    private final Map<String, Long> byFormat = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String stopped;
    private double seconds;

    void add(ReadReport r) {
        records += r.records();
        postsRead += r.posts();
        rejected += r.rejected();
        warnings += r.warnings();
        files += r.files();
        filesFailed += r.filesFailed();
        r.postsByFormat().forEach((k, v) -> byFormat.merge(k, v, Long::sum));
        for (Problem p : r.problems()) if (problems.size() < ReadReport.MAX_KEPT) problems.add(p);
    }

    void batch(long stored, long duplicates) {
        this.stored += stored;
        this.duplicates += duplicates;
        batches++;
    }

    void conflicts(long n) { conflicts += n; }
    void problem(Problem p) { if (problems.size() < ReadReport.MAX_KEPT) problems.add(p); }
    void resumed(long n) { resumed += n; }
    void note(String s) { notes.add(s); }
    void stopped(String why) { stopped = why; }
    void seconds(double s) { seconds = s; }

    /** Records seen (lines, CSV rows, JSON objects), good or bad. */
    public long records() { return records; }
    /** Posts the readers produced (stored + duplicates + resumed, plus any not committed when stopped). */
    public long postsRead() { return postsRead; }
    /** Posts added to the database. */
    public long stored() { return stored; }
    /** Posts that were already in the database, or repeated within the input, with the same content, and so were not added again. */
    public long duplicates() { return duplicates; }
    /**
     * Posts not stored because a post with their platform and id but other content (account, time, kind,
     * text, references) was in the case or came first in the input; the first is kept. Not in {@link #duplicates()}.
     */
    public long conflicts() { return conflicts; }
    /** Posts skipped without a look because an interrupted earlier ingest of the same file had committed them. */
    public long resumed() { return resumed; }
    public long rejected() { return rejected; }
    public long warnings() { return warnings; }
    public long batches() { return batches; }
    public int files() { return files; }
    public int filesFailed() { return filesFailed; }
    public Map<String, Long> byFormat() { return Collections.unmodifiableMap(byFormat); }
    /** The first {@link ReadReport#MAX_KEPT} problems. */
    public List<Problem> problems() { return Collections.unmodifiableList(problems); }
    /** Human notes about resumed or re-read files. */
    public List<String> notes() { return Collections.unmodifiableList(notes); }
    /** Why reading stopped early ({@code --max-errors} exceeded), or null when it read everything. */
    public String stopped() { return stopped; }
    public double seconds() { return seconds; }
}
