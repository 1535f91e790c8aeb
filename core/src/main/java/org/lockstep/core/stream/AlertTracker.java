package org.lockstep.core.stream;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lockstep.core.campaigns.Campaign;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.coord.Edges;
import org.lockstep.core.coord.Evidence;
import org.lockstep.core.coord.GroupStats;
import org.lockstep.core.coord.Signal;
import org.lockstep.core.domains.LookalikeMatcher;
import org.lockstep.core.domains.Technique;

/**
 * What has been alerted so far, and the rule that turns a new evaluation into alerts:
 *
 * <ul>
 * <li><b>coordination</b>: a group (Leiden community of the significant network, two or more accounts)
 *     that overlaps no group alerted before (overlap = at least half of the smaller group) is new; one that
 *     overlaps an alerted group and has grown by at least half its alerted size (and by two accounts) is
 *     grown, and the alerted group becomes the union;</li>
 * <li><b>campaign</b>: a campaign flagged for the first time (by entity type and name);</li>
 * <li><b>domain</b>: the first post linking to a host the look-alike matcher matches to a protected
 *     domain.</li>
 * </ul>
 *
 * Serializable (plain collections of strings), so a stream keeps it in its state and a restart from a
 * checkpoint resumes with the same memory and hence the same alerts and ids.
 */
public final class AlertTracker implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<TreeSet<String>> groups = new ArrayList<>();
    private final Set<String> campaigns = new HashSet<>();
    private final Set<String> hosts = new HashSet<>();
    private final long bucketMs;

    /** @param bucketMs the event-time bucket of alert ids (the evaluation tick) */
    public AlertTracker(long bucketMs) {
        this.bucketMs = Math.max(1, bucketMs);
    }

    public int alertedGroups() {
        return groups.size();
    }

    /** Coordination alerts for the groups of {@code r}, evaluated at event time {@code now}. */
    public List<Alert> coordination(CoordinationResult r, long now) {
        List<Alert> out = new ArrayList<>();
        for (GroupStats g : r.groups()) {
            if (g.members().length < 2) continue;
            TreeSet<String> members = new TreeSet<>();
            for (int m : g.members()) members.add(r.accountName(m));
            int best = -1, bestOverlap = 0;
            for (int k = 0; k < groups.size(); k++) {
                int ov = 0;
                for (String m : groups.get(k)) if (members.contains(m)) ov++;
                if (ov > bestOverlap) {
                    bestOverlap = ov;
                    best = k;
                }
            }
            if (best >= 0 && 2 * bestOverlap >= Math.min(members.size(), groups.get(best).size())) {
                TreeSet<String> known = groups.get(best);
                int before = known.size();
                if (members.size() >= before + Math.max(2, (before + 1) / 2)) {
                    known.addAll(members);
                    out.add(groupAlert(r, g, members, now, "grown", before));
                }
            } else {
                groups.add(members);
                out.add(groupAlert(r, g, members, now, "new", 0));
            }
        }
        return out;
    }

    private Alert groupAlert(CoordinationResult r, GroupStats g, TreeSet<String> members, long now, String change,
            int before) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("change", change);
        if (before > 0) ev.put("previous_size", before);
        ev.put("size", members.size());
        ev.put("edges", g.edges());
        ev.put("density", g.density());
        ev.put("signals", Signal.labels(g.signals()));
        ev.put("first_co_action", g.firstMs());
        ev.put("last_co_action", g.lastMs());
        ev.put("co_actions", g.coActions());
        List<Map<String, Object>> objects = new ArrayList<>();
        for (GroupStats.ObjectCount o : g.topObjects()) {
            if (objects.size() == 5) break;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("signal", o.signal().label());
            m.put("object", o.name());
            m.put("co_actions", o.coActions());
            objects.add(m);
        }
        ev.put("top_objects", objects);
        ev.put("strongest_edges", strongestEdges(r, g, 5));
        String id = Alert.id(Alert.COORDINATION, change + ":" + String.join(",", members), now / bucketMs);
        return new Alert(id, Alert.COORDINATION, now, null, List.copyOf(members), ev);
    }

    private static List<Map<String, Object>> strongestEdges(CoordinationResult r, GroupStats g, int max) {
        Set<Integer> in = new HashSet<>();
        for (int m : g.members()) in.add(m);
        Edges e = r.edges();
        List<Integer> idx = new ArrayList<>();
        for (int k = 0; k < e.size(); k++) if (in.contains(e.a[k]) && in.contains(e.b[k])) idx.add(k);
        idx.sort((u, v) -> {
            int c = Double.compare(nan(e.pValue[u]), nan(e.pValue[v]));
            return c != 0 ? c : Integer.compare(e.coActions[v], e.coActions[u]);
        });
        Evidence x = r.evidence();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k : idx.subList(0, Math.min(max, idx.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("a", r.accountName(e.a[k]));
            m.put("b", r.accountName(e.b[k]));
            m.put("episodes", e.episodes[k]);
            m.put("co_actions", e.coActions[k]);
            m.put("p_value", e.pValue[k]);
            m.put("q_value", e.qValue[k]);
            m.put("signals", Signal.labels(e.signals[k]));
            if (x != null && x.count(k) > 0) {
                int p = x.start(k);
                m.put("example", Map.of("object", r.objectName(x.object[p]), "post_a", r.contentName(x.contentA[p]),
                        "post_b", r.contentName(x.contentB[p]), "gap_ms", x.gapMs(p)));
            }
            out.add(m);
        }
        return out;
    }

    private static double nan(double v) {
        return Double.isNaN(v) ? 2 : v;
    }

    /** Campaign alerts: campaigns flagged now and never before. */
    public List<Alert> campaigns(List<Campaign> cs, long now) {
        List<Alert> out = new ArrayList<>();
        for (Campaign c : cs) {
            if (!c.flagged()) continue;
            String key = c.type().label() + ":" + c.entity();
            if (!campaigns.add(key)) continue;
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("entity_type", c.type().label());
            ev.put("score", c.score());
            ev.put("score_at_flag", c.scoreAtFlag());
            if (c.firstFlaggedAt() != null) ev.put("first_flagged_at", c.firstFlaggedAt());
            ev.put("first_burst_at", c.firstBurstAt());
            ev.put("first_burst_scale_s", c.firstBurstScaleMs() / 1000);
            ev.put("posts", c.profile().posts());
            ev.put("accounts", c.profile().accounts());
            ev.put("coordinated_share", c.profile().coordinatedShare());
            ev.put("new_account_share", c.profile().newAccountShare());
            List<Map<String, Object>> bursts = new ArrayList<>();
            for (Campaign.ScaleBurst b : c.bursts()) {
                if (b.peakCount() == 0) continue; // no burst at this scale
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("scale_s", b.scaleMs() / 1000);
                m.put("peak_z", b.peakZ());
                m.put("peak_count", b.peakCount());
                m.put("expected", b.expected());
                m.put("at", b.at());
                bursts.add(m);
            }
            ev.put("bursts", bursts);
            List<Map<String, Object>> first = new ArrayList<>();
            if (c.origin() != null) {
                for (Campaign.Spreader s : c.origin().firstSpreaders()) {
                    if (first.size() == 5) break;
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("account", s.accountId());
                    m.put("handle", s.handle());
                    m.put("at", s.at());
                    m.put("kind", s.kind());
                    m.put("post", s.postId());
                    first.add(m);
                }
            }
            ev.put("first_spreaders", first);
            out.add(new Alert(Alert.id(Alert.CAMPAIGN, key, now / bucketMs), Alert.CAMPAIGN, now, c.entity(), List.of(), ev));
        }
        return out;
    }

    /**
     * Domain alert for a post's link host, when the host was never seen before and the matcher matches it
     * to a protected domain. {@code now} is the post's time.
     */
    public Alert domain(LookalikeMatcher matcher, String host, String postId, String accountId, long now) {
        if (host == null || !hosts.add(host)) return null;
        LookalikeMatcher.Result res = matcher.match(host);
        if (res.matches().isEmpty()) return null;
        LookalikeMatcher.Match m = res.matches().get(0);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("protected_domain", m.protectedDomain());
        ev.put("protected_entity", m.entity());
        ev.put("score", m.score());
        List<String> techniques = new ArrayList<>();
        for (Technique t : m.techniques()) techniques.add(t.name().toLowerCase(java.util.Locale.ROOT));
        ev.put("techniques", techniques);
        ev.put("first_post", postId);
        ev.put("first_account", accountId);
        return new Alert(Alert.id(Alert.DOMAIN, res.host(), 0), Alert.DOMAIN, now, res.host(), List.of(), ev);
    }
}
