package org.lockstep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lockstep domains}: look-alike domains of protected entities (match, permute). */
@Command(name = "domains", mixinStandardHelpOptions = true,
        description = "Finds look-alike domains of protected entities: 'match' checks observed host names, 'permute' writes a watch list.",
        subcommands = {DomainsMatchCommand.class, DomainsPermuteCommand.class})
final class DomainsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
