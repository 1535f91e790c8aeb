package org.lockstep.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "info", mixinStandardHelpOptions = true, description = "Summarises a case database.")
final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("lockstep info: not built yet");
        return Main.FAILED;
    }
}
