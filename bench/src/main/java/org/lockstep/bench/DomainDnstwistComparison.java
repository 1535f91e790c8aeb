package org.lockstep.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.lockstep.core.domains.LookalikeMatcher;
import org.lockstep.core.domains.ProtectFile;
import org.lockstep.core.domains.ProtectedEntity;
import org.lockstep.core.url.UrlNormalizer;

/**
 * Lockstep's reverse matching side by side with dnstwist's forward permutations, in one run, on
 * the labelled set ({@code core/src/test/resources/org/lockstep/core/domains/labelled-domains.tsv})
 * and on a base set of ordinary hosts:
 *
 * <ul>
 *   <li>attack recall: share of the sourced attack domains flagged and attributed to the domain they
 *       imitate (dnstwist: generated from that domain);
 *   <li>false alarms on real legitimate near-misses (rows {@code legit}) and on the organisations'
 *       own unlisted domains (rows {@code legit-own});
 *   <li>AUC (attacks ranked above near-misses; dnstwist's answer is yes/no, so its AUC is the mean
 *       of its recall and its true-negative rate);
 *   <li>each split ({@code dev}: rows the rules were written from; {@code test}: held out), by the
 *       CRC-32 parity of the name as in {@code LabelledSetTest};
 *   <li>base set: share of ordinary hosts flagged (dnstwist: the host or its registrable domain is
 *       among the names it generates for any protected domain);
 *   <li>time: dnstwist generating its names for every protected domain; Lockstep building its index
 *       and matching every row and every base host.
 * </ul>
 *
 * Lockstep runs with three protect files' worth of knowledge: names only; with the organisations'
 * own other domains as sisters and their country (what a real protect file holds); and the same
 * plus a popularity allow-list ({@code --allow}). No network look-ups anywhere.
 *
 * <p>Usage: {@code DomainDnstwistComparison --labelled TSV --names PROTECT --full PROTECT
 * --dnstwist "python3 /path/dnstwist.py" --dictionaries DIR [--base HOSTS]... [--allow LIST]}.
 */
public final class DomainDnstwistComparison {
    private DomainDnstwistComparison() {}

    record Row(String domain, String label, String imitates) {
        boolean test() {
            if (label.equals("constructed")) return false;
            CRC32 c = new CRC32();
            c.update(domain.getBytes(StandardCharsets.UTF_8));
            return (c.getValue() & 1) == 1;
        }
    }

    /** Scores a host for the imitated domain: > 0 when flagged and attributed. */
    interface Tool {
        /** Score of the best match (0 if none), and whether the top match is {@code imitates}. */
        double[] score(String host, String imitates);
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> a = parse(args);
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(one(a, "--labelled")), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank() || line.startsWith("domain\t")) continue;
            String[] f = line.split("\t", -1);
            rows.add(new Row(f[0], f[1], f[2]));
        }
        List<ProtectedEntity> names = read(Path.of(one(a, "--names"))), full = read(Path.of(one(a, "--full")));
        Set<String> allow = new HashSet<>();
        for (String f : a.getOrDefault("--allow", List.of())) allow.addAll(hosts(Path.of(f)));
        List<String> base = new ArrayList<>();
        for (String f : a.getOrDefault("--base", List.of())) base.addAll(hosts(Path.of(f)));

        // dnstwist: default fuzzers, then every dictionary and TLD list it ships
        String[] dnstwist = one(a, "--dnstwist").split(" ");
        Path dicts = Path.of(one(a, "--dictionaries"));
        Path tlds = Files.createTempFile("tlds", ".dict"), words = Files.createTempFile("words", ".dict");
        Files.write(tlds, union(dicts.resolve("common_tlds.dict"), dicts.resolve("abused_tlds.dict")));
        Files.write(words, union(dicts.resolve("english.dict"), dicts.resolve("french.dict"), dicts.resolve("polish.dict")));
        Set<String> protectedDomains = new TreeSet<>();
        for (ProtectedEntity e : names) protectedDomains.addAll(e.domains());
        Map<String, Set<String>> plain = new HashMap<>(), all = new HashMap<>();
        long t0 = System.nanoTime();
        for (String d : protectedDomains) plain.put(d, run(concat(dnstwist, "-f", "list", d)));
        long t1 = System.nanoTime();
        for (String d : protectedDomains) all.put(d, run(concat(dnstwist, "-f", "list", "--tld", tlds.toString(), "-d", words.toString(), d)));
        long t2 = System.nanoTime();
        System.out.printf("dnstwist: %d protected domains; %,d names (default fuzzers) in %.1f s; %,d names (all lists) in %.1f s%n",
                protectedDomains.size(), plain.values().stream().mapToLong(Set::size).sum(), (t1 - t0) / 1e9,
                all.values().stream().mapToLong(Set::size).sum(), (t2 - t1) / 1e9);

        // dnstwist lists the original domain too; neither tool should be credited or blamed for the
        // organisations' own names, so protected, owned and sister names are taken out of its lists
        LookalikeMatcher owner = new LookalikeMatcher(full, LookalikeMatcher.Config.defaults());
        for (Set<String> set : plain.values()) set.removeIf(owner::ownsName);
        for (Set<String> set : all.values()) set.removeIf(owner::ownsName);

        long b0 = System.nanoTime();
        LookalikeMatcher lsNames = new LookalikeMatcher(names, LookalikeMatcher.Config.defaults());
        LookalikeMatcher lsFull = new LookalikeMatcher(full, LookalikeMatcher.Config.defaults());
        LookalikeMatcher lsAllow = new LookalikeMatcher(full, LookalikeMatcher.Config.defaults().withAllow(allow));
        LookalikeMatcher lowNames = new LookalikeMatcher(names, LookalikeMatcher.Config.defaults().withThreshold(0.01));
        LookalikeMatcher lowFull = new LookalikeMatcher(full, LookalikeMatcher.Config.defaults().withThreshold(0.01));
        LookalikeMatcher lowAllow = new LookalikeMatcher(full, LookalikeMatcher.Config.defaults().withThreshold(0.01).withAllow(allow));
        System.out.printf("Lockstep: six indexes built in %.2f s; public suffix list %s; allow-list %,d names%n",
                (System.nanoTime() - b0) / 1e9, LookalikeMatcher.publicSuffixListVersion(), allow.size());

        Map<String, Tool> tools = new java.util.LinkedHashMap<>();
        tools.put("dnstwist " + version(dnstwist) + ", default fuzzers", dnstwistTool(plain));
        tools.put("dnstwist, all its dictionaries and TLD lists", dnstwistTool(all));
        tools.put("Lockstep, names only", lockstepTool(lsNames, lowNames));
        tools.put("Lockstep, sisters + country", lockstepTool(lsFull, lowFull));
        tools.put("Lockstep, sisters + country + allow-list", lockstepTool(lsAllow, lowAllow));

        for (String split : List.of("dev", "test", "all")) {
            System.out.printf("%n%s rows%n| tool | attack recall | near-misses flagged | own unlisted flagged | AUC |%n|---|---|---|---|---|%n", split);
            for (Map.Entry<String, Tool> t : tools.entrySet()) {
                int at = 0, af = 0, lt = 0, lf = 0, ot = 0, of = 0;
                List<Double> pos = new ArrayList<>(), neg = new ArrayList<>();
                for (Row r : rows) {
                    if (!split.equals("all") && r.test() != split.equals("test")) continue;
                    if (!Set.of("attack", "legit", "legit-own").contains(r.label())) continue;
                    double[] s = t.getValue().score(r.domain(), r.imitates());
                    switch (r.label()) {
                        case "attack" -> { at++; pos.add(s[2]); if (s[1] > 0) af++; }
                        case "legit" -> { lt++; neg.add(s[2]); if (s[0] > 0) lf++; }
                        default -> { ot++; if (s[0] > 0) of++; }
                    }
                }
                System.out.printf("| %s | %d/%d = %.2f | %d/%d = %.2f | %d/%d | %.3f |%n", t.getKey(), af, at, af / (double) at,
                        lf, lt, lf / (double) lt, of, ot, auc(pos, neg));
            }
        }

        if (!base.isEmpty()) {
            Set<String> dtPlain = new HashSet<>(), dtAll = new HashSet<>();
            plain.values().forEach(dtPlain::addAll);
            all.values().forEach(dtAll::addAll);
            int n = 0, ownedHosts = 0, fPlain = 0, fAll = 0, fNames = 0, fFull = 0;
            List<String> lsFlagged = new ArrayList<>(), dtFlagged = new ArrayList<>();
            long lsNanos = 0;
            for (String h : base) {
                if (owner.ownsName(h)) {
                    ownedHosts++; // the protected organisations' own hosts (e.g. static.foxnews.com): not ordinary
                    continue;
                }
                n++;
                String reg = UrlNormalizer.registrableDomain(h);
                if (dtPlain.contains(h) || reg != null && dtPlain.contains(reg)) fPlain++;
                if (dtAll.contains(h) || reg != null && dtAll.contains(reg)) {
                    fAll++;
                    if (dtFlagged.size() < 40) dtFlagged.add(h);
                }
                long m0 = System.nanoTime();
                boolean hitNames = !lsNames.match(h).matches().isEmpty();
                var r = lsFull.match(h);
                lsNanos += System.nanoTime() - m0;
                if (hitNames) fNames++;
                if (!r.matches().isEmpty()) {
                    fFull++;
                    var m = r.matches().get(0);
                    lsFlagged.add(h + " " + m.score() + " " + m.techniques() + " " + m.protectedDomain());
                }
            }
            double secs = lsNanos / 1e9;
            System.out.printf("%nbase set: %,d hosts (%,d more are the protected organisations' own and left out)%n| tool | flagged | rate |%n|---|---|---|%n", n, ownedHosts);
            System.out.printf("| dnstwist, default fuzzers | %d | %.3f %% |%n", fPlain, 100.0 * fPlain / n);
            System.out.printf("| dnstwist, all lists | %d | %.3f %% |%n", fAll, 100.0 * fAll / n);
            System.out.printf("| Lockstep, names only | %d | %.3f %% |%n", fNames, 100.0 * fNames / n);
            System.out.printf("| Lockstep, sisters + country | %d | %.3f %% |%n", fFull, 100.0 * fFull / n);
            System.out.printf("Lockstep's two matchers took %.2f s wall for the base set (%,.0f hosts/s; one cold JVM, see DomainMatchCpuTime for throughput)%n", secs, 2 * n / secs);
            System.out.println("Lockstep flagged (sisters + country): " + lsFlagged);
            System.out.println("dnstwist (all lists) flagged, first 40: " + dtFlagged);
        }
    }

    private static Tool dnstwistTool(Map<String, Set<String>> perms) {
        Set<String> union = new HashSet<>();
        perms.values().forEach(union::addAll);
        return (host, imitates) -> {
            boolean any = union.contains(host);
            boolean right = perms.getOrDefault(imitates, Set.of()).contains(host);
            return new double[] {any ? 1 : 0, right ? 1 : 0, any ? 1 : 0};
        };
    }

    private static Tool lockstepTool(LookalikeMatcher m, LookalikeMatcher low) {
        return (host, imitates) -> {
            var r = m.match(host);
            var l = low.match(host);
            boolean any = !r.matches().isEmpty();
            boolean right = any && r.matches().get(0).protectedDomain().equals(imitates);
            double score = l.matches().isEmpty() ? 0 : l.matches().get(0).score();
            return new double[] {any ? 1 : 0, right ? 1 : 0, score};
        };
    }

    static double auc(List<Double> pos, List<Double> neg) {
        if (pos.isEmpty() || neg.isEmpty()) return Double.NaN;
        double wins = 0;
        for (double p : pos) for (double n : neg) wins += p > n ? 1 : p == n ? 0.5 : 0;
        return wins / ((double) pos.size() * neg.size());
    }

    private static List<ProtectedEntity> read(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p)) {
            ProtectFile.Loaded l = ProtectFile.read(r);
            if (!l.problems().isEmpty()) throw new IOException(p + ": " + l.problems());
            return l.entities();
        }
    }

    /** Host names, one per line or the last field of a CSV line; lower case, without {@code www.}. */
    private static List<String> hosts(Path p) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int comma = t.lastIndexOf(',');
            if (comma >= 0) t = t.substring(comma + 1).strip();
            t = t.toLowerCase(Locale.ROOT);
            if (t.startsWith("www.")) t = t.substring(4);
            if (!t.isEmpty()) out.add(t);
        }
        return new ArrayList<>(new LinkedHashSet<>(out));
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) m.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[i + 1]);
        return m;
    }

    private static String one(Map<String, List<String>> a, String key) {
        List<String> v = a.get(key);
        if (v == null || v.isEmpty()) throw new IllegalArgumentException("missing " + key);
        return v.get(0);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String version(String[] cmd) {
        try {
            Process p = new ProcessBuilder(concat(cmd, "--help")).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("dnstwist (\\d{8})").matcher(text);
            return m.find() ? m.group(1) : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static List<String> union(Path... files) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (Path f : files) {
            for (String l : Files.readAllLines(f)) {
                String t = l.strip();
                if (!t.isEmpty() && !t.startsWith("//") && !t.startsWith("#")) out.add(t);
            }
        }
        return new ArrayList<>(out);
    }

    private static Set<String> run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<String> out = new HashSet<>();
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                String t = l.strip().toLowerCase(Locale.ROOT);
                if (t.isEmpty()) continue;
                try {
                    out.add(java.net.IDN.toASCII(t, java.net.IDN.ALLOW_UNASSIGNED));
                } catch (IllegalArgumentException e) {
                    // a name Java's IDNA 2003 rejects: not a candidate here either
                }
            }
        }
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed");
        return out;
    }
}
