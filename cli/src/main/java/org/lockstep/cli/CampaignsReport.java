package org.lockstep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockstep.core.campaigns.Campaign;
import org.lockstep.core.campaigns.CampaignAnalysis;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.report.Charts;
import org.lockstep.io.report.HtmlReport;
import org.lockstep.io.report.Section;
import org.lockstep.io.report.Svg;
import org.lockstep.io.report.Table;

/** The campaigns section of the HTML report and one timeline SVG per campaign. */
final class CampaignsReport {
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b"};
    /** Timelines drawn (files and report figures). */
    static final int MAX_TIMELINES = 50;

    private CampaignsReport() {}

    static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** The timeline of one campaign: posts per bin, per top language, with burst/flag/shift markers. */
    static Svg timeline(Campaign c) {
        Campaign.Timeline tl = c.timeline();
        int nb = tl.counts().length;
        long[] times = new long[nb];
        double[] total = new double[nb];
        for (int i = 0; i < nb; i++) {
            times[i] = tl.start() + i * tl.binMs();
            total[i] = tl.counts()[i];
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series("all", times, total, "#444444"));
        int k = 0;
        if (tl.byLanguage().size() > 1) {
            for (Map.Entry<String, int[]> e : tl.byLanguage().entrySet()) {
                double[] v = new double[nb];
                for (int i = 0; i < nb; i++) v[i] = e.getValue()[i];
                series.add(new Charts.Series(e.getKey(), times, v, COLORS[k++ % COLORS.length]));
            }
        }
        List<Charts.Marker> markers = new ArrayList<>();
        markers.add(new Charts.Marker(c.firstBurstAt(), "burst"));
        if (c.firstFlaggedAt() != null && c.firstFlaggedAt() != c.firstBurstAt()) markers.add(new Charts.Marker(c.firstFlaggedAt(), "flagged"));
        else if (c.firstFlaggedAt() != null) markers.set(0, new Charts.Marker(c.firstFlaggedAt(), "burst + flagged"));
        if (c.languageShift().at() != null) {
            markers.add(new Charts.Marker(c.languageShift().at(), c.languageShift().from() + "→" + c.languageShift().to()));
        }
        return Charts.timeSeries(clip(c.entity(), 70) + " — posts per " + binLabel(tl.binMs()), "posts", series, markers,
                series.size() == 1);
    }

    static String binLabel(long ms) {
        if (ms % 86_400_000L == 0) return ms / 86_400_000L + " d";
        if (ms % 3_600_000L == 0) return ms / 3_600_000L + " h";
        return ms / 60_000L + " min";
    }

    static void write(List<Campaign> cs, CampaignAnalysis.Result r, PostTable t, org.lockstep.io.out.OutputDir out) throws IOException {
        HtmlReport rep = new HtmlReport("Lockstep — campaigns");
        rep.subtitle("Bursting hashtags, links, domains, narratives and posts, and who pushed them");
        rep.keyFigure("posts", t.size());
        rep.keyFigure("entities tested", r.campaigns().tested());
        rep.keyFigure("bursting", r.campaigns().bursting());
        rep.keyFigure("flagged", r.campaigns().flagged());
        section(rep.section("Campaigns"), cs, out);
        out.write("report.html", rep::write);
    }

    /** Adds the campaigns to {@code s} (also usable by other commands' reports) and writes timelines to {@code dir}. */
    static void section(Section s, List<Campaign> cs, org.lockstep.io.out.OutputDir out) throws IOException {
        s.paragraph("A campaign is an entity whose volume bursts at the 5-minute, 1-hour or 4-hour scale against its own "
                + "history and its share of the platform, and whose posts come mostly from coordinated, inauthentic, new, "
                + "batch-created or hyperactive accounts. The score is the sum of the breakdown's contributions; "
                + "first flagged is the earliest data time at which the detector, fed the data in time order, fired.");
        Table tab = new Table("#", "entity", "type", "flagged at", "score", "posts", "accounts", "first spreaders", "language", "BotSlayer BS");
        int rank = 0;
        for (Campaign c : cs) {
            rank++;
            List<String> h = new ArrayList<>();
            for (int i = 0; i < Math.min(5, c.origin().firstSpreaders().size()); i++) h.add("@" + c.origin().firstSpreaders().get(i).handle());
            Campaign.LanguageShift ls = c.languageShift();
            tab.row(rank, Table.code(clip(c.entity(), 60)), c.type().label(),
                    c.firstFlaggedAt() == null ? "—" : CampaignsSupport.iso(c.firstFlaggedAt()),
                    String.format("%.2f", c.score()), c.profile().posts(), c.profile().accounts(), String.join(" ", h),
                    ls.shifted() ? ls.from() + " → " + ls.to() : (ls.from() == null ? "" : ls.from()),
                    c.botSlayer() == null || !Double.isFinite(c.botSlayer().bsLevel()) ? "" : String.format("%.3f", c.botSlayer().bsLevel()));
        }
        s.table(tab.maxRows(100).more("campaigns.csv"));
        int drawn = 0;
        for (Campaign c : cs) {
            if (drawn >= MAX_TIMELINES) break;
            drawn++;
            Svg svg = timeline(c);
            out.write(String.format("timelines/campaign-%03d.svg", drawn), tmp -> Files.writeString(tmp, svg.document(), StandardCharsets.UTF_8));
            if (drawn > 10) continue;
            Section d = s.subsection("#" + drawn + " " + clip(c.entity(), 80) + (c.flagged() ? " — flagged" : " — burst, not flagged"));
            Map<String, Object> kv = new LinkedHashMap<>();
            kv.put("type", c.type().label());
            kv.put("score", String.format("%.3f", c.score()));
            kv.put("first burst", CampaignsSupport.iso(c.firstBurstAt()) + " (" + binLabel(c.firstBurstScaleMs()) + " window)");
            kv.put("first flagged", c.firstFlaggedAt() == null ? "not flagged" : CampaignsSupport.iso(c.firstFlaggedAt()));
            kv.put("posts / accounts", c.profile().posts() + " / " + c.profile().accounts());
            kv.put("repost share", pct(c.profile().repostShare()));
            kv.put("top 10 accounts' share", pct(c.profile().top10Share()));
            kv.put("top 1% accounts' share", pct(c.profile().top1PercentShare()));
            kv.put("languages", c.profile().languages().toString());
            Campaign.LanguageShift ls = c.languageShift();
            kv.put("language shift", ls.shifted() ? ls.from() + " → " + ls.to() + " at " + CampaignsSupport.iso(ls.at()) : "none");
            kv.put("amplified within 5 / 30 min", c.origin().amplifiedWithin5Min() + " / " + c.origin().amplifiedWithin30Min());
            if (c.botSlayer() != null) {
                kv.put("BotSlayer-CE BS level (baseline)", Double.isFinite(c.botSlayer().bsLevel())
                        ? String.format("%.3f (botness %.2f, trendiness %.1f)", c.botSlayer().bsLevel(), c.botSlayer().botness(), c.botSlayer().trend())
                        : "not computable");
            }
            d.keyValues(kv);
            d.figure(svg, "Posts over the episode; markers: first burst, first flagged, language shift.");
            Table parts = new Table("indicator", "share of posts", "weight", "contribution");
            for (Campaign.Part p : c.profile().parts()) {
                if (!p.measured()) parts.row(p.indicator(), "not measured", "—", "—");
                else parts.row(p.indicator(), pct(p.share()), String.format("%.2f", p.weight()), String.format("%.3f", p.contribution()));
            }
            d.table(parts.caption("Score breakdown (score = sum of contributions)"));
            Table sp = new Table("order", "handle", "time (UTC)", "kind", "lang");
            int k = 0;
            for (Campaign.Spreader x : c.origin().firstSpreaders()) sp.row(++k, "@" + x.handle(), CampaignsSupport.iso(x.at()), x.kind(), x.lang());
            d.table(sp.caption("First spreaders (patient zero first)").maxRows(20));
            if (!c.origin().sources().isEmpty()) {
                Table so = new Table("order", "handle", "first post (UTC)", "lang", "amplified by (accounts)");
                int q = 0;
                for (Campaign.Source x : c.origin().sources()) so.row(++q, "@" + x.handle(), CampaignsSupport.iso(x.at()), x.lang(), x.amplifiers());
                d.table(so.caption("Amplified sources in order of first post (the accounts whose posts others amplified)").maxRows(20));
            }
            if (!c.bridges().isEmpty()) {
                Table br = new Table("handle", "role", "from", "to", "count");
                for (Campaign.Bridge b : c.bridges()) {
                    br.row("@" + b.handle(), b.role(), b.fromLang() != null ? b.fromLang() : "group " + b.fromGroup(),
                            b.toLang() != null ? b.toLang() : "group " + b.toGroup(), b.count());
                }
                d.table(br.caption("Bridges across languages / communities").maxRows(10));
            }
            if (!c.cascade().topAmplified().isEmpty()) {
                Table am = new Table("handle", "amplified by (accounts)");
                for (Campaign.Amplified a : c.cascade().topAmplified()) am.row("@" + a.handle(), a.amplifiers());
                d.table(am.caption("Most amplified accounts (" + c.cascade().edgesTotal() + " amplifiers in the cascade)").maxRows(10));
            }
        }
    }

    static String pct(double v) {
        return String.format("%.1f%%", 100 * v);
    }
}
