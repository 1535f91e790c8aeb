package org.lockstep.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Writes a synthetic scenario with planted operations and ground truth.")
final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("lockstep simulate: not built yet");
        return Main.FAILED;
    }
}
