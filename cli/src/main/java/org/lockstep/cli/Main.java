package org.lockstep.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lockstep} command: thin wiring over core and io. */
@Command(name = "lockstep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Finds coordinated election interference in social-media data and documents the evidence.")
public final class Main implements Runnable {
    /**
     * The subcommands, in the order of {@code lockstep --help}. Added by {@link #run} rather than through
     * {@code @Command(subcommands)}: picocli builds the model of every command it is given (reflection over
     * all options, their classes' static initializers), so a run of one command only builds that one.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            DemoCommand.class,
            IngestCommand.class,
            InfoCommand.class,
            ExportCommand.class,
            SimulateCommand.class,
            DetectCommand.class,
            CampaignsCommand.class,
            AccountsCommand.class,
            DomainsCommand.class,
            PlansCommand.class,
            StreamCommand.class,
            ServeCommand.class,
            UsersCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit codes shared by all commands. */
    public static final int OK = 0, FAILED = 1, USAGE = 2, NOTHING_READ = 3, TOO_MANY_ERRORS = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        // picocli looks for groovy.lang.Closure unless told not to; the failed lookup searches (and opens)
        // every jar of the class path, ~0.1 s of start-up
        if (System.getProperty("picocli.disable.closures") == null) System.setProperty("picocli.disable.closures", "true");
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = args.length == 0 ? null : subcommand(args[0]);
        for (Class<?> c : SUBCOMMANDS) if (only == null || c == only) cl.addSubcommand(c);
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("lockstep " + cmd.getCommandName() + ": " + message(ex));
            if (System.getenv("LOCKSTEP_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return FAILED;
        });
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli hands only exceptions to the handler above; an error (out of memory, a native library
            // that cannot load) still gets one line that says what happened, not a stack trace
            System.err.println("lockstep: " + (e instanceof OutOfMemoryError
                    ? "out of memory (" + e.getMessage() + "); give Java more heap, e.g. LOCKSTEP_JAVA_OPTS=-Xmx8g"
                    : message(e)));
            if (System.getenv("LOCKSTEP_DEBUG") != null) e.printStackTrace();
            return FAILED;
        }
    }

    /**
     * An unexpected failure in words: the file and the plain cause for file errors (whose own message is
     * only the path), the message otherwise, never "null".
     */
    static String message(Throwable ex) {
        if (ex instanceof java.nio.file.FileSystemException f) {
            return (f.getFile() != null ? f.getFile() + ": " : "") + org.lockstep.io.read.Errors.describe(f)
                    + (f.getOtherFile() != null ? " (" + f.getOtherFile() + ")" : "");
        }
        if (ex instanceof java.io.UncheckedIOException u && u.getCause() != null) return message(u.getCause());
        String m = ex.getMessage();
        if (m == null || m.isBlank() || m.equals("null")) {
            return "internal error (" + ex.getClass().getSimpleName() + "); run with LOCKSTEP_DEBUG=1 for details and report it";
        }
        return org.lockstep.io.read.Errors.isDiskFull(ex) ? m + " (disk full)" : m;
    }

    /** The subcommand named NAME, or null (then all are added: help, usage errors, `lockstep help CMD`). */
    static Class<?> subcommand(String name) {
        if (name.equals("help")) return null;
        for (Class<?> c : SUBCOMMANDS) {
            Command a = c.getAnnotation(Command.class);
            if (a != null && a.name().equals(name)) return c;
        }
        return null;
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
