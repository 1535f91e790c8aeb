package org.lockstep.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.duckdb.DuckDBConnection;
import org.lockstep.io.store.CaseDb;
import org.lockstep.io.store.StoreException;

/**
 * The read side of the JSON API: SQL over the case's posts and results tables, through a small pool of
 * DuckDB connections duplicated from the server's one (DuckDB runs them concurrently; a connection is
 * used by one request at a time). Values are returned as they are stored: the UI sets them as text.
 * Results come from the newest finished run of the relevant command unless a run is asked for.
 */
final class CaseQueries implements AutoCloseable {
    static final String COORD_COMMANDS = "('detect', 'analysis')";
    /** What an account page shows at most: newest posts, strongest edges, first post pairs of each edge. */
    static final int MAX_POSTS = 300, MAX_EDGES = 50, MAX_PAIRS = 5;

    private final BlockingQueue<DuckDBConnection> pool;
    private final List<DuckDBConnection> all = new ArrayList<>();

    CaseQueries(CaseDb db, int size) {
        pool = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                DuckDBConnection c = (DuckDBConnection) db.connection().duplicate();
                all.add(c);
                pool.add(c);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open connections to " + db.path() + ": " + e.getMessage(), e);
        }
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T with(Work<T> w) {
        DuckDBConnection c;
        try {
            c = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        try {
            return w.run(c);
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        } finally {
            pool.add(c);
        }
    }

    /** Rows as ordered maps column → value (timestamps as ISO-8601 UTC strings). */
    List<Map<String, Object>> rows(String sql, Object... params) {
        return with(c -> rows(c, sql, params));
    }

    static List<Map<String, Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                String[] names = new String[n];
                for (int i = 0; i < n; i++) names[i] = md.getColumnLabel(i + 1);
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) m.put(names[i], value(rs.getObject(i + 1)));
                    out.add(m);
                }
                return out;
            }
        }
    }

    static Object value(Object o) {
        if (o instanceof Timestamp t) return t.toLocalDateTime().atOffset(ZoneOffset.UTC).toInstant().toString();
        if (o instanceof java.time.LocalDateTime t) return t.atOffset(ZoneOffset.UTC).toInstant().toString();
        if (o instanceof java.time.OffsetDateTime t) return t.toInstant().toString();
        if (o instanceof java.math.BigInteger b) return b.longValue();
        if (o instanceof java.math.BigDecimal b) return b.doubleValue();
        if (o instanceof Double d && !Double.isFinite(d)) return null;
        return o;
    }

    Map<String, Object> one(String sql, Object... params) {
        List<Map<String, Object>> r = rows(sql, params);
        return r.isEmpty() ? null : r.get(0);
    }

    /** The newest finished run of one of these commands, or -1. */
    long latestRun(String commands) {
        Map<String, Object> r = one("SELECT coalesce(max(run_id), -1) AS run FROM runs WHERE status = 'done' AND command IN " + commands);
        return ((Number) r.get("run")).longValue();
    }

    /**
     * The newest finished run that holds these results: a run of {@code command}, or an analysis job whose summary
     * has {@code key} (a coordination-only job has no {@code campaigns}, so it must not hide the campaigns of an
     * earlier run). Summaries are written by Lockstep itself, never from post text.
     */
    long latestRunWith(String command, String key) {
        Map<String, Object> r = one("SELECT coalesce(max(run_id), -1) AS run FROM runs WHERE status = 'done'"
                + " AND (command = ? OR command = 'analysis' AND summary LIKE ?)", command, "%\"" + key + "\":%");
        return ((Number) r.get("run")).longValue();
    }

    /** The case overview: volume over time, platforms, top hashtags, links and domains, runs. */
    Map<String, Object> overview() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("totals", one("SELECT count(*) AS posts, count(DISTINCT account_id) AS accounts, min(time) AS first_post, max(time) AS last_post FROM posts"));
        o.put("volume", rows("SELECT date_trunc('day', time) AS day, count(*) AS posts FROM posts GROUP BY 1 ORDER BY 1"));
        o.put("platforms", rows("SELECT platform, count(*) AS posts FROM posts GROUP BY 1 ORDER BY 2 DESC"));
        o.put("hashtags", rows("SELECT lower(hashtag) AS hashtag, count(*) AS posts FROM post_hashtags GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"));
        o.put("links", rows("SELECT coalesce(url_normalized, url) AS link, count(*) AS posts FROM post_urls GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"));
        o.put("domains", rows("SELECT domain, count(*) AS posts FROM post_urls WHERE domain IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"));
        o.put("runs", rows("SELECT run_id, command, status, started_at, finished_at, author, parameters FROM runs ORDER BY run_id DESC LIMIT 50"));
        return o;
    }

    /** The latest label of every labelled item of a kind: item id → {label, note, author, created_at}. */
    Map<String, Map<String, Object>> latestLabels(String kind) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> r : rows("""
                SELECT item_id, arg_max(label, label_id) AS label, arg_max(note, label_id) AS note,
                  arg_max(author, label_id) AS author, max(created_at) AS created_at
                FROM labels WHERE kind = ? GROUP BY item_id""", kind)) {
            out.put((String) r.remove("item_id"), r);
        }
        return out;
    }

    /**
     * The coordination network of a run: nodes (accounts, with group, degree, handle, label and a
     * deterministic position) and edges. Filters: group, signal (label contained), max p-value.
     */
    Map<String, Object> network(long run, Integer group, String signal, Double maxP) {
        if (run < 0) run = latestRun(COORD_COMMANDS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run);
        if (run < 0) {
            out.put("nodes", List.of());
            out.put("edges", List.of());
            return out;
        }
        StringBuilder where = new StringBuilder("e.run_id = ?");
        List<Object> p = new ArrayList<>(List.of(run));
        if (group != null) {
            where.append(" AND e.grp = ?");
            p.add(group);
        }
        if (signal != null && !signal.isBlank()) {
            where.append(" AND e.signals LIKE ?");
            p.add("%" + signal.replace("%", "").replace("_", "") + "%");
        }
        if (maxP != null) {
            where.append(" AND coalesce(e.p_value, 0) <= ?");
            p.add(maxP);
        }
        List<Map<String, Object>> edges = rows("SELECT e.edge AS id, e.account_a AS a, e.account_b AS b, e.weight, e.co_actions, e.signals, e.p_value, e.grp AS group_id "
                + "FROM coord_edges e WHERE " + where + " ORDER BY e.edge", p.toArray());
        java.util.Set<String> keep = new java.util.HashSet<>();
        boolean filtered = group != null || (signal != null && !signal.isBlank()) || maxP != null;
        for (Map<String, Object> e : edges) {
            keep.add((String) e.get("a"));
            keep.add((String) e.get("b"));
        }
        List<Map<String, Object>> nodes = rows("""
                SELECT c.account_id AS id, h.handle, c.grp AS group_id, c.degree, c.signals, c.co_actions
                FROM coord_accounts c LEFT JOIN (SELECT account_id, any_value(handle) AS handle FROM accounts GROUP BY 1) h
                  ON h.account_id = c.account_id
                WHERE c.run_id = ? ORDER BY c.grp < 0, c.grp, c.degree DESC, c.account_id""", run);
        if (filtered) nodes.removeIf(n -> !keep.contains((String) n.get("id")));
        Map<String, Map<String, Object>> labels = latestLabels("account");
        for (Map<String, Object> n : nodes) {
            Map<String, Object> l = labels.get((String) n.get("id"));
            n.put("label", l == null ? null : l.get("label"));
        }
        Layout.place(nodes);
        out.put("nodes", nodes);
        out.put("edges", edges);
        return out;
    }

    List<Map<String, Object>> groups(long run) {
        if (run < 0) run = latestRun(COORD_COMMANDS);
        List<Map<String, Object>> g = rows("""
                SELECT grp AS id, component, size, edges, density, signals, co_actions, first_action, last_action, top_objects
                FROM coord_groups WHERE run_id = ? ORDER BY grp""", run);
        Map<String, Map<String, Object>> labels = latestLabels("group");
        // the members' labels, counted per group: {"coordinated": 2, "unsure": 1} (labels absent when none)
        Map<Object, Map<String, Object>> memberLabels = new HashMap<>();
        for (Map<String, Object> r : rows("""
                WITH l AS (SELECT item_id, arg_max(label, label_id) AS label FROM labels WHERE kind = 'account' GROUP BY item_id)
                SELECT c.grp, l.label, count(*) AS n FROM coord_accounts c JOIN l ON l.item_id = c.account_id
                WHERE c.run_id = ? GROUP BY 1, 2 ORDER BY 1, 2""", run)) {
            memberLabels.computeIfAbsent(((Number) r.get("grp")).intValue(), k -> new LinkedHashMap<>()).put((String) r.get("label"), r.get("n"));
        }
        for (Map<String, Object> x : g) {
            Map<String, Object> l = labels.get(String.valueOf(x.get("id")));
            x.put("label", l == null ? null : l.get("label"));
            x.put("member_labels", memberLabels.getOrDefault(((Number) x.get("id")).intValue(), Map.of()));
            x.put("run", run);
        }
        return g;
    }

    /** Puts each row's account's newest label (or null) under {@code to}, the account's id being under {@code from}. */
    void putAccountLabels(List<Map<String, Object>> rows, String from, String to) {
        Map<String, Map<String, Object>> labels = latestLabels("account");
        for (Map<String, Object> r : rows) {
            Map<String, Object> l = labels.get(String.valueOf(r.get(from)));
            r.put(to, l == null ? null : l.get("label"));
        }
    }

    Map<String, Object> group(long run, int id) {
        if (run < 0) run = latestRun(COORD_COMMANDS);
        Map<String, Object> g = one("""
                SELECT grp AS id, component, size, edges, density, signals, co_actions, first_action, last_action, top_objects
                FROM coord_groups WHERE run_id = ? AND grp = ?""", run, id);
        if (g == null) return null;
        g.put("run", run);
        List<Map<String, Object>> members = rows("""
                SELECT c.account_id AS id, h.handle, c.degree, c.signals, c.co_actions
                FROM coord_accounts c LEFT JOIN (SELECT account_id, any_value(handle) AS handle FROM accounts GROUP BY 1) h
                  ON h.account_id = c.account_id
                WHERE c.run_id = ? AND c.grp = ? ORDER BY c.degree DESC, c.account_id""", run, id);
        putAccountLabels(members, "id", "label");
        g.put("members", members);
        List<Map<String, Object>> edges = rows("""
                SELECT edge AS id, account_a AS a, account_b AS b, weight, co_actions, signals, p_value, q_value, median_gap_s, evidence_pairs
                FROM coord_edges WHERE run_id = ? AND grp = ? ORDER BY weight DESC LIMIT 500""", run, id);
        putAccountLabels(edges, "a", "label_a");
        putAccountLabels(edges, "b", "label_b");
        g.put("edges", edges);
        g.put("labels", history("group", String.valueOf(id)));
        return g;
    }

    List<Map<String, Object>> history(String kind, String id) {
        return rows("SELECT label_id, label, note, author, created_at FROM labels WHERE kind = ? AND item_id = ? ORDER BY label_id DESC", kind, id);
    }

    /** An account: profile, posts over time, coordination, score and contributions, edges with their post pairs, labels. */
    Map<String, Object> account(String id) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        Map<String, Object> profile = one("""
                SELECT platform, handle, display_name, description, location, lang, created_at, followers, following, posts
                FROM accounts WHERE account_id = ? ORDER BY last_seen DESC NULLS LAST LIMIT 1""", id);
        // the newest posts and the posts per day from one scan of the posts (posts has no index on account_id:
        // each scan of a million posts costs tens of milliseconds)
        List<Map<String, Object>> both = rows("""
                WITH mine AS MATERIALIZED (
                  SELECT platform, post_id, time, kind, text, handle, repost_of FROM posts WHERE account_id = ?)
                SELECT * FROM (
                  SELECT 0 AS part, platform, post_id, time, kind, text, handle, repost_of, NULL::BIGINT AS n
                  FROM (SELECT * FROM mine ORDER BY time DESC LIMIT ?)
                  UNION ALL
                  SELECT 1 AS part, NULL, NULL, date_trunc('day', time), NULL, NULL, NULL, NULL, count(*) FROM mine
                  GROUP BY date_trunc('day', time))
                ORDER BY part, CASE WHEN part = 0 THEN -epoch_ms(time) ELSE epoch_ms(time) END, post_id""", id, MAX_POSTS);
        List<Map<String, Object>> posts = new ArrayList<>(), volume = new ArrayList<>();
        for (Map<String, Object> r : both) {
            boolean post = ((Number) r.remove("part")).intValue() == 0;
            Object n = r.remove("n");
            if (post) {
                posts.add(r);
            } else {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("day", r.get("time"));
                v.put("posts", n);
                volume.add(v);
            }
        }
        if (profile == null && posts.isEmpty()) return null;
        a.put("profile", profile);
        for (Map<String, Object> p : posts) p.put("link", originalLink((String) p.get("platform"), (String) p.get("post_id"), (String) p.get("handle")));
        a.put("posts", posts);
        long total = 0;
        for (Map<String, Object> v : volume) total += ((Number) v.get("posts")).longValue();
        a.put("volume", volume);
        a.put("posts_total", total);
        long run = latestRun(COORD_COMMANDS);
        a.put("run", run);
        Map<String, Object> coordination = one("SELECT grp AS group_id, component, degree, signals, co_actions, actions FROM coord_accounts WHERE run_id = ? AND account_id = ?", run, id);
        if (coordination != null) {
            Map<String, Object> gl = latestLabels("group").get(String.valueOf(coordination.get("group_id")));
            coordination.put("group_label", gl == null ? null : gl.get("label"));
        }
        a.put("coordination", coordination);
        long scoreRun = latestRun("('accounts')");
        Map<String, Object> score = one("SELECT score, contributions FROM account_scores WHERE run_id = ? AND account_id = ?", scoreRun, id);
        if (score != null && score.get("contributions") instanceof String s) {
            try {
                JsonNode n = Json.MAPPER.readTree(s);
                score.put("contributions", n);
            } catch (java.io.IOException e) {
                score.remove("contributions");
            }
        }
        a.put("score", score);
        List<Map<String, Object>> edges = rows("""
                SELECT edge AS id, CASE WHEN account_a = ? THEN account_b ELSE account_a END AS other, weight, co_actions, signals,
                  p_value, q_value, median_gap_s, evidence_pairs
                FROM coord_edges WHERE run_id = ? AND (account_a = ? OR account_b = ?) ORDER BY weight DESC LIMIT ?""", id, run, id, id, MAX_EDGES);
        if (!edges.isEmpty()) {
            Map<Object, Map<String, Object>> byId = new HashMap<>();
            StringBuilder ids = new StringBuilder();
            for (Map<String, Object> e : edges) {
                e.put("pairs", new ArrayList<Map<String, Object>>());
                byId.put(e.get("id"), e);
                if (ids.length() > 0) ids.append(',');
                ids.append(((Number) e.get("id")).intValue()); // integers from the database: safe in the SQL text
            }
            // the first pairs of each shown edge, then their posts' texts in one lookup
            List<Map<String, Object>> pairs = rows("""
                    SELECT edge, signal, object, post_a, post_b, time_a, time_b, gap_s FROM coord_evidence
                    WHERE run_id = ? AND edge IN (""" + ids + """
                    ) QUALIFY row_number() OVER (PARTITION BY edge ORDER BY time_a) <= ? ORDER BY edge, time_a""", run, MAX_PAIRS);
            Map<String, Map<String, Object>> byPost = evidencePosts(run);
            for (Map<String, Object> p : pairs) {
                for (String side : new String[] {"a", "b"}) {
                    Map<String, Object> post = byPost.get((String) p.get("post_" + side));
                    p.put("text_" + side, post == null ? null : post.get("text"));
                    p.put("platform_" + side, post == null ? null : post.get("platform"));
                    p.put("handle_" + side, post == null ? null : post.get("handle"));
                    p.put("link_" + side, post == null ? null
                            : originalLink((String) post.get("platform"), (String) p.get("post_" + side), (String) post.get("handle")));
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> l = (List<Map<String, Object>>) byId.get(p.get("edge")).get("pairs");
                l.add(p);
            }
        }
        putAccountLabels(edges, "other", "other_label");
        a.put("edges", edges);
        a.put("labels", history("account", id));
        return a;
    }

    private volatile long evidenceRun = -1;
    private volatile Map<String, Map<String, Object>> evidencePosts = Map.of();

    /**
     * The posts behind a run's evidence pairs (platform, handle, text by post id), read once per run with
     * one scan of the posts and kept: looking them up per page would scan the posts each time (post ids
     * alone are not indexed). A run has a few thousand pairs at most ({@code evidencePerEdge} per edge).
     */
    Map<String, Map<String, Object>> evidencePosts(long run) {
        if (run == evidenceRun) return evidencePosts;
        synchronized (this) {
            if (run == evidenceRun) return evidencePosts;
            Map<String, Map<String, Object>> m = new HashMap<>();
            for (Map<String, Object> p : rows("""
                    SELECT p.post_id, p.platform, p.handle, p.text FROM posts p
                    SEMI JOIN (SELECT post_a AS id FROM coord_evidence WHERE run_id = ? UNION SELECT post_b FROM coord_evidence WHERE run_id = ?) v
                      ON p.post_id = v.id""", run, run)) {
                m.put((String) p.get("post_id"), p);
            }
            evidencePosts = m;
            evidenceRun = run;
            return m;
        }
    }

    /**
     * The post's page on its platform, built from its id only (never a URL taken from a post): https links
     * for the platforms whose post URLs need nothing else; null otherwise.
     */
    static String originalLink(String platform, String postId, String handle) {
        if (platform == null || postId == null || !postId.matches("[0-9]{1,25}")) return null;
        return switch (platform) {
            case "twitter" -> "https://x.com/i/status/" + postId;
            case "facebook" -> "https://www.facebook.com/" + postId;
            default -> null;
        };
    }

    List<Map<String, Object>> campaigns(long run) {
        if (run < 0) run = latestRunWith("campaigns", "campaigns");
        List<Map<String, Object>> c = rows("""
                SELECT campaign_id AS id, entity, type, flagged, score, first_flagged_at, first_burst_at, episode_start, episode_end,
                  posts, accounts FROM campaigns WHERE run_id = ? ORDER BY flagged DESC, score DESC""", run);
        Map<String, Map<String, Object>> labels = latestLabels("campaign");
        for (Map<String, Object> x : c) {
            Map<String, Object> l = labels.get((String) x.get("id"));
            x.put("label", l == null ? null : l.get("label"));
        }
        return c;
    }

    Map<String, Object> campaign(long run, String id) {
        if (run < 0) run = latestRunWith("campaigns", "campaigns");
        Map<String, Object> c = one("""
                SELECT campaign_id AS id, entity, type, flagged, score, first_flagged_at, first_burst_at, episode_start, episode_end,
                  posts, accounts, detail FROM campaigns WHERE run_id = ? AND campaign_id = ?""", run, id);
        if (c == null) return null;
        JsonNode detail;
        try {
            detail = c.get("detail") == null ? null : Json.MAPPER.readTree((String) c.get("detail"));
        } catch (java.io.IOException e) {
            detail = null;
        }
        c.put("detail", detail);
        // the labels of the accounts the page shows (first spreaders, the spread): account id -> label
        Map<String, Object> accountLabels = new java.util.TreeMap<>();
        if (detail != null) {
            Map<String, Map<String, Object>> labels = latestLabels("account");
            List<String> ids = new ArrayList<>();
            for (JsonNode s : detail.path("first_spreaders")) ids.add(s.path("accountId").asText());
            for (JsonNode e : detail.path("cascade").path("edges")) {
                ids.add(e.path("from").asText());
                ids.add(e.path("to").asText());
            }
            for (String a : ids) {
                Map<String, Object> l = labels.get(a);
                if (l != null) accountLabels.put(a, l.get("label"));
            }
        }
        c.put("account_labels", accountLabels);
        c.put("labels", history("campaign", id));
        return c;
    }

    List<Map<String, Object>> domains() {
        long run = latestRun("('domains')"); // analysis jobs do not match domains: a job must not hide the domains run
        List<Map<String, Object>> d = rows("""
                SELECT domain, protected, technique, posts, accounts, first_seen FROM domain_matches WHERE run_id = ?
                ORDER BY posts DESC, domain""", run);
        Map<String, Map<String, Object>> labels = latestLabels("domain");
        for (Map<String, Object> x : d) {
            Map<String, Object> l = labels.get((String) x.get("domain"));
            x.put("label", l == null ? null : l.get("label"));
        }
        return d;
    }

    @Override
    public void close() {
        for (DuckDBConnection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing
            }
        }
    }
}
