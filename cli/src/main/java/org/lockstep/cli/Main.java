package org.lockstep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lockstep} command: thin wiring over core and io. */
@Command(name = "lockstep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Finds coordinated election interference in social-media data and documents the evidence.",
        subcommands = {
                DemoCommand.class,
                IngestCommand.class,
                InfoCommand.class,
                ExportCommand.class,
                SimulateCommand.class,
                DetectCommand.class,
                CampaignsCommand.class,
                AccountsCommand.class,
                DomainsCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** Exit codes shared by all commands. */
    public static final int OK = 0, FAILED = 1, USAGE = 2, NOTHING_READ = 3, TOO_MANY_ERRORS = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("lockstep: " + ex.getMessage());
            if (System.getenv("LOCKSTEP_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return FAILED;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"lockstep " + (v == null ? "dev" : v)};
        }
    }
}
