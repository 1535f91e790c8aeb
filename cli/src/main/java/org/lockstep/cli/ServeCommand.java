package org.lockstep.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lockstep.io.store.StoreException;
import org.lockstep.web.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lockstep serve}: the web workbench over a case (a thin wrapper around {@link Workbench}). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web workbench over a case: overview, coordination network, groups, campaigns, accounts,",
            "domains, post search, labels, analyses as jobs, exports. Add users first with: lockstep users add.",
            "See docs/workbench.md."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "Case database (DuckDB file); held open for writing while serving.")
    Path db;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = {"Address to listen on (default: ${DEFAULT-VALUE}, this machine only).",
        "Serve others over TLS: --keystore, or a TLS reverse proxy (docs/workbench.md)."})
    String bind;

    @Option(names = "--behind-tls", description = "Users reach the workbench over https (a TLS reverse proxy): session cookies are marked Secure.")
    boolean behindTls;

    /** Where the keystore's password is read from when no --keystore-password-file is given. */
    static final String PASSWORD_ENV = "LOCKSTEP_KEYSTORE_PASSWORD";

    @Option(names = "--keystore", paramLabel = "FILE.p12", description = {"Serve HTTPS (only) with this PKCS12 keystore: the server's private key and",
        "certificate chain. Its password is read from the environment variable " + PASSWORD_ENV,
        "or from --keystore-password-file, never from the command line. Session cookies are then Secure."})
    Path keystore;

    @Option(names = "--keystore-password-file", paramLabel = "FILE", description = "File holding the keystore's password (its first line).")
    Path keystorePasswordFile;

    /** The keystore's password: the file's first line, else the environment variable; null (and a message) when neither. */
    char[] keystorePassword() throws java.io.IOException {
        if (keystorePasswordFile != null) {
            String text = java.nio.file.Files.readString(keystorePasswordFile, java.nio.charset.StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return (nl < 0 ? text : text.substring(0, nl)).replace("\r", "").toCharArray();
        }
        String env = System.getenv(PASSWORD_ENV);
        return env == null ? null : env.toCharArray();
    }

    @Override
    public Integer call() throws InterruptedException {
        char[] password = null;
        if (keystore != null) {
            try {
                password = keystorePassword();
            } catch (java.io.IOException e) {
                System.err.println("lockstep serve: cannot read --keystore-password-file " + keystorePasswordFile + ": " + e.getMessage());
                return Main.FAILED;
            }
            if (password == null) {
                System.err.println("lockstep serve: give the keystore's password in the environment variable " + PASSWORD_ENV
                        + " or in a file (--keystore-password-file FILE); it is never taken from the command line");
                return Main.USAGE;
            }
        } else if (keystorePasswordFile != null) {
            System.err.println("lockstep serve: --keystore-password-file needs --keystore");
            return Main.USAGE;
        }
        Workbench w;
        try {
            w = Workbench.start(new Workbench.Options(db, bind, port, behindTls, keystore, password));
        } catch (StoreException | Workbench.KeystoreException e) {
            System.err.println("lockstep serve: " + e.getMessage());
            return Main.FAILED;
        }
        if (w.users().list().isEmpty()) {
            System.err.println("lockstep serve: the case has no users yet; add one with: lockstep users add --db " + db + " --name NAME --role admin");
        }
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        System.err.println("lockstep serve: " + (keystore != null ? "https" : "http") + "://" + host + ":" + w.port() + "/ (Ctrl-C to stop)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            w.close();
            stop.countDown();
        }));
        stop.await();
        return Main.OK;
    }
}
