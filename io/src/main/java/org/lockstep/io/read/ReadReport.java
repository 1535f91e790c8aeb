package org.lockstep.io.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts of what reading produced, and the problems met, each with file, line and reason.
 * Keeps the first {@link #MAX_KEPT} problems; all are counted and passed to the listener.
 */
public final class ReadReport {
    public static final int MAX_KEPT = 1000;

    private long records;
    private long posts;
    private long rejected;
    private long warnings;
    private long derived;
    private int files;
    private int filesFailed;
    private long conflicts;
    private final Map<String, Long> postsByFormat = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Consumer<Problem> listener;

    public ReadReport() {
        this(p -> {});
    }

    public ReadReport(Consumer<Problem> listener) {
        this.listener = listener;
    }

    void record() { records++; }

    void post(Format f) {
        posts++;
        postsByFormat.merge(f.label(), 1L, Long::sum);
    }

    void file() { files++; }

    void derived() { derived++; }

    void problem(Problem p) {
        switch (p.severity()) {
            case WARNING -> warnings++;
            case REJECTED -> rejected++;
            case FILE_FAILED -> filesFailed++;
        }
        if (problems.size() < MAX_KEPT) problems.add(p);
        listener.accept(p);
    }

    /**
     * Adds the conflicting duplicates met while building a table (counted by the caller, which alone
     * sees the kept posts), each reported as a warning.
     */
    void conflicts(long n, List<Problem> reported) {
        conflicts += n;
        for (Problem p : reported) problem(p);
    }

    /** Posts whose platform and id came before with other content; the first was kept. */
    public long conflicts() { return conflicts; }

    /** Records seen (lines, CSV rows, JSON objects), good or bad. */
    public long records() { return records; }
    /** Posts produced. */
    public long posts() { return posts; }
    public long rejected() { return rejected; }
    public long warnings() { return warnings; }
    /**
     * Posts whose repost, quote or reply target was derived because the source did not name it
     * ({@link org.lockstep.core.model.Post#derivedRef()}), counted as they reach the sink.
     */
    public long derivedRefs() { return derived; }
    public int files() { return files; }
    public int filesFailed() { return filesFailed; }
    public Map<String, Long> postsByFormat() { return Collections.unmodifiableMap(postsByFormat); }
    public List<Problem> problems() { return Collections.unmodifiableList(problems); }
}
