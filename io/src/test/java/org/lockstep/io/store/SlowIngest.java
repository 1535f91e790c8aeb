package org.lockstep.io.store;

import java.nio.file.Path;
import java.util.List;
import org.lockstep.io.read.ReadOptions;

/**
 * Run in a child JVM by {@link ReadWhileIngestTest}: ingests {@code args[1]} into {@code args[0]} in
 * batches of {@code args[2]}, resting {@code args[3]} ms after each batch (a slow source), and prints
 * how often it paused for readers.
 */
public final class SlowIngest {
    private SlowIngest() {}

    public static void main(String[] args) throws Exception {
        long rest = Long.parseLong(args[3]);
        int[] pauses = new int[1];
        try (CaseDb db = CaseDb.open(Path.of(args[0]))) {
            System.out.println("started");
            IngestReport r = db.ingest(List.of(args[1]), ReadOptions.defaults(), Integer.parseInt(args[2]), null, new IngestListener() {
                @Override
                public void batchCommitted(String file, long batch, long posts, long stored, long duplicates) {
                    try {
                        Thread.sleep(rest);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void pausedForReaders() {
                    pauses[0]++;
                }
            });
            System.out.println("stored " + r.stored() + " pauses " + pauses[0]);
        }
        System.exit(0);
    }
}
