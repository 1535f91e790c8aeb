package org.lockstep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.lockstep.io.store.CaseDb;
import org.lockstep.io.store.CaseResults;
import org.lockstep.io.store.StoreException;

/**
 * Records an analysis command's results in the case it read ({@code --db}), besides its files: one run
 * (command, parameters, start, end, summary) and its rows, for {@code lockstep serve}. The case is opened
 * for writing only after the analysis, so a long analysis never holds it; when another process holds it
 * (a running {@code lockstep serve}), the files are still written and the command says the case was not
 * updated.
 */
final class CaseRuns {
    private CaseRuns() {}

    /** Returns whether the results were recorded; problems are reported on {@code err}, never thrown. */
    static boolean record(Path db, String command, String parametersJson, String summaryJson, PrintWriter err,
            BiConsumer<CaseResults, Long> write) {
        if (db == null) return false;
        try (CaseDb c = CaseDb.open(db)) {
            CaseResults results = new CaseResults(c);
            long run = results.beginRun(command, parametersJson, System.getProperty("user.name"));
            try {
                write.accept(results, run);
                results.finishRun(run, "done", summaryJson);
            } catch (RuntimeException e) {
                results.finishRun(run, "failed", null);
                throw e;
            }
            err.println("lockstep " + command + ": results recorded in " + db + " as run " + run);
            return true;
        } catch (StoreException e) {
            err.println("lockstep " + command + ": the results were not recorded in the case (the files were written): " + e.getMessage());
            return false;
        }
    }
}
