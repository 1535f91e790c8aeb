package org.lockstep.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lockstep.io.store.CaseDb;
import org.lockstep.io.store.StoreException;
import org.lockstep.web.Role;
import org.lockstep.web.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockstep users}: the workbench's users and API tokens, stored in the case. Passwords are read
 * from standard input (never from the command line, where other users of the machine could see them);
 * {@code token} prints only the token on standard output, everything else goes to standard error.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Manage the workbench's users: add (password read from standard input), list, token (issue an API token",
            "for scripts; prints only the token), token --revoke ID. Roles: viewer (read), analyst (also label and",
            "run analyses), admin (also manage users). Not while lockstep serve holds the case."})
final class UsersCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "add, list or token")
    String action;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "Case database.")
    Path db;

    @Option(names = "--name", description = "User name.")
    String name;

    @Option(names = "--role", description = "admin, analyst or viewer (with add).")
    String role;

    @Option(names = "--revoke", paramLabel = "ID", description = "With token: revoke the token with this id (see users list).")
    Long revoke;

    @Override
    public Integer call() throws Exception {
        if (!java.nio.file.Files.isRegularFile(db)) {
            System.err.println("lockstep users: no case database at " + db);
            return Main.USAGE;
        }
        String actor = "cli:" + System.getProperty("user.name");
        try (CaseDb c = CaseDb.open(db)) {
            Users users = new Users(c);
            switch (action) {
                case "add" -> {
                    if (name == null || role == null) {
                        System.err.println("lockstep users add: give --name and --role");
                        return Main.USAGE;
                    }
                    Role r = Role.of(role);
                    if (System.console() != null) System.err.print("password for " + name + ": ");
                    char[] pw = readPassword();
                    if (pw == null) {
                        System.err.println("lockstep users add: no password on standard input");
                        return Main.USAGE;
                    }
                    users.add(name, r, pw, actor);
                    java.util.Arrays.fill(pw, '\0');
                    System.err.println("lockstep users: " + name + " can log in as " + r.key());
                }
                case "list" -> {
                    for (Users.User u : users.list()) System.out.println(u.name() + "\t" + u.role().key() + (u.disabled() ? "\tdisabled" : ""));
                    for (Users.Token t : users.tokens()) {
                        System.out.println("token " + t.id() + "\t" + t.name() + "\t" + t.createdAt() + (t.revokedAt() != null ? "\trevoked " + t.revokedAt() : ""));
                    }
                }
                case "token" -> {
                    if (revoke != null) {
                        boolean done = users.revokeToken(revoke, actor);
                        System.err.println("lockstep users: token " + revoke + (done ? " revoked" : " not found or already revoked"));
                        return done ? Main.OK : Main.FAILED;
                    }
                    if (name == null) {
                        System.err.println("lockstep users token: give --name (or --revoke ID)");
                        return Main.USAGE;
                    }
                    String token = users.issueToken(name, actor);
                    System.err.println("lockstep users: API token for " + name + " (shown once; send it as Authorization: Bearer TOKEN):");
                    System.out.println(token);
                }
                default -> {
                    System.err.println("lockstep users: unknown action " + action + " (add, list or token)");
                    return Main.USAGE;
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("lockstep users: " + e.getMessage());
            return Main.USAGE;
        } catch (StoreException e) {
            System.err.println("lockstep users: " + e.getMessage());
            return Main.FAILED;
        }
        return Main.OK;
    }

    /** The console's password prompt (no echo), or the first line of standard input (for scripts). */
    private static char[] readPassword() throws java.io.IOException {
        if (System.console() != null) return System.console().readPassword();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }
}
