package org.lockstep.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.store.CaseDb;
import org.lockstep.sim.SimConfig;
import org.lockstep.sim.Simulator;

/**
 * A small, bounded load test on localhost: 8 users read the overview, network, groups, an account and
 * the post search while an analysis job runs on a simulated 10,000-post case. Every read must succeed
 * while the job writes; the latencies are printed (round trip, so an upper bound of server time).
 */
class LoadTest {
    static final int USERS = 8, MIN_ROUNDS = 5, MAX_SECONDS = 90;

    @Test
    void readersAreServedWhileAnAnalysisRuns(@TempDir Path dir) throws Exception {
        Path posts = dir.resolve("posts.jsonl"), db = dir.resolve("case.duckdb");
        try (OutputStream out = Files.newOutputStream(posts)) {
            Simulator.run(SimConfig.scenario("election", 10_000, 5), out, OutputStream.nullOutputStream());
        }
        try (CaseDb c = CaseDb.open(db)) {
            c.ingest(List.of(posts.toString()), ReadOptions.defaults(), 10_000, null, null);
        }
        try (Workbench w = Workbench.start(new Workbench.Options(db, "127.0.0.1", 0))) {
            w.users().add("ana", Role.ANALYST, "load test password".toCharArray(), "test");
            for (int i = 0; i < 300 && !w.searchReady(); i++) Thread.sleep(100);
            Http ana = new Http(w.port());
            assertEquals(200, ana.login("ana", "load test password").status());
            String account = ana.get("/api/case").json().at("/totals/accounts").asText();
            assertTrue(Integer.parseInt(account) > 100);
            String someAccount = ana.get("/api/posts?q=vote&limit=1").json().at("/hits/0/account_id").asText();
            Http.Res job = ana.post("/api/jobs", "{}");
            assertEquals(202, job.status(), job.body());
            long jobId = job.json().get("id").asLong();
            String[] paths = {"/api/case", "/api/network", "/api/groups", "/api/accounts/" + someAccount, "/api/posts?q=vote", "/api/jobs/" + jobId};
            Map<String, List<Long>> times = new ConcurrentHashMap<>();
            AtomicInteger failures = new AtomicInteger();
            List<String> failed = Collections.synchronizedList(new ArrayList<>());
            long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(USERS);
            List<Future<?>> fs = new ArrayList<>();
            AtomicInteger sawRunning = new AtomicInteger();
            for (int u = 0; u < USERS; u++) {
                fs.add(pool.submit(() -> {
                    Http h = new Http(w.port());
                    h.cookie = ana.cookie;
                    for (int round = 0; System.nanoTime() < deadline; round++) {
                        String state = null;
                        for (String p : paths) {
                            long t0 = System.nanoTime();
                            Http.Res r = h.get(p);
                            times.computeIfAbsent(p.replaceAll("/[^/]*[0-9][^/]*$", "/{id}"), k -> Collections.synchronizedList(new ArrayList<>()))
                                    .add((System.nanoTime() - t0) / 1_000_000);
                            if (r.status() != 200) {
                                failures.incrementAndGet();
                                failed.add(p + " " + r.status() + " " + r.body());
                            }
                            if (p.startsWith("/api/jobs/")) state = r.json().get("state").asText();
                        }
                        if ("running".equals(state)) sawRunning.incrementAndGet();
                        if (round >= MIN_ROUNDS && ("done".equals(state) || "failed".equals(state))) break;
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            pool.shutdown();
            assertEquals(0, failures.get(), failed.isEmpty() ? "" : failed.get(0));
            JsonNode j = ana.get("/api/jobs/" + jobId).json();
            assertEquals("done", j.get("state").asText(), j.toString());
            assertTrue(sawRunning.get() > 0, "some reads happened while the job ran");
            StringBuilder sb = new StringBuilder("LoadTest: " + USERS + " users, round-trip ms (p50 / p95 / max, n):\n");
            for (Map.Entry<String, List<Long>> e : new TreeMap<>(times).entrySet()) {
                List<Long> v = new ArrayList<>(e.getValue());
                Collections.sort(v);
                sb.append(String.format(Locale.ROOT, "  %-22s %5d / %5d / %5d  (%d)%n", e.getKey(), v.get(v.size() / 2),
                        v.get((int) Math.min(v.size() - 1, Math.ceil(v.size() * 0.95) - 1)), v.get(v.size() - 1), v.size()));
            }
            System.out.print(sb);
        }
    }
}
