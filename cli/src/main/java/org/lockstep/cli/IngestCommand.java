package org.lockstep.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Loads posts into a case database (DuckDB).")
final class IngestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("lockstep ingest: not built yet");
        return Main.FAILED;
    }
}
