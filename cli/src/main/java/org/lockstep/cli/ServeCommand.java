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
        "Serve others through a TLS reverse proxy (docs/workbench.md)."})
    String bind;

    @Option(names = "--behind-tls", description = "Users reach the workbench over https (a TLS reverse proxy): session cookies are marked Secure.")
    boolean behindTls;

    @Override
    public Integer call() throws InterruptedException {
        Workbench w;
        try {
            w = Workbench.start(new Workbench.Options(db, bind, port, behindTls));
        } catch (StoreException e) {
            System.err.println("lockstep serve: " + e.getMessage());
            return Main.FAILED;
        }
        if (w.users().list().isEmpty()) {
            System.err.println("lockstep serve: the case has no users yet; add one with: lockstep users add --db " + db + " --name NAME --role admin");
        }
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        System.err.println("lockstep serve: http://" + host + ":" + w.port() + "/ (Ctrl-C to stop)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            w.close();
            stop.countDown();
        }));
        stop.await();
        return Main.OK;
    }
}
