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
 * takes to show the network, to apply a filter, and the frame rate while zooming. A measurement, not a
 * check: run with {@code -Dtest=NetworkScaleBench -Dlockstep.bench=true}; figures in docs/benchmarks.md.
 */
class NetworkScaleBench {
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
            p.setDefaultTimeout(120_000);
            String base = "http://127.0.0.1:" + w.port() + "/";
            p.navigate(base + "#/login");
            p.locator("#login input[name=user]").fill("bench");
            p.locator("#login input[name=password]").fill("bench password");
            p.locator("#login button[type=submit]").click();
            p.locator("#whoami").waitFor();
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
            // frames drawn in 3 s while the wheel zooms in and out over the canvas
            p.mouse().move(640, 450);
            p.evaluate("() => { window.__frames = 0; const f = () => { window.__frames++; if (!window.__stop) requestAnimationFrame(f); }; requestAnimationFrame(f); }");
            long z0 = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                p.mouse().wheel(0, i < 15 ? -120 : 120);
                p.waitForTimeout(100);
            }
            double secs = (System.nanoTime() - z0) / 1e9;
            Number frames = (Number) p.evaluate("() => { window.__stop = true; return window.__frames; }");
            System.out.printf(Locale.ROOT, "NetworkScaleBench: %d nodes, %d edges: shown in %.0f ms, group filter %.0f ms, back to all %.0f ms, "
                    + "%.1f frames/s while zooming (software WebGL); /api/network %s, %d KB%n", nodes, nodes * 3, shown, filter, unfilter,
                    frames.doubleValue() / secs, serverMs, net.body().length() / 1024);
        }
    }
}
