package org.lockstep.core.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall, false alarms and AUC on the labelled set in {@code labelled-domains.tsv}: attack domains
 * from public threat reports, real legitimate near-misses, the organisations' own unlisted domains
 * and hand-written examples of each technique.
 *
 * <p><b>Not circular.</b> Every sourced row falls into a fixed half by the CRC-32 of its name (even:
 * {@code dev}, odd: {@code test}), a split nobody chose. The rules were written looking only at the
 * {@code dev} half's misses and alarms (this test prints them); the {@code test} half is reported as
 * counts only, unless {@code -Dlockstep.showTest=true}. Hand-written rows are always {@code dev}.
 *
 * <p>Two protect files: {@code eval-protected.txt} (domains only: the names alone) and
 * {@code eval-protected-full.txt} (the same with each organisation's own other domains as sisters
 * and its country, as a real protect file holds them; issue 12).
 */
class LabelledSetTest {
    record Row(String domain, String label, String imitates, String technique, String source) {
        boolean test() {
            if (label.equals("constructed")) return false;
            CRC32 c = new CRC32();
            c.update(domain.getBytes(StandardCharsets.UTF_8));
            return (c.getValue() & 1) == 1;
        }
    }

    /** Figures on one split. */
    record Figures(int attacks, int found, int legit, int legitFlagged, int own, int ownFlagged, double auc,
                   List<String> missed, List<String> alarms) {
        double recall() {
            return attacks == 0 ? 0 : (double) found / attacks;
        }

        double falseAlarms() {
            return legit == 0 ? 0 : (double) legitFlagged / legit;
        }

        @Override
        public String toString() {
            return String.format("attack recall %d/%d = %.3f, near-misses flagged %d/%d = %.3f, own unlisted flagged %d/%d, AUC %.3f",
                    found, attacks, recall(), legitFlagged, legit, falseAlarms(), ownFlagged, own, auc);
        }
    }

    static final List<Row> rows = new ArrayList<>();
    static LookalikeMatcher names, full, namesLow, fullLow;

    @BeforeAll
    static void load() throws IOException {
        try (var in = new BufferedReader(new InputStreamReader(
                LabelledSetTest.class.getResourceAsStream("labelled-domains.tsv"), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                if (header) { header = false; continue; }
                String[] f = line.split("\t", -1);
                rows.add(new Row(f[0], f[1], f[2], f[3], f[4]));
            }
        }
        names = new LookalikeMatcher(entities("eval-protected.txt"), LookalikeMatcher.Config.defaults());
        full = new LookalikeMatcher(entities("eval-protected-full.txt"), LookalikeMatcher.Config.defaults());
        namesLow = new LookalikeMatcher(entities("eval-protected.txt"), LookalikeMatcher.Config.defaults().withThreshold(0.01));
        fullLow = new LookalikeMatcher(entities("eval-protected-full.txt"), LookalikeMatcher.Config.defaults().withThreshold(0.01));
    }

    static List<ProtectedEntity> entities(String resource) throws IOException {
        try (var in = new InputStreamReader(LabelledSetTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            ProtectFile.Loaded loaded = ProtectFile.read(in);
            assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
            return loaded.entities();
        }
    }

    private static LookalikeMatcher.Match top(LookalikeMatcher m, String domain) {
        LookalikeMatcher.Result r = m.match(domain);
        return r.matches().isEmpty() ? null : r.matches().get(0);
    }

    /** Figures on the rows of one split ({@code null}: all sourced rows). */
    static Figures figures(LookalikeMatcher m, LookalikeMatcher low, Boolean test) {
        int attacks = 0, found = 0, legit = 0, legitFlagged = 0, own = 0, ownFlagged = 0;
        List<String> missed = new ArrayList<>(), alarms = new ArrayList<>();
        List<Double> pos = new ArrayList<>(), neg = new ArrayList<>();
        for (Row r : rows) {
            if (r.label().equals("constructed") || r.label().equals("legit-owned")) continue;
            if (test != null && r.test() != test) continue;
            LookalikeMatcher.Match t = top(m, r.domain());
            LookalikeMatcher.Match s = top(low, r.domain());
            double score = s == null ? 0 : s.score();
            switch (r.label()) {
                case "attack" -> {
                    attacks++;
                    pos.add(score);
                    if (t != null && t.protectedDomain().equals(r.imitates())) found++;
                    else missed.add(r.domain() + " (" + (s == null ? "no match" : s.score() + " " + s.techniques()) + ")");
                }
                case "legit" -> {
                    legit++;
                    neg.add(score);
                    if (t != null) {
                        legitFlagged++;
                        alarms.add(r.domain() + " " + t.score() + " " + t.techniques());
                    }
                }
                case "legit-own" -> {
                    own++;
                    if (t != null) ownFlagged++;
                }
                default -> throw new IllegalStateException("unknown label " + r.label());
            }
        }
        return new Figures(attacks, found, legit, legitFlagged, own, ownFlagged, auc(pos, neg), missed, alarms);
    }

    /** Area under the ROC curve: the chance that an attack outscores a near-miss (ties count half). */
    static double auc(List<Double> pos, List<Double> neg) {
        if (pos.isEmpty() || neg.isEmpty()) return Double.NaN;
        double wins = 0;
        for (double p : pos) for (double n : neg) wins += p > n ? 1 : p == n ? 0.5 : 0;
        return wins / ((double) pos.size() * neg.size());
    }

    @Test
    void aucByHand() {
        assertEquals(1.0, auc(List.of(0.9, 0.8), List.of(0.1, 0.2)), 1e-12);
        assertEquals(0.5, auc(List.of(0.5), List.of(0.5)), 1e-12);
        // 0.9 beats both, 0.3 beats 0.2 only, ties 0.3 = 0.3 half: (2 + 1.5) / 4
        assertEquals(0.875, auc(List.of(0.9, 0.3), List.of(0.2, 0.3)), 1e-12);
    }

    @Test
    void splitIsFixedAndBothHalvesHaveAttacksAndNearMisses() {
        int[] c = new int[4];
        for (Row r : rows) {
            if (r.label().equals("attack")) c[r.test() ? 1 : 0]++;
            if (r.label().equals("legit")) c[r.test() ? 3 : 2]++;
        }
        System.out.printf("split: attacks dev %d test %d; near-misses dev %d test %d%n", c[0], c[1], c[2], c[3]);
        for (int x : c) assertTrue(x >= 20, "split too small " + java.util.Arrays.toString(c));
    }

    @Test
    void recallFalseAlarmsAndAucOnBothHalves() {
        boolean showTest = Boolean.getBoolean("lockstep.showTest");
        for (String which : List.of("names only", "with sisters and country")) {
            LookalikeMatcher m = which.equals("names only") ? names : full, low = which.equals("names only") ? namesLow : fullLow;
            Figures dev = figures(m, low, false), test = figures(m, low, true), all = figures(m, low, null);
            System.out.printf("[%s] dev:  %s%n", which, dev);
            System.out.printf("[%s] test: %s%n", which, test);
            System.out.printf("[%s] all:  %s%n", which, all);
            System.out.printf("[%s] dev missed %s%n[%s] dev alarms %s%n", which, dev.missed(), which, dev.alarms());
            if (showTest) System.out.printf("[%s] test missed %s%n[%s] test alarms %s%n", which, test.missed(), which, test.alarms());
        }
        Figures dev = figures(full, fullLow, false), test = figures(full, fullLow, true);
        Figures devNames = figures(names, namesLow, false);
        // the issue's goals, on the half the rules were written from
        assertTrue(dev.recall() >= 0.95, "dev recall " + dev);
        assertTrue(dev.auc() >= 0.85, "dev AUC " + dev);
        assertTrue(dev.falseAlarms() <= 0.25, "dev near-misses flagged " + dev);
        assertEquals(0, dev.ownFlagged(), "sisters are never flagged");
        assertTrue(devNames.ownFlagged() > 0, "without sisters the organisation's own domains look like look-alikes");
        // regression floors for the held-out half (measured values are in docs/domains.md)
        assertTrue(test.recall() >= 0.85, "test recall " + test);
        assertTrue(test.auc() >= 0.80, "test AUC " + test);
        assertTrue(test.falseAlarms() <= 0.30, "test near-misses flagged " + test);
    }

    @Test
    void thresholdSweep() {
        for (double t : new double[] {0.4, 0.5, 0.6, 0.7}) {
            LookalikeMatcher m = new LookalikeMatcher(entitiesUnchecked("eval-protected-full.txt"), LookalikeMatcher.Config.defaults().withThreshold(t));
            System.out.printf("threshold %.2f: dev %s | test %s%n", t, figures(m, fullLow, false), figures(m, fullLow, true));
        }
    }

    private static List<ProtectedEntity> entitiesUnchecked(String resource) {
        try {
            return entities(resource);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyTechniqueIsRecognisedAndNamed() {
        Map<String, int[]> per = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Row r : rows) {
            if (!r.label().equals("constructed")) continue;
            int[] c = per.computeIfAbsent(r.technique(), k -> new int[2]);
            c[1]++;
            LookalikeMatcher.Match m = top(names, r.domain());
            boolean ok = m != null && m.protectedDomain().equals(r.imitates())
                    && m.techniques().stream().anyMatch(t -> t.label().equals(r.technique()));
            if (ok) c[0]++;
            else wrong.add(r.domain() + " -> " + m);
        }
        per.forEach((k, v) -> System.out.printf("technique %-14s %d/%d%n", k, v[0], v[1]));
        assertTrue(wrong.isEmpty(), "not recognised: " + wrong);
    }

    @Test
    void ownedAndSisterDomainsAreNeverFlagged() {
        int n = 0;
        for (Row r : rows) {
            if (!r.label().equals("legit-owned")) continue;
            n++;
            LookalikeMatcher.Result res = names.match(r.domain());
            assertTrue(res.owned(), r.domain());
            assertTrue(res.matches().isEmpty(), r.domain());
        }
        assertEquals(4, n);
    }

    /**
     * Base set of ordinary, legitimate hosts: the home-page hosts of every Debian 12 package
     * ({@code base-hosts-debian.txt}, see docs/domains.md for the command) and the two-label
     * registrable domains of the public suffix list's private section (platform companies). None
     * imitates the protected sites; the aim is at most 0.05 % flagged.
     */
    @Test
    void baseSetOfOrdinaryHostsIsRarelyFlagged() throws IOException {
        List<String> hosts = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                LabelledSetTest.class.getResourceAsStream("base-hosts-debian.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) if (!line.isBlank()) hosts.add(line.strip());
        }
        hosts.addAll(HostName.privateRegistrableRules());
        int flagged = 0;
        List<String> which = new ArrayList<>();
        for (String h : hosts) {
            LookalikeMatcher.Result r = full.match(h);
            if (!r.matches().isEmpty()) {
                flagged++;
                which.add(h + " " + r.matches().get(0).score() + " " + r.matches().get(0).techniques() + " " + r.matches().get(0).protectedDomain());
            }
        }
        double rate = (double) flagged / hosts.size();
        System.out.printf("base set: %d/%d flagged = %.4f %% %s%n", flagged, hosts.size(), 100 * rate, which);
        assertTrue(hosts.size() > 8000);
        assertTrue(rate <= 0.001, "base set flagged " + which);
    }
}
