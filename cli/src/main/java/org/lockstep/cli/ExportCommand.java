package org.lockstep.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lockstep.io.store.CaseDb;
import org.lockstep.io.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Exports every table of a case database as Parquet (DIR/posts.parquet, DIR/post_urls.parquet, ...).")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "FILE", required = true, description = "Case database (DuckDB file).")
    Path db;

    @Option(names = "--parquet", paramLabel = "DIR", required = true, description = "Directory to write the Parquet files to.")
    Path dir;

    @Override
    public Integer call() {
        String bad = Preflight.writableDir(dir);
        if (bad != null) {
            System.err.println("lockstep export: " + bad + ". Nothing was exported" + next(bad) + ".");
            return Main.FAILED;
        }
        Map<Path, Long> files;
        try (CaseDb c = CaseDb.openReadOnly(db)) {
            files = c.exportParquet(dir);
        } catch (StoreException e) {
            System.err.println("lockstep export: " + e.getMessage() + next(e.getMessage()) + ".");
            return Main.FAILED;
        }
        files.forEach((f, n) -> System.out.printf("%12s rows  %s%n", IngestCommand.fmt(n), f));
        return Main.OK;
    }

    private static String next(String cause) {
        String n = Preflight.nextStep(cause);
        return n.isEmpty() ? "" : "; " + n;
    }
}
