package org.lockstep.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Explainable signs of sock puppets and automation per account.")
final class AccountsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("lockstep accounts: not built yet");
        return Main.FAILED;
    }
}
