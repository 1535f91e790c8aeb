package org.lockstep.io.chat;

import java.util.List;
import org.lockstep.core.plans.ChatMessage;
import org.lockstep.io.read.Problem;

/** Where readers put messages and problems: counts them, quarantines rejects, stops at the error limit. */
final class Sink {
    final ChatReadOptions options;
    final ChatReadReport report;
    private final ChatQuarantine quarantine;
    private final List<ChatMessage> out;

    Sink(ChatReadOptions options, ChatReadReport report, ChatQuarantine quarantine, List<ChatMessage> out) {
        this.options = options;
        this.report = report;
        this.quarantine = quarantine;
        this.out = out;
    }

    void record() { report.record(); }

    void message(ChatMessage m) {
        out.add(m);
        report.message();
    }

    void skip() { report.skip(); }

    void reject(String file, long line, String reason, String raw) {
        report.problem(new Problem(file, line, Problem.Severity.REJECTED, reason));
        if (quarantine != null) quarantine.add(file, line, reason, raw);
        if (options.maxErrors() >= 0 && report.rejected() > options.maxErrors()) {
            throw new ChatTooManyErrorsException(report, options.maxErrors());
        }
    }

    void warn(String file, long line, String reason) {
        report.problem(new Problem(file, line, Problem.Severity.WARNING, reason));
    }

    void fileFailed(String file, long line, String reason) {
        report.problem(new Problem(file, line, Problem.Severity.FILE_FAILED, reason));
    }
}
