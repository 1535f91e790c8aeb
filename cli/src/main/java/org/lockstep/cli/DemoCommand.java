package org.lockstep.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Simulates a small scenario, ingests it, and shows what Lockstep finds.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("lockstep demo: not built yet");
        return Main.FAILED;
    }
}
