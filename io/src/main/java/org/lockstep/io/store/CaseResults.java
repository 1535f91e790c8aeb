package org.lockstep.io.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.lockstep.core.campaigns.Campaign;
import org.lockstep.core.coord.AccountStats;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.coord.Edges;
import org.lockstep.core.coord.Evidence;
import org.lockstep.core.coord.GroupStats;
import org.lockstep.core.coord.Signal;

/**
 * Writes analysis results into the case (the tables of {@link Schema#RESULTS_DDL}), one run at a time:
 * {@link #beginRun} records the command and its parameters, the writers append the run's rows with
 * DuckDB's appender, {@link #finishRun} stamps its end. A run's rows are written in one transaction, so
 * a reader (the workbench) sees a run whole or not at all. Accounts are named by their {@code account_id}
 * (as in {@code accounts.csv}); handles and texts stay in the posts and accounts tables and are joined when
 * read, so a result never copies attacker-written text twice.
 */
public final class CaseResults {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final CaseDb db;

    public CaseResults(CaseDb db) {
        this.db = db;
    }

    private DuckDBConnection conn() {
        return db.connection();
    }

    /** A new run, status {@code running}; returns its id. */
    public long beginRun(String command, String parametersJson, String author) {
        try {
            synchronized (db) {
                long id;
                try (Statement st = conn().createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(run_id), 0) + 1 FROM runs")) {
                    rs.next();
                    id = rs.getLong(1);
                }
                try (PreparedStatement ps = conn().prepareStatement(
                        "INSERT INTO runs VALUES (?, ?, ?, now()::TIMESTAMP, NULL, 'running', NULL, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, command);
                    ps.setString(3, parametersJson);
                    ps.setString(4, author);
                    ps.executeUpdate();
                }
                return id;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record a run in " + db.path() + ": " + e.getMessage(), e);
        }
    }

    /** Stamps a run's end with its status ({@code done}, {@code failed}) and summary JSON. */
    public void finishRun(long run, String status, String summaryJson) {
        try (PreparedStatement ps = conn().prepareStatement(
                "UPDATE runs SET finished_at = now()::TIMESTAMP, status = ?, summary = ? WHERE run_id = ?")) {
            ps.setString(1, status);
            ps.setString(2, summaryJson);
            ps.setLong(3, run);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot finish run " + run + " in " + db.path() + ": " + e.getMessage(), e);
        }
    }

    /** The coordination network of a run: accounts, edges, evidence post pairs and groups. */
    public void writeCoordination(long run, CoordinationResult r) {
        inTransaction(() -> {
            AccountStats s = r.accounts();
            Edges e = r.edges();
            Evidence ev = r.evidence();
            long[] coActions = new long[s.size()];
            for (int k = 0; k < e.size(); k++) {
                coActions[e.a[k]] += e.coActions[k];
                coActions[e.b[k]] += e.coActions[k];
            }
            try (DuckDBAppender a = conn().createAppender("main", "coord_accounts")) {
                for (int m : s.members) {
                    a.beginRow().append(run).append(r.accountName(m)).append(s.group[m]).append(s.component[m]).append(s.degree[m]);
                    str(a, Signal.labels(s.signals[m])).append(coActions[m]).append(s.actions[m]).endRow();
                }
            }
            try (DuckDBAppender a = conn().createAppender("main", "coord_edges")) {
                for (int k = 0; k < e.size(); k++) {
                    int ga = s.group[e.a[k]], gb = s.group[e.b[k]];
                    a.beginRow().append(run).append(k).append(r.accountName(e.a[k])).append(r.accountName(e.b[k])).append(e.weight[k])
                            .append(e.coActions[k]);
                    str(a, Signal.labels(e.signals[k]));
                    dbl(a, e.medianGapMs[k] < 0 ? Double.NaN : e.medianGapMs[k] / 1000.0);
                    dbl(a, e.pValue[k]);
                    dbl(a, e.qValue[k]);
                    a.append(ga == gb ? ga : -1).append(ev.count(k)).endRow();
                }
            }
            try (DuckDBAppender a = conn().createAppender("main", "coord_evidence")) {
                for (int k = 0; k < e.size(); k++) {
                    for (int p = ev.start(k); p < ev.end(k); p++) {
                        a.beginRow().append(run).append(k);
                        str(a, r.objectSignal(ev.object[p]).label());
                        str(a, r.objectName(ev.object[p]));
                        str(a, r.contentName(ev.contentA[p]));
                        str(a, r.contentName(ev.contentB[p]));
                        a.appendEpochMicros(ev.timeA[p] * 1000).appendEpochMicros(ev.timeB[p] * 1000).append(ev.gapMs(p) / 1000.0)
                                .append(ev.withinWindow[p]).endRow();
                    }
                }
            }
            try (DuckDBAppender a = conn().createAppender("main", "coord_groups")) {
                for (GroupStats g : r.groups()) {
                    a.beginRow().append(run).append(g.id()).append(g.component()).append(g.size()).append(g.edges()).append(g.density());
                    str(a, Signal.labels(g.signals())).append(g.coActions());
                    time(a, g.firstMs());
                    time(a, g.lastMs());
                    StringBuilder top = new StringBuilder();
                    for (GroupStats.ObjectCount o : g.topObjects()) {
                        if (top.length() > 0) top.append(" | ");
                        top.append(o.signal().label()).append(':').append(o.name()).append(" (").append(o.coActions()).append(')');
                    }
                    str(a, top.toString());
                    StringBuilder members = new StringBuilder();
                    for (int m : g.members()) {
                        if (members.length() > 0) members.append(' ');
                        members.append(r.accountName(m));
                    }
                    str(a, members.toString()).endRow();
                }
            }
        });
    }

    /** A run's campaigns (bursting entities) with their first spreaders, bursts and timeline as JSON detail. */
    public void writeCampaigns(long run, List<Campaign> campaigns) {
        inTransaction(() -> {
            try (DuckDBAppender a = conn().createAppender("main", "campaigns")) {
                for (Campaign c : campaigns) {
                    a.beginRow().append(run);
                    str(a, c.type().name().toLowerCase(java.util.Locale.ROOT) + ":" + c.entity());
                    str(a, c.entity());
                    str(a, c.type().name().toLowerCase(java.util.Locale.ROOT));
                    a.append(c.flagged());
                    dbl(a, c.score());
                    if (c.firstFlaggedAt() == null) a.appendNull();
                    else a.appendEpochMicros(c.firstFlaggedAt() * 1000);
                    time(a, c.firstBurstAt());
                    time(a, c.episodeStart());
                    time(a, c.episodeEnd());
                    a.append(c.profile().posts()).append(c.profile().accounts());
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("bursts", c.bursts());
                    detail.put("first_spreaders", c.origin().firstSpreaders());
                    detail.put("cascade", c.cascade());
                    detail.put("timeline", c.timeline());
                    detail.put("parts", c.profile().parts());
                    try {
                        str(a, JSON.writeValueAsString(detail));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                        a.appendNull();
                    }
                    a.endRow();
                }
            }
        });
    }

    /** One account's score and its signals' contributions (JSON list of {feature, value, weight, log_odds}). */
    public record AccountScore(String accountId, double score, String contributionsJson) {}

    public void writeAccountScores(long run, List<AccountScore> scores) {
        inTransaction(() -> {
            try (DuckDBAppender a = conn().createAppender("main", "account_scores")) {
                for (AccountScore s : scores) {
                    a.beginRow().append(run);
                    str(a, s.accountId());
                    dbl(a, s.score());
                    str(a, s.contributionsJson()).endRow();
                }
            }
        });
    }

    /** One look-alike domain found in the posts. */
    public record DomainMatch(String domain, String protectedName, String technique, int posts, int accounts, long firstSeenMs,
            String detailJson) {}

    public void writeDomainMatches(long run, List<DomainMatch> matches) {
        inTransaction(() -> {
            try (DuckDBAppender a = conn().createAppender("main", "domain_matches")) {
                for (DomainMatch m : matches) {
                    a.beginRow().append(run);
                    str(a, m.domain());
                    str(a, m.protectedName());
                    str(a, m.technique()).append(m.posts()).append(m.accounts());
                    time(a, m.firstSeenMs());
                    str(a, m.detailJson()).endRow();
                }
            }
        });
    }

    /** Id of the newest finished run of a command, or -1. */
    public long latestRun(String command) {
        try (PreparedStatement ps = conn().prepareStatement(
                "SELECT coalesce(max(run_id), -1) FROM runs WHERE command = ? AND status = 'done'")) {
            ps.setString(1, command);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the runs of " + db.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The latest label per account ({@code coordinated} → true, {@code benign} → false; {@code unsure} and
     * unlabelled accounts are left out), for {@code accounts --train-from-case}.
     */
    public Map<String, Boolean> accountLabels() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        try {
            if (!Schema.hasResults(conn())) return out; // a version-2 case read as it is: no labels yet
        } catch (SQLException e) {
            throw new StoreException("cannot read " + db.path() + ": " + e.getMessage(), e);
        }
        try (Statement st = conn().createStatement(); ResultSet rs = st.executeQuery(
                "SELECT item_id, arg_max(label, label_id) FROM labels WHERE kind = 'account' GROUP BY item_id ORDER BY item_id")) {
            while (rs.next()) {
                String l = rs.getString(2);
                if ("coordinated".equals(l)) out.put(rs.getString(1), true);
                else if ("benign".equals(l)) out.put(rs.getString(1), false);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the labels of " + db.path() + ": " + e.getMessage(), e);
        }
        return out;
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(SqlWork w) {
        synchronized (db) {
            try {
                conn().setAutoCommit(false);
                try {
                    w.run();
                    conn().commit();
                } catch (SQLException | RuntimeException e) {
                    conn().rollback();
                    throw e;
                } finally {
                    conn().setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException("cannot write results into " + db.path() + ": " + e.getMessage(), e);
            }
        }
    }

    private static DuckDBAppender str(DuckDBAppender a, String s) throws SQLException {
        return s == null ? a.appendNull() : a.append(s);
    }

    private static DuckDBAppender dbl(DuckDBAppender a, double d) throws SQLException {
        return Double.isNaN(d) ? a.appendNull() : a.append(d);
    }

    private static DuckDBAppender time(DuckDBAppender a, long ms) throws SQLException {
        return ms == Long.MIN_VALUE || ms == Long.MAX_VALUE ? a.appendNull() : a.appendEpochMicros(ms * 1000); // TIMESTAMP is in microseconds
    }
}
