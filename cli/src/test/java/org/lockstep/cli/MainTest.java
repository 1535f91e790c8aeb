package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@link Main}: subcommands added one at a time, and all of them where the help needs them. */
class MainTest {
    private static final String[] NAMES = {"demo", "ingest", "info", "export", "simulate", "detect", "campaigns", "accounts", "domains", "plans", "stream", "serve", "users"};

    @Test
    void everySubcommandIsFoundByItsName() {
        assertEquals(NAMES.length + 1, Main.SUBCOMMANDS.size());
        for (String n : NAMES) {
            Class<?> c = Main.subcommand(n);
            assertEquals(n, c.getAnnotation(CommandLine.Command.class).name());
        }
        assertNull(Main.subcommand("help"), "help needs every subcommand");
        assertNull(Main.subcommand("--help"));
        assertNull(Main.subcommand("nonsense"));
    }

    @Test
    void usageListsEverySubcommandAndHelpFindsOne() {
        String usage = stdout("--help");
        for (String n : NAMES) assertTrue(usage.contains("  " + n + " "), n + " missing from\n" + usage);
        assertTrue(stdout("help", "detect").contains("Usage: lockstep detect"));
        assertTrue(stdout("detect", "--help").contains("Usage: lockstep detect"));
    }

    private static String stdout(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            assertEquals(Main.OK, Main.run(args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
