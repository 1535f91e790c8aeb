package org.lockstep.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.io.store.CaseDb;

/**
 * The network explorer with 10,000 nodes in Chromium (software WebGL: --disable-gpu): how long the page
 * takes to show the network (first frame), to apply a filter, and the frame rate (requestAnimationFrame
 * callbacks per second) while dragging (panning) and while the wheel zooms, each gesture from the network
 * freshly opened. A measurement, not a check: run with {@code -Dtest=NetworkScaleBench -Dlockstep.bench=true};
 * figures in docs/benchmarks.md.
 */
class NetworkScaleBench {
    /** -Dlockstep.bench.profile=true: also prints the page's JavaScript functions by self time while zooming and panning (CDP profiler). */
    static final boolean PROFILE = Boolean.getBoolean("lockstep.bench.profile");

    /** Opens the network page anew (a fresh renderer and camera) and lets it settle. */
    static void reopen(Page p, String base) {
        p.navigate(base + "#/overview");
        p.locator("h1:has-text('Case overview')").waitFor();
        p.navigate(base + "#/network");
        p.waitForFunction("() => (document.querySelector('.controls') || {}).textContent?.includes('10000 accounts')");
        p.locator("#graph canvas").first().waitFor();
        p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        p.waitForTimeout(500);
        p.mouse().move(640, 450);
    }

    /**
     * Counts the network's redraws without touching the page's code: sigma clears its WebGL canvas of the
     * nodes (class {@code sigma-nodes}) once at the start of every render.
     */
    static final String COUNT_RENDERS = """
            for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
              if (!C) continue;
              const clear = C.prototype.clear;
              C.prototype.clear = function (mask) {
                if (this.canvas && this.canvas.classList && this.canvas.classList.contains('sigma-nodes')) window.__renders = (window.__renders || 0) + 1;
                return clear.call(this, mask);
              };
            }""";

    /**
     * While {@code action} ran: the network's view updates and redraws per second, the page's frames per
     * second (requestAnimationFrame callbacks), and the CPU time of all of Chromium's processes (renderer, GPU
     * process running SwiftShader, browser) per view update: on a shared machine the rates depend on the other
     * load, the CPU time per update much less.
     */
    record Rate(double updates, double renders, double frames, double cpuMsPerUpdate) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f view updates/s (%.1f redraws/s, page %.1f frames/s, %.0f CPU-ms per update)",
                    updates, renders, frames, cpuMsPerUpdate);
        }
    }

    /** CPU time (user + system) of the Chromium processes this JVM started (through Playwright's driver), in ms. */
    static double chromiumCpuMs() {
        double ticks = 0;
        for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
            if (!h.info().command().map(c -> c.contains("chrom")).orElse(false)) continue;
            try {
                String stat = Files.readString(Path.of("/proc/" + h.pid() + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            } catch (java.io.IOException | RuntimeException gone) {
                // the process ended meanwhile
            }
        }
        return ticks * 10; // USER_HZ = 100 on Linux
    }

    static Rate frames(Page p, Runnable action) {
        p.evaluate(COUNT_UPDATES);
        double cpu0 = chromiumCpuMs();
        long t0 = System.nanoTime();
        action.run();
        double secs = (System.nanoTime() - t0) / 1e9;
        @SuppressWarnings("unchecked")
        List<Number> n = (List<Number>) p.evaluate("() => { window.__stop = true; return [window.__updates, window.__renders || 0, window.__frames]; }");
        double cpu = chromiumCpuMs() - cpu0;
        double updates = n.get(0).doubleValue();
        return new Rate(updates / secs, n.get(1).doubleValue() / secs, n.get(2).doubleValue() / secs, updates == 0 ? Double.NaN : cpu / updates);
    }

    /**
     * Starts counting, frame by frame: the page's frames (requestAnimationFrame callbacks), the network's
     * redraws ({@link #COUNT_RENDERS}) and its view updates, the frames in which the picture on screen moved:
     * a redraw, or a new CSS transform on the nodes' canvas (the page moves the picture last drawn while the
     * view moves, and draws again when it stops). Counted from outside the page's code, by what it changed.
     */
    static final String COUNT_UPDATES = """
            () => {
              window.__renders = 0; window.__stop = false; window.__frames = 0; window.__updates = 0;
              const canvas = document.querySelector('#graph .sigma-nodes');
              let renders = 0, transform = canvas ? canvas.style.transform : '';
              const f = () => {
                window.__frames++;
                const t = canvas ? canvas.style.transform : '';
                if (window.__renders !== renders || t !== transform) window.__updates++;
                renders = window.__renders; transform = t;
                if (!window.__stop) requestAnimationFrame(f);
              };
              requestAnimationFrame(f);
            }""";

    /**
     * A drag in a figure of eight for {@code ms}, driven from the page: one mouse move per animation frame,
     * so that the view updates per second are what the page can show, not how fast moves arrive from outside.
     */
    static final String DRAG = """
            ms => new Promise(done => {
              const box = document.querySelector('#graph .sigma-mouse'), r = box.getBoundingClientRect(); // sigma's event layer
              const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
              const ev = (type, x, y, target) => target.dispatchEvent(new MouseEvent(type, {clientX: x, clientY: y, button: 0, buttons: 1, bubbles: true}));
              ev('mousedown', cx, cy, box);
              const t0 = performance.now();
              let i = 0, x = cx, y = cy;
              const step = () => {
                i++;
                x = cx + 150 * Math.sin(i * Math.PI / 90);
                y = cy + 100 * Math.sin(2 * i * Math.PI / 90);
                ev('mousemove', x, y, document);
                if (performance.now() - t0 < ms) requestAnimationFrame(step);
                else { ev('mouseup', x, y, document); done(i); }
              };
              requestAnimationFrame(step);
            })""";

    static void printProfile(com.google.gson.JsonObject profile) {
        Map<Integer, String> names = new java.util.HashMap<>();
        for (var n : profile.getAsJsonArray("nodes")) {
            var o = n.getAsJsonObject();
            var cf = o.getAsJsonObject("callFrame");
            String url = cf.get("url").getAsString();
            names.put(o.get("id").getAsInt(), cf.get("functionName").getAsString() + " " + url.substring(url.lastIndexOf('/') + 1) + ":" + cf.get("lineNumber").getAsInt());
        }
        Map<String, Double> self = new java.util.HashMap<>();
        var samples = profile.getAsJsonArray("samples");
        var deltas = profile.getAsJsonArray("timeDeltas");
        for (int i = 0; i < samples.size(); i++) self.merge(names.get(samples.get(i).getAsInt()), deltas.get(i).getAsDouble() / 1000, Double::sum);
        self.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(25)
                .forEach(e -> System.out.printf(Locale.ROOT, "  profile %8.0f ms  %s%n", e.getValue(), e.getKey()));
    }

    @Test
    void tenThousandNodes(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("lockstep.bench"), "a measurement: run with -Dlockstep.bench=true");
        Assumptions.assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "no Chromium at " + BrowserTest.CHROMIUM);
        Path db = dir.resolve("case.duckdb");
        int nodes = 10_000;
        try (CaseDb c = CaseDb.open(db); Statement st = c.connection().createStatement()) {
            st.execute("INSERT INTO runs VALUES (1, 'detect', '{}', now()::TIMESTAMP, now()::TIMESTAMP, 'done', '{}', 'bench')");
            // 10,000 accounts in 400 groups of 25; each linked to its next 3 in the group: 30,000 edges
            st.execute("INSERT INTO coord_accounts SELECT 1, 'a' || i, i // 25, i // 25, 6, 'co-repost', 10, 10 FROM range(" + nodes + ") t(i)");
            st.execute("INSERT INTO coord_edges SELECT 1, row_number() OVER () - 1, 'a' || i, 'a' || ((i // 25) * 25 + (i % 25 + k) % 25), 3.0, 3,"
                    + " 'co-repost', 30.0, 1e-6, 1e-5, i // 25, 0 FROM range(" + nodes + ") t(i), range(1, 4) s(k)");
        }
        try (Workbench w = Workbench.start(new Workbench.Options(db, "127.0.0.1", 0));
                Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser b = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserTest.CHROMIUM).setHeadless(true)
                        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run")))) {
            w.users().add("bench", Role.VIEWER, "bench password".toCharArray(), "bench");
            Http h = new Http(w.port());
            h.login("bench", "bench password");
            h.get("/api/network");
            Http.Res net = h.get("/api/network");
            String serverMs = net.raw().headers().firstValue("Server-Timing").orElse("?");
            Page p = b.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
            p.addInitScript(COUNT_RENDERS);
            p.setDefaultTimeout(120_000);
            String base = "http://127.0.0.1:" + w.port() + "/";
            p.navigate(base + "#/login");
            p.locator("#login input[name=user]").fill("bench");
            p.locator("#login input[name=password]").fill("bench password");
            p.locator("#login button[type=submit]").click();
            p.locator("#whoami").waitFor();
            com.microsoft.playwright.CDPSession load = PROFILE ? p.context().newCDPSession(p) : null;
            if (load != null) {
                load.send("Profiler.enable");
                load.send("Profiler.start");
            }
            long t0 = System.nanoTime();
            p.navigate(base + "#/network");
            p.waitForFunction("() => (document.querySelector('.controls') || {}).textContent?.includes('10000 accounts')");
            p.locator("#graph canvas").first().waitFor();
            p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            double shown = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            p.locator("#group-filter").selectOption("7");
            p.waitForFunction("() => document.querySelector('.controls').textContent.includes('25 accounts')");
            p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            double filter = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            p.locator("#group-filter").selectOption("");
            p.waitForFunction("() => document.querySelector('.controls').textContent.includes('10000 accounts')");
            p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            double unfilter = (System.nanoTime() - t0) / 1e6;
            if (load != null) {
                System.out.println("NetworkScaleBench: profile of the first frame, the filter and back:");
                printProfile(load.send("Profiler.stop").getAsJsonObject("profile"));
                load.detach();
            }
            com.microsoft.playwright.CDPSession cdp = PROFILE ? p.context().newCDPSession(p) : null;
            if (cdp != null) {
                cdp.send("Profiler.enable");
                cdp.send("Profiler.start");
            }
            // each gesture starts from the whole network, freshly opened (the camera as a user first sees it)
            reopen(p, base);
            Rate panFps = frames(p, () -> p.evaluate(DRAG, 3000));
            reopen(p, base);
            Rate zoomFps = frames(p, () -> {
                for (int i = 0; i < 30; i++) {
                    p.mouse().wheel(0, (i / 5) % 2 == 0 ? -120 : 120); // 5 notches in, 5 out, three times
                    p.waitForTimeout(100);
                }
            });
            reopen(p, base);
            Rate deepFps = frames(p, () -> {
                for (int i = 0; i < 30; i++) {
                    p.mouse().wheel(0, i < 15 ? -120 : 120); // 15 notches in, then 15 out
                    p.waitForTimeout(100);
                }
            });
            if (cdp != null) {
                System.out.println("NetworkScaleBench: profile of the gestures:");
                printProfile(cdp.send("Profiler.stop").getAsJsonObject("profile"));
            }
            System.out.printf(Locale.ROOT, "NetworkScaleBench: %d nodes, %d edges: first frame %.0f ms, group filter %.0f ms, back to all %.0f ms; "
                    + "software WebGL: panning %s, zooming 5 notches in and out %s, zooming 15 in and out %s; "
                    + "/api/network %s, %d KB%n", nodes, nodes * 3, shown, filter, unfilter, panFps, zoomFps, deepFps, serverMs,
                    net.body().length() / 1024);
        }
    }
}
