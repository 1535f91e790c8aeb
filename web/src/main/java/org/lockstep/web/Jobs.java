package org.lockstep.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.lockstep.core.analysis.Analysis;
import org.lockstep.core.analysis.AnalysisConfig;
import org.lockstep.core.analysis.AnalysisResult;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.out.ConfigJson;
import org.lockstep.io.store.CaseDb;
import org.lockstep.io.store.CaseResults;

/**
 * Analyses started from the UI: one at a time, on a thread of their own, through the analysis library
 * ({@link Analysis#run}), their results written into the case as a run of command {@code analysis}.
 * Progress is the stage (loading posts, analysing, writing results) and its share of the work.
 */
final class Jobs implements AutoCloseable {
    /** A job's state as the API shows it. */
    static final class Job {
        final long id;
        final String author;
        volatile String state = "queued", stage = "queued", error;
        volatile double progress;
        volatile long run = -1;
        volatile Map<String, Object> summary;

        Job(long id, String author) {
            this.id = id;
            this.author = author;
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("author", author);
            m.put("state", state);
            m.put("stage", stage);
            m.put("progress", progress);
            m.put("run", run < 0 ? null : run);
            m.put("summary", summary);
            m.put("error", error);
            return m;
        }
    }

    private final CaseDb db;
    private final Runnable onDone;
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lockstep-job");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(1);

    Jobs(CaseDb db, Runnable onDone) {
        this.db = db;
        this.onDone = onDone;
    }

    Job submit(String author, AnalysisConfig config) {
        Job j = new Job(next.getAndIncrement(), author);
        jobs.put(j.id, j);
        pool.submit(() -> run(j, config));
        return j;
    }

    Job get(long id) {
        return jobs.get(id);
    }

    List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Job j : jobs.values()) out.add(j.json());
        out.sort((a, b) -> Long.compare((Long) b.get("id"), (Long) a.get("id")));
        return out;
    }

    private void run(Job j, AnalysisConfig config) {
        j.state = "running";
        CaseResults results = new CaseResults(db);
        long run = -1;
        try {
            j.stage = "loading posts";
            j.progress = 0.05;
            PostTable t;
            synchronized (db) {
                t = db.load(true);
            }
            j.stage = "analysing " + t.size() + " posts";
            j.progress = 0.3;
            AnalysisResult r = Analysis.run(t, config);
            j.stage = "writing results";
            j.progress = 0.8;
            String params = "{\"coordination\":" + (config.coordination() == null ? "null" : ConfigJson.tree(config.coordination()).toString()) + "}";
            run = results.beginRun("analysis", params, j.author);
            j.run = run;
            Map<String, Object> sum = new LinkedHashMap<>();
            sum.put("posts", t.size());
            if (r.coordination() != null) {
                results.writeCoordination(run, r.coordination());
                sum.put("accounts", r.coordination().accountCount());
                sum.put("edges", r.coordination().edges().size());
                sum.put("groups", r.coordination().groups().size());
            }
            if (r.campaigns() != null) {
                results.writeCampaigns(run, r.campaigns().campaigns().campaigns());
                sum.put("campaigns", r.campaigns().campaigns().campaigns().size());
            }
            results.finishRun(run, "done", Json.MAPPER.writeValueAsString(sum));
            Audit.log(db, j.author, "job.done", "{\"job\":" + j.id + ",\"run\":" + run + "}");
            j.summary = sum;
            j.progress = 1;
            j.stage = "done";
            j.state = "done";
            onDone.run();
        } catch (Exception | OutOfMemoryError e) {
            j.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            j.state = "failed";
            j.stage = "failed";
            if (run >= 0) {
                try {
                    results.finishRun(run, "failed", null);
                } catch (RuntimeException ignored) {
                    // the failure is already reported
                }
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
