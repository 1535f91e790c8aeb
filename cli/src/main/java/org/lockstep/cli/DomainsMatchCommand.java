package org.lockstep.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.lockstep.core.domains.LookalikeMatcher;
import org.lockstep.core.domains.PostHosts;
import org.lockstep.core.domains.ProtectFile;
import org.lockstep.core.domains.ProtectedEntity;
import org.lockstep.core.domains.Technique;
import org.lockstep.io.ct.CtEntry;
import org.lockstep.io.ct.CtFollower;
import org.lockstep.io.ct.CtLogClient;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.Readers;
import org.lockstep.io.store.CaseDb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lockstep domains match}: which protected entity does each observed host name imitate. */
@Command(name = "match", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks host names against protected entities and prints the look-alikes with a score and the techniques that explain them.",
                "Sources: host names one per line (files or - for standard input), URLs in posts, or a Certificate Transparency log."})
final class DomainsMatchCommand implements Callable<Integer> {
    @Option(names = "--protect", required = true, paramLabel = "FILE",
            description = "Protected entities: a plain list of domains, or [entity] blocks (see docs/domains.md). Repeatable.")
    List<Path> protect = new ArrayList<>();

    @Option(names = "--candidates", paramLabel = "FILE|-", description = "Host names (or URLs), one per line; - reads standard input. Repeatable.")
    List<String> candidates = new ArrayList<>();

    @Option(names = "--posts", paramLabel = "FILE|DIR|-", description = "Posts in any format Lockstep reads; their URL hosts are checked, with the accounts that posted them. Repeatable.")
    List<String> posts = new ArrayList<>();

    @Option(names = "--db", paramLabel = "case.duckdb", description = "A case database (lockstep ingest): the hosts of the URLs in its posts are checked, with the accounts that posted them.")
    Path db;

    @Option(names = "--coordinated", paramLabel = "FILE",
            description = "Accounts found coordinated (one id per line, or the accounts.csv of lockstep detect): look-alikes they posted rank higher.")
    Path coordinatedFile;

    @Option(names = "--ct-log", paramLabel = "URL", description = "A Certificate Transparency log (RFC 6962), e.g. https://ct.example/logs/2025h1/")
    String ctLog;

    @Option(names = "--ct-state", paramLabel = "FILE|DIR", description = "Where the position in the CT log is kept; a restart resumes there. With --ct-log-list: a directory, one file per log.")
    Path ctState;

    @Option(names = "--ct-key", paramLabel = "BASE64", description = "The log's public key (base64 DER, the 'key' of the CT log list): every signed tree head is verified.")
    String ctKey;

    @Option(names = "--ct-log-list", paramLabel = "FILE", description = "A CT log list (v3 JSON, e.g. a saved copy of Chrome's log_list.json): every usable or qualified RFC 6962 log in it is read, each with its key and its own saved position.")
    Path ctLogList;

    @Option(names = "--ct-start", paramLabel = "INDEX", defaultValue = "-1", description = "First entry when there is no saved position (default: the current end of the log).")
    long ctStart;

    @Option(names = "--ct-max", paramLabel = "N", defaultValue = "-1", description = "Stop after N log entries (default: 100000, no limit with --ct-follow).")
    long ctMax;

    @Option(names = "--ct-batch", paramLabel = "N", defaultValue = "256", description = "Entries per request (default ${DEFAULT-VALUE}).")
    int ctBatch;

    @Option(names = "--ct-follow", description = "Keep polling the log for new entries.")
    boolean ctFollow;

    @Option(names = "--format", defaultValue = "tsv", paramLabel = "tsv|json", description = "Output: tsv (default) or json (one object per line).")
    DomainsOutput.Format format;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "SCORE", description = "Smallest score reported, 0..1 (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--allow", paramLabel = "FILE",
            description = {"Popularity allow-list, e.g. a top-sites list: one domain per line, or rank,domain (Tranco, Umbrella CSV). "
                    + "Matches of a listed host or registrable domain score x0.5 (technique allow-listed). Repeatable."})
    List<Path> allowFiles = new ArrayList<>();

    @Option(names = "--keyword", paramLabel = "WORD", description = "Extra keyword combined with names (besides mail, login, onedrive, ...). Repeatable.")
    List<String> keywords = new ArrayList<>();

    @Option(names = "--alerts", paramLabel = "FILE",
            description = "Append one JSON line per new look-alike (candidate and protected domain) to FILE; one already in FILE is not alerted again.")
    Path alertsFile;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST each alert as JSON to this URL (needs --alerts).")
    String webhook;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write matches here instead of standard output.")
    Path output;

    @Option(names = "--max-errors", defaultValue = "-1", paramLabel = "N", description = "Stop when more than N inputs were rejected (default: never).")
    long maxErrors;

    @Option(names = "--quiet", description = "Do not print each rejected input, only the counts.")
    boolean quiet;

    private long read, rejected, owned, flagged;
    private DomainsAlerts alerts;
    private Set<String> coordinated = Set.of();
    /** Standard input may be a live feed: write each look-alike at once. */
    private boolean live;

    @Override
    public Integer call() throws Exception {
        if (candidates.isEmpty() && posts.isEmpty() && ctLog == null && ctLogList == null && db == null) {
            System.err.println("lockstep domains match: give --candidates FILE|-, --posts FILE, --db case.duckdb, --ct-log URL or --ct-log-list FILE");
            return Main.USAGE;
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            System.err.println("lockstep domains match: --threshold must be between 0 and 1");
            return Main.USAGE;
        }
        String badHook = Preflight.webhook(webhook, alertsFile);
        if (badHook != null) {
            System.err.println("lockstep domains match: " + badHook);
            return Main.USAGE;
        }
        List<ProtectedEntity> entities = new ArrayList<>();
        for (Path p : protect) {
            try (Reader r = reader(Files.newInputStream(p))) {
                ProtectFile.Loaded l = ProtectFile.read(r);
                for (ProtectFile.Problem pr : l.problems()) System.err.println(Terminal.safe(p + ":" + pr.line() + ": skipped: " + pr.reason()));
                entities.addAll(l.entities());
            }
        }
        if (entities.isEmpty()) {
            System.err.println("lockstep domains match: no protected entity in " + protect);
            return Main.USAGE;
        }
        if (coordinatedFile != null) coordinated = readAccounts(coordinatedFile);
        Set<String> allow = new java.util.HashSet<>();
        for (Path a : allowFiles) {
            try {
                readAllowList(a, allow);
            } catch (IOException e) {
                System.err.println("lockstep domains match: cannot read --allow " + Safe.text(a.toString()) + ": " + Safe.text(String.valueOf(e.getMessage())));
                return Main.USAGE;
            }
        }
        LookalikeMatcher matcher = new LookalikeMatcher(entities,
                LookalikeMatcher.Config.defaults().withThreshold(threshold).withKeywords(keywords).withAllow(allow));
        if (alertsFile != null) {
            try {
                alerts = new DomainsAlerts(alertsFile, webhook);
            } catch (IOException e) {
                System.err.println("lockstep domains match: --alerts " + Safe.text(alertsFile.toString()) + ": "
                        + Safe.text(String.valueOf(e.getMessage())));
                return Main.USAGE;
            }
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(output == null ? System.out : Files.newOutputStream(output), StandardCharsets.UTF_8), 1 << 16);
        try (DomainsOutput out = new DomainsOutput(w, format,
                List.of("candidate", "protected", "entity", "score", "techniques", "matched", "source", "detail"))) {
            for (String c : candidates) {
                if (!fromFile(c, matcher, out)) return Main.TOO_MANY_ERRORS;
            }
            for (String p : posts) fromPosts(p, matcher, out);
            if (db != null) fromDb(matcher, out);
            if (ctLog != null) {
                java.security.PublicKey key = null;
                if (ctKey != null) {
                    try {
                        key = org.lockstep.io.ct.SignedTreeHead.publicKey(ctKey);
                    } catch (java.security.GeneralSecurityException e) {
                        System.err.println("lockstep domains match: --ct-key: " + Safe.text(String.valueOf(e.getMessage())));
                        return Main.USAGE;
                    }
                }
                fromCt(matcher, out, ctLog, key, ctState);
            }
            if (ctLogList != null) {
                Integer rc = fromLogList(matcher, out);
                if (rc != null) return rc;
            }
        } finally {
            if (output != null) w.close();
            else w.flush();
            if (alerts != null) {
                alerts.close();
                System.err.println("lockstep domains match: " + alerts.summary());
            }
        }
        System.err.printf("lockstep domains match: %d candidates, %d rejected, %d owned, %d flagged (threshold %.2f)%n",
                read, rejected, owned, flagged, threshold);
        return read == 0 ? Main.NOTHING_READ : Main.OK;
    }

    /**
     * Reads a popularity allow-list: one domain per line, or CSV lines whose last field is the domain
     * (Tranco's and Umbrella's {@code rank,domain}); {@code #} comments and blank lines are skipped.
     */
    static void readAllowList(Path file, Set<String> into) throws IOException {
        java.io.InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) in = new java.util.zip.GZIPInputStream(in);
        try (java.io.BufferedReader r = new java.io.BufferedReader(reader(in))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                int comma = t.lastIndexOf(',');
                if (comma >= 0) t = t.substring(comma + 1).strip();
                t = t.toLowerCase(java.util.Locale.ROOT);
                if (t.startsWith("www.")) t = t.substring(4);
                if (!t.isEmpty() && t.indexOf(' ') < 0) into.add(t);
            }
        }
    }

    private static Reader reader(java.io.InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private boolean fromFile(String name, LookalikeMatcher matcher, DomainsOutput out) throws IOException {
        String label = name.equals("-") ? "<stdin>" : name;
        live = name.equals("-");
        try (Reader r = new java.io.BufferedReader(reader(name.equals("-") ? System.in : Files.newInputStream(Path.of(name))), 1 << 16)) {
            DomainsInput in = new DomainsInput(r);
            String line;
            while ((line = in.next()) != null) {
                if (in.tooLong()) {
                    reject(label + ":" + in.line(), "line longer than " + DomainsInput.MAX_LINE + " characters");
                } else {
                    String c = DomainsInput.candidate(line);
                    if (c.isEmpty()) continue;
                    handle(matcher.match(c), label + ":" + in.line(), "", out);
                }
                if (maxErrors >= 0 && rejected > maxErrors) {
                    System.err.println("lockstep domains match: more than " + maxErrors + " rejected inputs, stopping");
                    return false;
                }
            }
        } finally {
            live = false;
        }
        return true;
    }

    private void fromPosts(String input, LookalikeMatcher matcher, DomainsOutput out) throws IOException {
        Readers.Loaded loaded = Readers.table(List.of(input), ReadOptions.defaults(), false,
                p -> { if (!quiet) System.err.println("lockstep domains match: " + Safe.text(String.valueOf(p))); });
        List<LookalikeMatcher.Candidate> cands = PostHosts.candidates(loaded.table(), coordinated);
        matcher.matchAll(cands, (c, r) -> {
            PostHosts.Spread s = (PostHosts.Spread) c.context();
            List<String> acc = s.accounts().size() > 20 ? s.accounts().subList(0, 20) : s.accounts();
            handle(r, "posts", "posts=" + s.posts() + " accounts=" + s.accounts().size()
                    + (c.evidence().coordinatedAccounts() > 0 ? " coordinated=" + c.evidence().coordinatedAccounts() : "") + " [" + String.join(" ", acc)
                    + (s.accounts().size() > 20 ? " ..." : "") + "] first_seen=" + Instant.ofEpochMilli(s.firstSeen()), out);
        });
    }

    /**
     * Account ids: the account_id column of a CSV whose header names it (accounts.csv of detect, read by
     * {@link org.lockstep.io.out.OwnCsv}, so ids with commas, quotes or line breaks survive), or else one id
     * per line ('#' starts a comment).
     */
    private static Set<String> readAccounts(Path file) throws IOException {
        Set<String> out = new java.util.HashSet<>();
        String first;
        try (java.io.BufferedReader r = new java.io.BufferedReader(reader(Files.newInputStream(file)))) {
            first = r.readLine();
        }
        if (first != null && first.strip().replace("\uFEFF", "").startsWith("account_id")) {
            int[] col = {-1};
            org.lockstep.io.out.OwnCsv.forEach(file, h -> col[0] = org.lockstep.io.out.OwnCsv.column(h, "account_id"), row -> {
                if (col[0] >= 0 && col[0] < row.size() && !row.get(col[0]).isEmpty()) out.add(row.get(col[0]));
            });
            return out;
        }
        try (java.io.BufferedReader r = new java.io.BufferedReader(reader(Files.newInputStream(file)))) {
            String line;
            while ((line = r.readLine()) != null) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) out.add(id);
            }
        }
        return out;
    }

    /** Hosts of the URLs in a case database's posts, grouped in the database. */
    private void fromDb(LookalikeMatcher matcher, DomainsOutput out) throws IOException {
        String sql = "SELECT u.host, count(*) AS posts, count(DISTINCT p.account_id) AS accounts, "
                + (coordinated.isEmpty() ? "list_slice(list(DISTINCT p.account_id), 1, 20)" : "list(DISTINCT p.account_id)")
                + " AS some_accounts, epoch_ms(min(p.time)) AS first_seen "
                + "FROM post_urls u JOIN posts p ON p.platform = u.platform AND p.post_id = u.post_id "
                + "WHERE u.host IS NOT NULL GROUP BY u.host ORDER BY first_seen";
        try (CaseDb cdb = CaseDb.openReadOnly(db);
             java.sql.Statement st = cdb.connection().createStatement();
             java.sql.ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String host = rs.getString(1);
                long n = rs.getLong(2), accounts = rs.getLong(3);
                java.sql.Array arr = rs.getArray(4);
                List<String> some = new ArrayList<>();
                int coord = 0;
                for (Object o : (Object[]) arr.getArray()) {
                    String id = String.valueOf(o);
                    if (coordinated.contains(id)) coord++;
                    if (some.size() < 20) some.add(id);
                }
                long first = rs.getLong(5);
                LookalikeMatcher.Result r = matcher.match(host, new LookalikeMatcher.Evidence(false, false, coord));
                if (r.rejection() == null && !r.owned()) {
                    for (LookalikeMatcher.Match m : r.matches()) {
                        List<String> t = new ArrayList<>();
                        for (Technique x : m.techniques()) t.add(x.label());
                        Map<String, Object> d = new java.util.LinkedHashMap<>();
                        d.put("score", m.score());
                        d.put("entity", m.entity());
                        d.put("matched", m.matchedName());
                        d.put("coordinated_accounts", coord);
                        d.put("some_accounts", some);
                        dbMatches.add(new org.lockstep.io.store.CaseResults.DomainMatch(m.candidate(), m.protectedDomain(), String.join(",", t),
                                (int) n, (int) accounts, first, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(d)));
                    }
                }
                handle(r, "db", "posts=" + n + " accounts=" + accounts + (coord > 0 ? " coordinated=" + coord : "") + " [" + String.join(" ", some)
                        + (accounts > some.size() ? " ..." : "") + "] first_seen=" + Instant.ofEpochMilli(first), out);
            }
        } catch (java.sql.SQLException e) {
            throw new IOException("reading hosts from " + db + ": " + e.getMessage(), e);
        }
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("threshold", threshold);
        params.put("protect", protect.toString());
        params.put("keywords", keywords);
        CaseRuns.record(db, "domains", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(params),
                "{\"matches\":" + dbMatches.size() + "}", new java.io.PrintWriter(System.err, true),
                (results, run) -> results.writeDomainMatches(run, dbMatches));
    }

    /** Look-alikes found among the case's hosts, recorded in the case as a run of domains. */
    private final List<org.lockstep.io.store.CaseResults.DomainMatch> dbMatches = new ArrayList<>();

    /**
     * Reads every usable RFC 6962 log of a v3 log list, one thread per log, each with its key and
     * its own position file in the {@code --ct-state} directory. Static-ct-api (tiled) logs are
     * listed and skipped: not supported yet. Returns an exit code on a usage error, else null.
     */
    private Integer fromLogList(LookalikeMatcher matcher, DomainsOutput out) throws IOException, InterruptedException {
        List<org.lockstep.io.ct.CtLogList.Log> logs;
        try {
            logs = org.lockstep.io.ct.CtLogList.parse(Files.readAllBytes(ctLogList));
        } catch (IOException e) {
            System.err.println("lockstep domains match: --ct-log-list " + Safe.text(ctLogList.toString()) + ": " + Safe.text(String.valueOf(e.getMessage())));
            return Main.USAGE;
        }
        if (ctState != null) Files.createDirectories(ctState);
        List<Thread> threads = new ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (org.lockstep.io.ct.CtLogList.Log log : logs) {
            if (!log.usable()) continue;
            if (log.tiled()) {
                System.err.println("lockstep domains match: skipping " + Safe.text(log.description()) + " (static-ct-api logs are not supported yet)");
                continue;
            }
            java.security.PublicKey key;
            try {
                key = org.lockstep.io.ct.SignedTreeHead.publicKey(log.key());
            } catch (java.security.GeneralSecurityException e) {
                System.err.println("lockstep domains match: skipping " + Safe.text(log.description()) + ": " + Safe.text(String.valueOf(e.getMessage())));
                continue;
            }
            Path state = ctState == null ? null
                    : ctState.resolve(Base64.getUrlEncoder().withoutPadding().encodeToString(log.logId().getBytes(StandardCharsets.UTF_8)) + ".json");
            Thread t = new Thread(() -> {
                try {
                    fromCt(matcher, out, log.url(), key, state);
                } catch (IOException e) {
                    failures.add(log.description() + ": " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "ct-" + log.description());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        for (String f : failures) System.err.println("lockstep domains match: " + Safe.text(f));
        return null;
    }

    private void fromCt(LookalikeMatcher matcher, DomainsOutput out, String ctLog, java.security.PublicKey key, Path ctState)
            throws IOException, InterruptedException {
        CtLogClient client = new CtLogClient(CtLogClient.Config.of(ctLog).withKey(key));
        CtFollower follower = new CtFollower(client, new CtFollower.Config(ctState, ctStart, Math.max(1, ctBatch),
                ctMax >= 0 ? ctMax : ctFollow ? Long.MAX_VALUE : 100_000, ctFollow, Duration.ofSeconds(10),
                m -> System.err.println("lockstep domains match: " + Safe.text(m))));
        Map<String, Boolean> recent = new LinkedHashMap<>(1 << 16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
                return size() > 200_000;
            }
        };
        long now = System.currentTimeMillis();
        CtFollower.Stats s = follower.run(batch -> {
          synchronized (this) { // several logs may be read at once (--ct-log-list)
            for (CtEntry e : batch) {
                if (e.problem() != null) {
                    reject("ct:" + e.index(), e.problem());
                    continue;
                }
                boolean fresh = now - e.timestamp() < Duration.ofDays(30).toMillis();
                // ownership evidence: a certificate that also names a protected, owned or sister
                // domain was requested by the organisation itself (or its host), so none of its names is an imitation
                boolean shared = false;
                for (String name : e.names()) {
                    if (matcher.ownsName(name)) {
                        shared = true;
                        break;
                    }
                }
                LookalikeMatcher.Evidence ev = new LookalikeMatcher.Evidence(fresh, e.freeCa(), 0, -1, shared);
                for (String name : e.names()) {
                    String n = name.startsWith("*.") ? name.substring(2) : name;
                    if (n.regionMatches(true, 0, "www.", 0, 4) && n.indexOf('.', 4) > 0) n = n.substring(4);
                    if (recent.put(n, Boolean.TRUE) != null) continue; // same name in cert and precert, or www. and bare
                    handle(matcher.match(n, ev), "ct:" + e.index(), "logged=" + Instant.ofEpochMilli(e.timestamp())
                            + (e.precert() ? " precert" : " cert") + (e.freeCa() ? " free-ca" : "") + " issuer=" + e.issuer()
                            + (ctLogList != null ? " log=" + ctLog : ""), out);
                }
            }
            out.flush();
          }
        });
        System.err.printf("lockstep domains match: CT log %s entries %d..%d (%d read, %d unparseable)%n",
                Safe.text(ctLog), s.start(), s.next() - 1, s.entries(), s.unparseable());
    }

    private void handle(LookalikeMatcher.Result r, String source, String detail, DomainsOutput out) throws IOException {
        read++;
        if (r.rejection() != null) {
            reject(source, r.rejection());
            return;
        }
        if (r.owned()) {
            owned++;
            return;
        }
        if (r.matches().isEmpty()) return;
        flagged++;
        for (LookalikeMatcher.Match m : r.matches()) {
            List<String> t = new ArrayList<>(m.techniques().size());
            for (Technique x : m.techniques()) t.add(x.label());
            out.row(m.candidate(), m.protectedDomain(), m.entity(), m.score(), t, m.matchedName(), source, detail);
            if (alerts != null) alerts.emit(m.candidate(), m.protectedDomain(), m.entity(), m.score(), t, m.matchedName(), source, detail);
        }
        if (live) out.flush();
    }

    private void reject(String source, String reason) {
        rejected++;
        if (!quiet) System.err.println(Safe.text(source) + ": skipped: " + Safe.text(reason));
    }

    /** Makes untrusted text safe for a terminal line. */
    static final class Safe {
        static String text(String s) {
            return Terminal.safe(s);
        }
    }
}
