package org.lockstep.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "campaigns", mixinStandardHelpOptions = true, description = "Finds hashtags, links and narratives pushed artificially.")
final class CampaignsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("lockstep campaigns: not built yet");
        return Main.FAILED;
    }
}
