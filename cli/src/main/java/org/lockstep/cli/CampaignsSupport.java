package org.lockstep.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lockstep.core.campaigns.Campaign;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.Readers;

/** Shared plumbing of {@code lockstep campaigns} and {@code lockstep accounts}: loading, groups, JSON shapes. */
final class CampaignsSupport {
    private CampaignsSupport() {}

    /**
     * Reads the case database or the input files into a table, printing the first problems to {@code err};
     * null when nothing was read.
     */
    static PostTable load(InputOptions input, InputOptions.Filter filter, boolean keepText, PrintStream err) throws IOException {
        int[] shown = {0};
        Readers.Loaded l = input.load(keepText, filter.toPostFilter(), p -> {
            if (shown[0]++ < 20) err.println("lockstep: " + p);
        });
        if (l.table().size() == 0) return null;
        if (l.report().rejected() > 0) err.println("lockstep: " + l.report().rejected() + " records rejected");
        return l.table();
    }

    /**
     * Coordination groups per account id: from {@code file} when given, else from running the coordination
     * engine with its defaults when {@code run}, else null. Prints what it did to {@code err}.
     */
    static int[] groups(Path file, boolean run, PostTable t, PrintStream err) throws IOException {
        if (file != null) return readGroups(file, t);
        if (!run) return null;
        long s = System.nanoTime();
        org.lockstep.core.coord.CoordinationResult r = org.lockstep.core.coord.Coordination.detect(t,
                org.lockstep.core.coord.CoordinationConfig.builder().build());
        int[] g = r.accounts().group.clone();
        int in = 0;
        for (int x : g) if (x >= 0) in++;
        err.printf("lockstep: coordination: %d accounts in %d groups (%.1f s; --no-coord to skip, --groups to reuse a run)%n",
                in, r.groups().size(), (System.nanoTime() - s) / 1e9);
        return g;
    }

    /**
     * Reads coordination groups from a CSV with a header naming {@code account_id} and {@code group}
     * (as {@code lockstep detect} writes accounts.csv); accounts not listed or with an empty/negative group
     * get -1.
     */
    static int[] readGroups(Path file, PostTable t) throws IOException {
        int[] g = new int[t.accounts().size()];
        Arrays.fill(g, -1);
        try (org.lockstep.io.out.OwnCsv r = org.lockstep.io.out.OwnCsv.open(file)) {
            List<String> cols = r.header();
            if (cols.isEmpty()) return g;
            int ia = org.lockstep.io.out.OwnCsv.column(cols, "account_id", "account", "user_id", "id");
            int ig = org.lockstep.io.out.OwnCsv.column(cols, "group", "group_id", "community", "component");
            if (ia < 0 || ig < 0) throw new IOException(file + ": needs columns account_id and group");
            List<String> c;
            while ((c = r.next()) != null) {
                if (c.size() <= Math.max(ia, ig)) continue;
                // ids exactly as written (spaces, quotes and line breaks are part of an id)
                int a = t.accounts().find(c.get(ia));
                if (a < 0) continue;
                try {
                    g[a] = Integer.parseInt(c.get(ig).strip());
                } catch (NumberFormatException e) {
                    // empty or non-numeric: no group
                }
            }
        }
        return g;
    }

    static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    static int indexOf(List<String> cols, String... names) {
        for (String n : names) {
            for (int i = 0; i < cols.size(); i++) if (cols.get(i).strip().toLowerCase(Locale.ROOT).equals(n)) return i;
        }
        return -1;
    }

    /** Splits one CSV line (RFC 4180 quotes, no embedded newlines). */
    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') { sb.append('"'); i++; }
                    else q = false;
                } else sb.append(c);
            } else if (c == '"') q = true;
            else if (c == ',') { out.add(sb.toString()); sb.setLength(0); }
            else sb.append(c);
        }
        out.add(sb.toString());
        return out;
    }

    static String iso(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms).toString();
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : null;
    }

    /** The JSON shape of one campaign (see docs/campaigns.md). */
    static Map<String, Object> toJson(Campaign c, int rank) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank);
        m.put("entity", c.entity());
        m.put("type", c.type().label());
        m.put("score", finite(c.score()));
        m.put("flagged", c.flagged());
        m.put("first_flagged_at", iso(c.firstFlaggedAt()));
        m.put("first_flagged_at_ms", c.firstFlaggedAt());
        m.put("score_at_flag", finite(c.scoreAtFlag()));
        m.put("first_burst_at", iso(c.firstBurstAt()));
        m.put("first_burst_scale_s", c.firstBurstScaleMs() / 1000);
        m.put("episode_start", iso(c.episodeStart()));
        m.put("episode_end", iso(c.episodeEnd()));
        List<String> handles = new ArrayList<>();
        for (Campaign.Spreader s : c.origin().firstSpreaders()) handles.add(s.handle());
        m.put("first_spreaders", handles);
        Campaign.Profile p = c.profile();
        Map<String, Object> prof = new LinkedHashMap<>();
        prof.put("posts", p.posts());
        prof.put("accounts", p.accounts());
        prof.put("peak_posts_per_hour", finite(p.postsPerHourPeak()));
        prof.put("growth_5min", finite(p.growth()));
        prof.put("new_account_share", finite(p.newAccountShare()));
        prof.put("hyperactive_share", finite(p.hyperactiveShare()));
        prof.put("coordinated_share", finite(p.coordinatedShare()));
        prof.put("inauthentic_share", finite(p.inauthenticShare()));
        prof.put("creation_batch_share", finite(p.creationBatchShare()));
        prof.put("repost_share", finite(p.repostShare()));
        prof.put("quote_share", finite(p.quoteShare()));
        prof.put("repetition", finite(p.repetition()));
        prof.put("top1pct_share", finite(p.top1PercentShare()));
        prof.put("top10_share", finite(p.top10Share()));
        prof.put("languages", p.languages());
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Campaign.Part pt : p.parts()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("indicator", pt.indicator());
            x.put("measured", pt.measured());
            x.put("share", finite(pt.share()));
            x.put("weight", finite(pt.weight()));
            x.put("contribution", finite(pt.contribution()));
            parts.add(x);
        }
        prof.put("score_breakdown", parts);
        m.put("profile", prof);
        List<Map<String, Object>> bursts = new ArrayList<>();
        for (Campaign.ScaleBurst b : c.bursts()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("scale_s", b.scaleMs() / 1000);
            x.put("peak_z", finite(b.peakZ()));
            x.put("peak_count", b.peakCount());
            x.put("expected", finite(b.expected()));
            x.put("peak_at", b.peakCount() == 0 ? null : iso(b.at()));
            x.put("first_burst_at", iso(b.firstAt()));
            bursts.add(x);
        }
        m.put("bursts", bursts);
        Campaign.LanguageShift ls = c.languageShift();
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("shifted", ls.shifted());
        l.put("from", ls.from());
        l.put("to", ls.to());
        l.put("at", iso(ls.at()));
        l.put("distance", finite(ls.distance()));
        l.put("early", round(ls.early()));
        l.put("late", round(ls.late()));
        m.put("language_shift", l);
        Campaign.Origin o = c.origin();
        Map<String, Object> or = new LinkedHashMap<>();
        List<Map<String, Object>> sp = new ArrayList<>();
        for (Campaign.Spreader s : o.firstSpreaders()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("handle", s.handle());
            x.put("account_id", s.accountId());
            x.put("at", iso(s.at()));
            x.put("kind", s.kind());
            x.put("lang", s.lang());
            x.put("post_id", s.postId());
            sp.add(x);
        }
        or.put("patient_zero", sp.isEmpty() ? null : sp.get(0));
        or.put("first_spreaders", sp);
        List<Map<String, Object>> so = new ArrayList<>();
        for (Campaign.Source x : o.sources()) {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("handle", x.handle());
            y.put("account_id", x.accountId());
            y.put("first_post_at", iso(x.at()));
            y.put("lang", x.lang());
            y.put("amplified_by", x.amplifiers());
            so.add(y);
        }
        or.put("amplified_sources", so);
        or.put("amplified_within_1min", o.amplifiedWithin1Min());
        or.put("amplified_within_5min", o.amplifiedWithin5Min());
        or.put("amplified_within_15min", o.amplifiedWithin15Min());
        or.put("amplified_within_30min", o.amplifiedWithin30Min());
        or.put("median_delay_first10_s", o.medianDelayFirst10Sec());
        m.put("origin", or);
        List<Map<String, Object>> br = new ArrayList<>();
        for (Campaign.Bridge b : c.bridges()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("handle", b.handle());
            x.put("account_id", b.accountId());
            x.put("role", b.role());
            x.put("from_lang", b.fromLang());
            x.put("to_lang", b.toLang());
            x.put("from_group", b.fromGroup() < 0 ? null : b.fromGroup());
            x.put("to_group", b.toGroup() < 0 ? null : b.toGroup());
            x.put("count", b.count());
            br.add(x);
        }
        m.put("bridges", br);
        Campaign.Cascade cs = c.cascade();
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("amplifiers", cs.edgesTotal());
        List<Map<String, Object>> top = new ArrayList<>();
        for (Campaign.Amplified a : cs.topAmplified()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("handle", a.handle());
            x.put("account_id", a.accountId());
            x.put("amplified_by", a.amplifiers());
            top.add(x);
        }
        cm.put("top_amplified", top);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Campaign.Edge e : cs.edges()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("from", e.from());
            x.put("to", e.to());
            x.put("at", iso(e.at()));
            x.put("kind", e.kind());
            edges.add(x);
        }
        cm.put("edges", edges);
        m.put("cascade", cm);
        Campaign.BotSlayer bs = c.botSlayer();
        if (bs == null) {
            m.put("botslayer", null);
        } else {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("bs_level", finite(bs.bsLevel()));
            x.put("trendiness", finite(bs.trend()));
            x.put("botness", finite(bs.botness()));
            x.put("tweets", bs.tweets());
            x.put("accounts", bs.accounts());
            x.put("window_end", iso(bs.windowEnd()));
            x.put("entities_ranked", bs.entitiesRanked());
            m.put("botslayer", x);
        }
        Campaign.Timeline tl = c.timeline();
        Map<String, Object> tm = new LinkedHashMap<>();
        tm.put("start", iso(tl.start()));
        tm.put("bin_s", tl.binMs() / 1000);
        tm.put("counts", tl.counts());
        tm.put("by_language", tl.byLanguage());
        m.put("timeline", tm);
        return m;
    }

    private static Map<String, Double> round(Map<String, Double> in) {
        Map<String, Double> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, finite(v)));
        return out;
    }
}
