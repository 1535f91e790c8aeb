package org.lockstep.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "domains", mixinStandardHelpOptions = true, description = "Finds look-alike domains of protected entities.")
final class DomainsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("lockstep domains: not built yet");
        return Main.FAILED;
    }
}
