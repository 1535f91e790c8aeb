package org.lockstep.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "detect", mixinStandardHelpOptions = true, description = "Finds accounts acting in lockstep (coordination).")
final class DetectCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("lockstep detect: not built yet");
        return Main.FAILED;
    }
}
