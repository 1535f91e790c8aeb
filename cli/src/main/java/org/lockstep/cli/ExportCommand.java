package org.lockstep.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Exports a case database (Parquet).")
final class ExportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("lockstep export: not built yet");
        return Main.FAILED;
    }
}
