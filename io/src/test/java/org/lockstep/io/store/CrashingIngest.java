package org.lockstep.io.store;

import java.nio.file.Path;
import java.util.List;
import org.lockstep.io.read.ReadOptions;

/**
 * Run in a child JVM by {@link CaseDbCrashTest}: ingests {@code args[1]} into {@code args[0]} in batches
 * of {@code args[2]} and halts the JVM (no shutdown hooks, no close, like {@code kill -9}) right after
 * batch {@code args[3]} has been committed.
 */
public final class CrashingIngest {
    private CrashingIngest() {}

    public static void main(String[] args) throws Exception {
        int haltAfter = Integer.parseInt(args[3]);
        CaseDb db = CaseDb.open(Path.of(args[0]));
        db.ingest(List.of(args[1]), ReadOptions.defaults(), Integer.parseInt(args[2]), null, new IngestListener() {
            int batches;

            @Override
            public void batchCommitted(String file, long batch, long posts, long stored, long duplicates) {
                if (++batches == haltAfter) Runtime.getRuntime().halt(9);
            }
        });
        System.exit(0);
    }
}
