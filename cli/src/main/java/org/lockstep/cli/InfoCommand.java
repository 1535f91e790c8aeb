package org.lockstep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lockstep.io.read.Timestamps;
import org.lockstep.io.store.CaseDb;
import org.lockstep.io.store.CaseInfo;
import org.lockstep.io.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Summarises a case database: posts per platform and kind, time range, accounts, top hashtags, "
                + "domains and accounts, and the ingest history.")
final class InfoCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "FILE", required = true, description = "Case database (DuckDB file).")
    Path db;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Length of the top lists (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    @Override
    public Integer call() {
        CaseInfo i;
        try (CaseDb c = CaseDb.openReadOnly(db)) {
            i = c.info(Math.max(0, top));
        } catch (StoreException e) {
            String n = Preflight.nextStep(e.getMessage());
            System.err.println("lockstep info: " + e.getMessage() + (n.isEmpty() ? "" : "; " + n + "."));
            return Main.FAILED;
        }
        if (json) System.out.println(json(i));
        else print(System.out, i);
        return Main.OK;
    }

    private void print(PrintStream out, CaseInfo i) {
        out.println("Case database " + Terminal.safe(db.toString()));
        out.println("  posts       " + IngestCommand.fmt(i.posts()) + Terminal.safe(counts(i.byPlatform())));
        out.println("  kinds       " + Terminal.safe(list(i.byKind())));
        if (i.firstMs() != null) out.println("  time        " + Timestamps.iso(i.firstMs()) + " .. " + Timestamps.iso(i.lastMs()));
        out.println("  accounts    " + IngestCommand.fmt(i.accounts()));
        list(out, "Top hashtags", i.topHashtags(), "#");
        list(out, "Top domains", i.topDomains(), "");
        list(out, "Top accounts", i.topAccounts(), "");
        CaseInfo.History h = i.history();
        out.println("Ingest history: " + h.fileReads() + " file read(s), " + IngestCommand.fmt(h.records()) + " records, "
                + IngestCommand.fmt(h.stored()) + " stored, " + IngestCommand.fmt(h.duplicates()) + " duplicates, "
                + IngestCommand.fmt(h.conflicts()) + " conflicting duplicates (first kept), "
                + IngestCommand.fmt(h.rejected()) + " rejected, " + IngestCommand.fmt(h.warnings()) + " warnings"
                + (h.lastIngest() != null ? "; last ingest " + h.lastIngest() : ""));
        if (h.unfinished() > 0) {
            out.println("  " + h.unfinished() + " file(s) not ingested completely (interrupted or stopped at --max-errors): "
                    + "run lockstep ingest on them again to resume.");
        }
    }

    private static String list(Map<String, Long> m) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : m.entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(IngestCommand.fmt(e.getValue()));
        }
        return sb.toString();
    }

    private static String counts(Map<String, Long> m) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : m.entrySet()) {
            sb.append(sb.length() == 0 ? "  (" : ", ").append(e.getKey()).append(' ').append(IngestCommand.fmt(e.getValue()));
        }
        return sb.length() == 0 ? "" : sb.append(')').toString();
    }

    private static void list(PrintStream out, String title, List<CaseInfo.Count> l, String prefix) {
        if (l.isEmpty()) return;
        out.println(title + ":");
        for (CaseInfo.Count c : l) {
            // handles, hashtags and domains are written by whoever posted: no escape sequence reaches the terminal
            String name = c.label() != null && !c.label().equals(c.key())
                    ? Terminal.safe(c.label()) + " (" + Terminal.safe(c.key()) + ")" : prefix + Terminal.safe(c.key());
            out.printf("  %10s  %s%n", IngestCommand.fmt(c.posts()), name);
        }
    }

    private String json(CaseInfo i) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("db", db.toString());
        o.put("posts", i.posts());
        ObjectNode p = o.putObject("by_platform");
        i.byPlatform().forEach(p::put);
        ObjectNode k = o.putObject("by_kind");
        i.byKind().forEach(k::put);
        if (i.firstMs() != null) {
            o.put("first", Timestamps.iso(i.firstMs()));
            o.put("last", Timestamps.iso(i.lastMs()));
        } else {
            o.putNull("first");
            o.putNull("last");
        }
        o.put("accounts", i.accounts());
        top(o.putArray("top_hashtags"), i.topHashtags(), "hashtag");
        top(o.putArray("top_domains"), i.topDomains(), "domain");
        ArrayNode a = o.putArray("top_accounts");
        for (CaseInfo.Count c : i.topAccounts()) {
            ObjectNode n = a.addObject();
            n.put("account", c.key());
            n.put("handle", c.label());
            n.put("posts", c.posts());
        }
        CaseInfo.History h = i.history();
        ObjectNode hi = o.putObject("ingest");
        hi.put("file_reads", h.fileReads());
        hi.put("records", h.records());
        hi.put("stored", h.stored());
        hi.put("duplicates", h.duplicates());
        hi.put("conflicts", h.conflicts());
        hi.put("rejected", h.rejected());
        hi.put("warnings", h.warnings());
        hi.put("unfinished_files", h.unfinished());
        hi.put("last", h.lastIngest());
        return o.toString();
    }

    private static void top(ArrayNode a, List<CaseInfo.Count> l, String key) {
        for (CaseInfo.Count c : l) {
            ObjectNode n = a.addObject();
            n.put(key, c.key());
            n.put("posts", c.posts());
        }
    }
}
