package org.lockstep.io.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.lockstep.io.read.Problem;

/**
 * What reading chat exports gave: records seen, messages kept, service messages skipped (joins,
 * pins: no problem, no message), and every problem with file, line and reason (the first
 * {@link #MAX_KEPT} kept, all counted and passed to the listener).
 */
public final class ChatReadReport {
    public static final int MAX_KEPT = 1000;
    private long records, messages, skipped, rejected, warnings;
    private int files, filesFailed;
    private final List<Problem> problems = new ArrayList<>();
    private final Consumer<Problem> listener;

    ChatReadReport(Consumer<Problem> listener) {
        this.listener = listener == null ? p -> {} : listener;
    }

    void record() { records++; }
    void message() { messages++; }
    void skip() { skipped++; }
    void file() { files++; }

    void problem(Problem p) {
        switch (p.severity()) {
            case WARNING -> warnings++;
            case REJECTED -> rejected++;
            case FILE_FAILED -> filesFailed++;
        }
        if (problems.size() < MAX_KEPT) problems.add(p);
        listener.accept(p);
    }

    public long records() { return records; }
    public long messages() { return messages; }
    public long skipped() { return skipped; }
    public long rejected() { return rejected; }
    public long warnings() { return warnings; }
    public int files() { return files; }
    public int filesFailed() { return filesFailed; }
    public List<Problem> problems() { return Collections.unmodifiableList(problems); }
}
