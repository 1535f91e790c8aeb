package org.lockstep.bench;

import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import com.google.thirdparty.publicsuffix.PublicSuffixType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lockstep.core.domains.LookalikeMatcher;
import org.lockstep.core.domains.ProtectFile;
import org.lockstep.core.domains.ProtectedEntity;

/**
 * Compares Lockstep's reverse matching with dnstwist's forward permutations on the labelled set
 * ({@code core/src/test/resources/org/lockstep/core/domains/labelled-domains.tsv}):
 *
 * <ul>
 *   <li>recall: share of the attack domains that dnstwist generates from the domain they imitate
 *       (default fuzzers; then every dictionary and TLD list it ships), and that Lockstep flags and
 *       attributes to that domain;
 *   <li>alarms on legitimate near-misses: share of the real look-alike-but-legitimate sites each
 *       produces;
 *   <li>alarms on ordinary domains: the registered domains of the private section of the public
 *       suffix list (companies such as hosting providers; real, ordinary, none imitating the
 *       protected sites) that each produces against all protected domains at once.
 * </ul>
 *
 * Optionally a second list of ordinary host names, one per line: for example the hosts of the
 * home pages of all Debian packages,
 * {@code apt-cache dumpavail | grep ^Homepage: | sed -E 's#^Homepage:\s*##; s#^[a-zA-Z]+://##; s#[/:?].*##' | sort -u}.
 *
 * Usage: {@code DomainDnstwistComparison LABELLED.tsv PROTECT.txt [dnstwist] [dictionaries-dir] [ordinary-hosts.txt]}.
 * Needs the dnstwist command (Debian package {@code dnstwist}); runs it offline ({@code -f list}).
 */
public final class DomainDnstwistComparison {
    private DomainDnstwistComparison() {}

    public static void main(String[] args) throws Exception {
        Path labelled = Path.of(args[0]);
        Path protect = Path.of(args[1]);
        String dnstwist = args.length > 2 ? args[2] : "dnstwist";
        Path dicts = Path.of(args.length > 3 ? args[3] : "/usr/share/dnstwist/dictionaries");
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(labelled, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank() || line.startsWith("domain\t")) continue;
            rows.add(line.split("\t", -1));
        }
        List<ProtectedEntity> entities;
        try (Reader r = Files.newBufferedReader(protect)) {
            entities = ProtectFile.read(r).entities();
        }
        LookalikeMatcher matcher = new LookalikeMatcher(entities, LookalikeMatcher.Config.defaults());
        Path tlds = Files.createTempFile("tlds", ".dict");
        Path words = Files.createTempFile("words", ".dict");
        Files.write(tlds, union(dicts.resolve("common_tlds.dict"), dicts.resolve("abused_tlds.dict")));
        Files.write(words, union(dicts.resolve("english.dict"), dicts.resolve("french.dict"), dicts.resolve("polish.dict")));
        Map<String, Set<String>> plain = new HashMap<>(), all = new HashMap<>();
        Set<String> protectedDomains = new TreeSet<>();
        for (ProtectedEntity e : entities) protectedDomains.addAll(e.domains());
        for (String d : protectedDomains) {
            plain.put(d, run(dnstwist, "-f", "list", d));
            all.put(d, run(dnstwist, "-f", "list", "--tld", tlds.toString(), "-d", words.toString(), d));
        }
        int attacks = 0, dtPlain = 0, dtAll = 0, ls = 0;
        int legit = 0, dtPlainAlarms = 0, dtAllAlarms = 0, lsAlarms = 0;
        List<String> dtMissed = new ArrayList<>();
        for (String[] r : rows) {
            String domain = r[0], label = r[1], imitates = r[2];
            if (!plain.containsKey(imitates)) continue;
            boolean inPlain = plain.get(imitates).contains(domain), inAll = all.get(imitates).contains(domain);
            LookalikeMatcher.Result res = matcher.match(domain);
            if (label.equals("attack")) {
                attacks++;
                if (inPlain) dtPlain++;
                if (inAll) dtAll++;
                else dtMissed.add(domain);
                if (!res.matches().isEmpty() && res.matches().get(0).protectedDomain().equals(imitates)) ls++;
            } else if (label.equals("legit")) {
                legit++;
                if (inPlain) dtPlainAlarms++;
                if (inAll) dtAllAlarms++;
                if (!res.matches().isEmpty()) lsAlarms++;
            }
        }
        // ordinary domains: registered domains named in the private section of the public suffix list
        Set<String> ordinary = new TreeSet<>();
        for (Map.Entry<String, PublicSuffixType> e : PublicSuffixPatterns.EXACT.entrySet()) {
            if (e.getValue() != PublicSuffixType.PRIVATE) continue;
            String k = e.getKey();
            if (k.chars().filter(c -> c == '.').count() == 1 && k.chars().allMatch(c -> c < 128)) ordinary.add(k);
        }
        Set<String> dtUnionPlain = new HashSet<>(), dtUnionAll = new HashSet<>();
        plain.values().forEach(dtUnionPlain::addAll);
        all.values().forEach(dtUnionAll::addAll);
        int oPlain = 0, oAll = 0, oLs = 0;
        List<String> lsOrdinary = new ArrayList<>(), dtOrdinary = new ArrayList<>();
        for (String d : ordinary) {
            if (protectedDomains.contains(d)) continue;
            if (dtUnionPlain.contains(d)) oPlain++;
            if (dtUnionAll.contains(d)) {
                oAll++;
                dtOrdinary.add(d);
            }
            LookalikeMatcher.Result res = matcher.match(d);
            if (!res.matches().isEmpty()) {
                oLs++;
                lsOrdinary.add(d + " " + res.matches().get(0).techniques() + " " + res.matches().get(0).score());
            }
        }
        String extra = "";
        if (args.length > 4) {
            int n = 0, ePlain = 0, eAll = 0, eLs = 0;
            List<String> lsExtra = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(args[4]), StandardCharsets.UTF_8)) {
                String h = line.strip().toLowerCase(java.util.Locale.ROOT);
                if (h.startsWith("www.")) h = h.substring(4);
                if (h.isEmpty() || protectedDomains.contains(h)) continue;
                n++;
                String reg = org.lockstep.core.url.UrlNormalizer.registrableDomain(h);
                if (dtUnionPlain.contains(h) || reg != null && dtUnionPlain.contains(reg)) ePlain++;
                if (dtUnionAll.contains(h) || reg != null && dtUnionAll.contains(reg)) eAll++;
                LookalikeMatcher.Result res = matcher.match(h);
                if (!res.matches().isEmpty()) {
                    eLs++;
                    lsExtra.add(h + " " + res.matches().get(0).techniques() + " " + res.matches().get(0).score());
                }
            }
            extra = String.format("second ordinary list %s: %d hosts; dnstwist default %d, dnstwist all lists %d, Lockstep %d %s",
                    args[4], n, ePlain, eAll, eLs, lsExtra);
        }
        long plainSize = plain.values().stream().mapToLong(Set::size).sum(), allSize = all.values().stream().mapToLong(Set::size).sum();
        System.out.printf("protected domains: %d; dnstwist names generated: %d (default), %d (all lists)%n", protectedDomains.size(), plainSize, allSize);
        System.out.println("| | attack recall | legit near-misses flagged | ordinary domains flagged |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| dnstwist (default fuzzers) | %d/%d = %.2f | %d/%d = %.2f | %d/%d |%n", dtPlain, attacks, dtPlain / (double) attacks, dtPlainAlarms, legit, dtPlainAlarms / (double) legit, oPlain, ordinary.size());
        System.out.printf("| dnstwist (all dictionaries and TLD lists) | %d/%d = %.2f | %d/%d = %.2f | %d/%d |%n", dtAll, attacks, dtAll / (double) attacks, dtAllAlarms, legit, dtAllAlarms / (double) legit, oAll, ordinary.size());
        System.out.printf("| Lockstep (threshold %.2f) | %d/%d = %.2f | %d/%d = %.2f | %d/%d |%n", matcher.config().threshold(), ls, attacks, ls / (double) attacks, lsAlarms, legit, lsAlarms / (double) legit, oLs, ordinary.size());
        System.out.println("dnstwist (all lists) missed: " + dtMissed);
        System.out.println("Lockstep flagged ordinary: " + lsOrdinary);
        System.out.println("dnstwist (all lists) generated ordinary: " + dtOrdinary);
        if (!extra.isEmpty()) System.out.println(extra);
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
                String t = l.strip().toLowerCase(java.util.Locale.ROOT);
                if (!t.isEmpty()) out.add(java.net.IDN.toASCII(t, java.net.IDN.ALLOW_UNASSIGNED));
            }
        }
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed");
        return out;
    }
}
