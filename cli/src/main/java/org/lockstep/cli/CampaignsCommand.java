package org.lockstep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lockstep.core.campaigns.Campaign;
import org.lockstep.core.campaigns.CampaignAnalysis;
import org.lockstep.core.campaigns.CampaignConfig;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.out.CsvWriter;
import org.lockstep.io.out.OutputDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/** {@code lockstep campaigns}: bursting hashtags, links, domains, narratives and posts, with their amplification profile. */
@Command(name = "campaigns", mixinStandardHelpOptions = true,
        description = {"Finds hashtags, links, domains, narratives and posts pushed artificially, and explains each:",
            "multi-scale bursts, amplification breakdown, language shift, first spreaders, cascade, bridges.",
            "Writes campaigns.json, campaigns.csv, spreaders.csv, timelines/*.svg and report.html to --out."})
final class CampaignsCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    InputOptions.Filter filter;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--no-coord", description = "Do not run coordination detection for the coordinated-groups indicator.")
    boolean noCoord;

    @Option(names = "--groups", description = "Coordination groups: CSV with account_id and group columns (e.g. accounts.csv of lockstep detect).")
    Path groups;

    @Option(names = "--scales", split = ",", description = "Burst windows in seconds (default: 300,3600,14400).")
    long[] scales;

    @Option(names = "--min-count", split = ",", description = "Smallest burst count per window (default: 10,30,60).")
    int[] minCount;

    @Option(names = "--z", description = "Burst z-score threshold (default: 5).")
    Double z;

    @Option(names = "--threshold", description = "Manipulation score that flags a bursting entity (default: 0.25).")
    Double threshold;

    @Option(names = "--top", defaultValue = "500", description = "Most campaigns reported (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--no-narratives", description = "Skip near-duplicate narrative clustering (faster, less memory).")
    boolean noNarratives;

    @Option(names = "--alerts", description = "Append new or escalating flagged campaigns to this JSON-lines file.")
    Path alerts;

    @Option(names = "--state", description = "Alert state file (default: <alerts>.state.json).")
    Path state;

    @Option(names = "--webhook", description = "POST each alert as JSON to this URL.")
    String webhook;

    @Option(names = "--json", description = "Print a JSON summary on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (input.db != null && !input.files.isEmpty()) {
            System.err.println("lockstep campaigns: give either --db or input files, not both");
            return Main.USAGE;
        }
        if (input.db == null && input.files.isEmpty()) {
            System.err.println("lockstep campaigns: give input files (or --db)");
            return Main.USAGE;
        }
        String bad = Preflight.webhook(webhook, alerts);
        if (bad != null) {
            System.err.println("lockstep campaigns: " + bad);
            return Main.USAGE;
        }
        if ((bad = Preflight.inputs(input.files)) != null
                || alerts != null && alerts.toAbsolutePath().getParent() != null
                        && (bad = Preflight.writableDir(alerts.toAbsolutePath().getParent())) != null) {
            System.err.println("lockstep campaigns: " + bad + (bad.contains("nothing was read") ? "" : ". Nothing was done"
                    + (Preflight.nextStep(bad).isEmpty() ? "" : "; " + Preflight.nextStep(bad))) + ".");
            return bad.contains("no such file") && !bad.startsWith("cannot write") ? Main.USAGE : Main.FAILED;
        }
        OutputDir od;
        try {
            // before any work: --out can be written and holds no file Lockstep did not write
            od = OutputDir.open(out, "campaigns", List.of("campaigns.json", "campaigns.csv", "spreaders.csv", "summary.json", "report.html"));
        } catch (OutputDir.OutputException e) {
            System.err.println("lockstep campaigns: " + e.getMessage() + ". Nothing was done.");
            return Main.FAILED;
        }
        long t0 = System.nanoTime();
        PostTable t = CampaignsSupport.load(input, filter, !noNarratives, System.err);
        if (t == null) {
            System.err.println("lockstep campaigns: no posts could be read");
            return Main.NOTHING_READ;
        }
        long t1 = System.nanoTime();
        int[] group = CampaignsSupport.groups(groups, !noCoord, t, System.err);
        CampaignConfig cc = config();
        CampaignAnalysis.Config ac = new CampaignAnalysis.Config(cc, org.lockstep.core.accounts.AccountSignalsConfig.defaults(), !noNarratives);
        CampaignAnalysis.Result r = new CampaignAnalysis(ac).run(t, group);
        long t2 = System.nanoTime();
        List<Campaign> cs = r.campaigns().campaigns();
        od.write("campaigns.json", tmp -> writeJson(cs, tmp));
        od.write("campaigns.csv", tmp -> writeCsv(cs, tmp));
        od.write("spreaders.csv", tmp -> writeSpreaders(cs, tmp));
        CampaignsReport.write(cs, r, t, od);
        // the run's record: every parameter, serialised from the config itself (never a hand-kept list), and the counts
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("command", "campaigns");
        record.put("posts", t.size());
        record.put("tested", r.campaigns().tested());
        record.put("bursting", r.campaigns().bursting());
        record.put("flagged", r.campaigns().flagged());
        record.put("reported", cs.size());
        record.put("parameters", org.lockstep.io.out.ConfigJson.tree(ac));
        od.write("summary.json", tmp -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), record));
        od.commit();
        int alerted = 0;
        CampaignsAlerts sent = null;
        if (alerts != null) {
            sent = new CampaignsAlerts(alerts, state, webhook);
            alerted = sent.emit(cs, t.time(t.size() - 1));
        }
        long t3 = System.nanoTime();
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("posts", t.size());
        sum.put("accounts", r.accounts().activeCount());
        sum.put("entities", r.campaigns().entities());
        sum.put("tested", r.campaigns().tested());
        sum.put("bursting", r.campaigns().bursting());
        sum.put("flagged", r.campaigns().flagged());
        sum.put("reported", cs.size());
        sum.put("alerts", alerted);
        if (sent != null && webhook != null) {
            sum.put("webhook_delivered", sent.delivered());
            sum.put("webhook_failed", sent.undelivered());
        }
        sum.put("read_s", (t1 - t0) / 1e9);
        sum.put("analyse_s", (t2 - t1) / 1e9);
        sum.put("accounts_s", r.accountsMs() / 1e3);
        sum.put("narratives_s", r.narrativesMs() / 1e3);
        sum.put("index_s", r.indexMs() / 1e3);
        sum.put("detect_s", r.detectMs() / 1e3);
        sum.put("write_s", (t3 - t2) / 1e9);
        sum.put("out", out.toString());
        List<String> why = new ArrayList<>();
        if (r.campaigns().flagged() == 0) {
            // never a silent zero: what was tested, what came closest, what to try
            if (r.campaigns().tested() == 0) {
                why.add("no hashtag, link, domain, narrative or reposted post reached the minimum count to be tested (--min-count)");
            } else if (r.campaigns().bursting() == 0) {
                why.add(r.campaigns().tested() + " entities tested; none burst against its own history at any scale (--scales, --z)");
            } else {
                why.add(r.campaigns().bursting() + " entities burst; none scored above the threshold (--threshold) on amplification by "
                        + "coordinated, new, batch-created or hyperactive accounts");
            }
            for (int k = 0; k < Math.min(3, cs.size()); k++) {
                Campaign c = cs.get(k);
                why.add(String.format(Locale.ROOT, "closest: %s, score %.2f", CampaignsReport.clip(c.entity(), 60), c.score()));
            }
            sum.put("why_nothing", why);
        }
        CaseRuns.record(input.db, "campaigns", org.lockstep.io.out.ConfigJson.tree(ac).toString(), new ObjectMapper().writeValueAsString(sum),
                new java.io.PrintWriter(System.err, true), (results, run) -> results.writeCampaigns(run, cs));
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(sum));
        } else {
            System.err.printf("lockstep campaigns: %,d posts, %,d entities tested, %,d bursting, %,d flagged -> %s%n",
                    t.size(), r.campaigns().tested(), r.campaigns().bursting(), r.campaigns().flagged(), out.resolve("campaigns.json"));
            for (String w : why) System.err.println("lockstep campaigns: " + Terminal.safe(w));
            int shown = 0;
            for (int k = 0; k < cs.size(); k++) {
                Campaign c = cs.get(k);
                if (!c.flagged() || shown++ >= 5) break;
                List<String> h = new ArrayList<>();
                for (int i = 0; i < Math.min(5, c.origin().firstSpreaders().size()); i++) h.add("@" + Terminal.safe(c.origin().firstSpreaders().get(i).handle()));
                Campaign.LanguageShift ls = c.languageShift();
                System.err.printf("  %-40s score %.2f, flagged %s (first post %s)%n", Terminal.safe(CampaignsReport.clip(c.entity(), 40)),
                        c.score(), CampaignsSupport.iso(c.firstFlaggedAt()), CampaignsSupport.iso(c.episodeStart()));
                System.err.printf("    first spreaders %s%s%n", String.join(" ", h),
                        ls.shifted() ? "; language " + ls.from() + " -> " + ls.to() : "");
                if (k < CampaignsReport.MAX_TIMELINES) {
                    System.err.printf("    timeline %s%n", out.resolve("timelines").resolve(String.format("campaign-%03d.svg", k + 1)));
                }
            }
        }
        if (sent != null && sent.undelivered() > 0) {
            // one line per kind of failure, then what was kept: never a line per alert
            for (Map.Entry<String, Integer> f : sent.failures().entrySet()) {
                System.err.printf("lockstep campaigns: webhook %s: %,d alert%s not delivered: %s%n", Terminal.safe(webhook),
                        f.getValue(), f.getValue() == 1 ? "" : "s", f.getKey());
            }
            System.err.printf("lockstep campaigns: %,d of %,d alerts delivered; all %,d are in %s%n", sent.delivered(),
                    alerted, alerted, alerts);
            return Main.FAILED;
        }
        return Main.OK;
    }

    private CampaignConfig config() {
        CampaignConfig d = CampaignConfig.defaults();
        long[] sc = scales == null ? d.scalesMs() : Arrays.stream(scales).map(s -> s * 1000).toArray();
        int[] mc = minCount == null ? (scales == null ? d.minCount() : defaultCounts(sc.length)) : minCount;
        if (mc.length != sc.length) throw new IllegalArgumentException("--min-count needs one value per --scales window");
        CampaignConfig.Builder b = d.toBuilder().scales(sc, mc).maxCampaigns(top)
                .minEntityCount(Math.max(1, Arrays.stream(mc).min().getAsInt()));
        if (z != null) b.zMin(z);
        if (threshold != null) b.flagThreshold(threshold);
        return b.build();
    }

    private static int[] defaultCounts(int n) {
        int[] c = new int[n];
        Arrays.fill(c, 10);
        return c;
    }

    static void writeJson(List<Campaign> cs, Path file) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>(cs.size());
        for (int i = 0; i < cs.size(); i++) list.add(CampaignsSupport.toJson(cs.get(i), i + 1));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), list);
    }

    static void writeCsv(List<Campaign> cs, Path file) throws IOException {
        try (CsvWriter w = CsvWriter.open(file, "rank", "entity", "type", "flagged", "score", "first_flagged_at",
                "first_burst_at", "posts", "accounts", "coordinated_share", "inauthentic_share", "new_account_share",
                "creation_batch_share", "hyperactive_share", "repetition", "repost_share", "top10_share",
                "top1pct_share", "languages", "language_shift", "patient_zero", "first_spreaders", "botslayer_bs_level",
                "peak_z_5min", "peak_z_1h", "peak_z_4h")) {
            int rank = 0;
            for (Campaign c : cs) {
                Campaign.Profile p = c.profile();
                List<String> h = new ArrayList<>();
                for (Campaign.Spreader s : c.origin().firstSpreaders()) h.add(s.handle());
                Campaign.LanguageShift ls = c.languageShift();
                w.cell(++rank).cell(c.entity()).cell(c.type().label()).cell(c.flagged()).cell(c.score())
                        .cell(CampaignsSupport.iso(c.firstFlaggedAt())).cell(CampaignsSupport.iso(c.firstBurstAt()))
                        .cell(p.posts()).cell(p.accounts()).cell(p.coordinatedShare()).cell(p.inauthenticShare())
                        .cell(p.newAccountShare()).cell(p.creationBatchShare()).cell(p.hyperactiveShare())
                        .cell(p.repetition()).cell(p.repostShare()).cell(p.top10Share()).cell(p.top1PercentShare())
                        .cell(p.languages().toString()).cell(ls.shifted() ? ls.from() + "->" + ls.to() : "")
                        .cell(h.isEmpty() ? "" : h.get(0)).cell(String.join(" ", h))
                        .cell(c.botSlayer() == null || !Double.isFinite(c.botSlayer().bsLevel()) ? "" : Double.toString(c.botSlayer().bsLevel()));
                for (int k = 0; k < 3; k++) {
                    if (k < c.bursts().size()) w.cell(c.bursts().get(k).peakZ()); else w.cell("");
                }
                w.endRow();
            }
        }
    }

    static void writeSpreaders(List<Campaign> cs, Path file) throws IOException {
        try (CsvWriter w = CsvWriter.open(file, "rank", "entity", "order", "handle", "account_id", "at", "kind", "lang", "post_id")) {
            int rank = 0;
            for (Campaign c : cs) {
                rank++;
                int k = 0;
                for (Campaign.Spreader s : c.origin().firstSpreaders()) {
                    w.cell(rank).cell(c.entity()).cell(++k).cell(s.handle()).cell(s.accountId())
                            .cell(CampaignsSupport.iso(s.at())).cell(s.kind()).cell(s.lang()).cell(s.postId()).endRow();
                }
            }
        }
    }
}
