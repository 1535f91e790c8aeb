package org.lockstep.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench in a real browser (Debian's Chromium through Playwright), on the {@link Fixture} case whose
 * handles, texts and links carry script tags, event handlers and {@code javascript:} URLs: log in, open
 * the network, click through to an account and its evidence, label it, see the label as another user,
 * be refused as a viewer; nothing from the posts ever runs. Skipped, with the reason printed, when
 * /usr/bin/chromium is absent ({@code .ci/run} installs it).
 */
class BrowserTest {
    static final Path CHROMIUM = Paths.get(System.getProperty("lockstep.chromium", "/usr/bin/chromium"));
    static final String PW = "correct horse battery";
    @TempDir
    static Path dir;
    static Workbench w;
    static Playwright pw;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium; CI installs it)");
        Assumptions.assumeTrue(BrowserTest.class.getResource("/web/index.html") != null, "the front end was not built (-Dskip.npm)");
        w = Workbench.start(new Workbench.Options(Fixture.build(dir), "127.0.0.1", 0));
        w.users().add("ana", Role.ANALYST, PW.toCharArray(), "test");
        w.users().add("vic", Role.VIEWER, PW.toCharArray(), "test");
        pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (pw != null) pw.close();
        if (w != null) w.close();
    }

    String base() {
        return "http://127.0.0.1:" + w.port() + "/";
    }

    /** A page that records dialogs (an alert would be script running) and CSP violations. */
    record Watched(Page page, List<String> dialogs, List<String> cspErrors) {}

    Watched open(BrowserContext ctx) {
        Page p = ctx.newPage();
        List<String> dialogs = new ArrayList<>(), csp = new ArrayList<>();
        p.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        p.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) csp.add(m.text());
        });
        p.setDefaultTimeout(15_000);
        return new Watched(p, dialogs, csp);
    }

    void login(Page p, String user) {
        p.navigate(base() + "#/login");
        p.locator("#login input[name=user]").fill(user);
        p.locator("#login input[name=password]").fill(PW);
        p.locator("#login button[type=submit]").click();
        p.locator("#whoami").waitFor();
    }

    void assertNothingRan(Watched w) {
        Page p = w.page();
        assertEquals(null, p.evaluate("() => window.__xss === undefined ? null : String(window.__xss)"), "injected script ran");
        assertEquals(List.of(), w.dialogs());
        assertEquals(1, p.locator("script").count(), "only the bundle's script element");
        assertEquals(0, p.locator("img[src=x], svg[onload], [onerror], [onload], [onclick]").count(), "no element made from post data");
        assertEquals(0, p.locator("a[href^='javascript:' i]").count());
        assertEquals(List.of(), w.cspErrors(), "the UI works under its Content-Security-Policy");
    }

    @Test
    void investigateLabelAndSeeItAsAnotherUser() throws Exception {
        try (BrowserContext ctx = browser.newContext()) {
            Watched a = open(ctx);
            Page p = a.page();
            login(p, "ana");
            assertEquals("ana (analyst)", p.locator("#whoami").textContent().strip());
            p.locator("h1:has-text('Case overview')").waitFor();
            assertTrue(p.locator("main").textContent().contains(String.valueOf(Fixture.POSTS)));
            assertNothingRan(a);

            p.navigate(base() + "#/network");
            p.locator("#graph canvas").first().waitFor();
            p.locator("#node-list td").first().waitFor();
            assertTrue(p.locator(".controls").textContent().contains("3 accounts, 3 edges"), p.locator(".controls").textContent());
            dragMovesThePictureThenDrawsItWhereTheCameraIs(p);
            // a drag and a zoom: the layers hidden or moved while the view moves come back in place when it stops
            var graphBox = p.locator("#graph").boundingBox();
            p.mouse().move(graphBox.x + graphBox.width / 2, graphBox.y + graphBox.height / 2);
            p.mouse().down();
            for (int i = 1; i <= 10; i++) p.mouse().move(graphBox.x + graphBox.width / 2 + 8 * i, graphBox.y + graphBox.height / 2 + 3 * i);
            p.mouse().up();
            p.mouse().wheel(0, -120);
            p.waitForFunction("() => [...document.querySelectorAll('#graph canvas')].every(c => c.style.visibility !== 'hidden' && !c.style.transform)");
            p.waitForTimeout(600);
            assertEquals(Boolean.TRUE, p.evaluate("() => [...document.querySelectorAll('#graph canvas')].every(c => c.style.visibility !== 'hidden' && !c.style.transform)"),
                    "every layer is shown again, in place, once the view stops");
            p.locator("#node-search").fill("troll");
            p.waitForFunction("() => document.querySelector('.controls').textContent.includes('1 accounts')");
            p.locator("#node-search").fill("");
            assertNothingRan(a);

            p.locator("#node-list a:text-is('201')").click();
            p.locator("#account-title").waitFor();
            assertEquals("@" + Fixture.XSS_HANDLE_1, p.locator("#account-title .handle").textContent(), "the handle shown as text");
            p.locator(".pair").first().waitFor();
            assertTrue(p.locator(".post-text").first().textContent().contains("<script>window.__xss=4</script>"), "post text shown as text");
            assertTrue(p.locator(".edge").count() == 2, "two edges with their evidence");
            assertNothingRan(a);

            p.locator("form[data-kind=account] select").selectOption("coordinated");
            p.locator("form[data-kind=account] input[name=note]").fill("retweets within a minute, six times");
            p.locator("form[data-kind=account] button").click();
            p.locator(".labels td:text-is('retweets within a minute, six times')").waitFor();

            p.navigate(base() + "#/domain/" + java.net.URLEncoder.encode("<b>en-rnarche.fr</b>", java.nio.charset.StandardCharsets.UTF_8));
            p.locator("form[data-kind=domain] select").selectOption("benign");
            p.locator("form[data-kind=domain] button").click();
            p.locator(".labels .tag:text-is('benign')").waitFor();
            assertEquals("<b>en-rnarche.fr</b>", p.locator("h1 code").textContent(), "a domain name as text");
            assertNothingRan(a);

            p.navigate(base() + "#/search/Breaking");
            p.locator("#search-results table").waitFor();
            assertNothingRan(a);
            p.navigate(base() + "#/groups");
            p.locator("main table").waitFor();
            assertNothingRan(a);
        }
        try (BrowserContext ctx = browser.newContext()) {
            Watched v = open(ctx);
            Page p = v.page();
            login(p, "vic");
            p.navigate(base() + "#/account/201");
            p.locator(".labels td:text-is('retweets within a minute, six times')").waitFor();
            assertTrue(p.locator(".labels").textContent().contains("ana"), "the label's author is shown");
            assertTrue(p.locator(".labels").textContent().contains("Viewers cannot label."));
            assertEquals(0, p.locator("form[data-kind=account]").count());
            Object status = p.evaluate("""
                    async () => {
                      const s = await (await fetch('/api/session')).json();
                      const r = await fetch('/api/labels', {method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf},
                        body: JSON.stringify({kind: 'account', id: '201', label: 'benign'})});
                      return r.status;
                    }""");
            assertEquals(403, ((Number) status).intValue(), "a viewer is refused by the server too");
            assertNothingRan(v);

            // the label is shown wherever the account appears: the post search's results, the groups list, the group's members
            for (int i = 0; i < 100 && !w.searchReady(); i++) Thread.sleep(100);
            p.navigate(base() + "#/search/Breaking");
            p.locator("#search-results table").waitFor();
            var rows = p.locator("#search-results tbody tr");
            int labelled = 0;
            for (int i = 0; i < rows.count(); i++) {
                String account = rows.nth(i).locator("td").nth(1).textContent().strip();
                String label = rows.nth(i).locator("td").nth(3).textContent().strip();
                assertEquals(account.equals("201") ? "coordinated" : "", label, "search result of " + account);
                if (account.equals("201")) labelled++;
            }
            assertEquals(6, labelled, "the six retweets of 201 carry its label");
            p.navigate(base() + "#/groups");
            p.locator("main table").waitFor();
            assertEquals("1 coordinated", p.locator("main tbody tr").first().locator(".member-labels").textContent().strip(),
                    "the group list counts its members' labels");
            p.locator("main tbody tr a").first().click();
            p.locator("h2:has-text('Members')").waitFor();
            assertEquals("coordinated", p.locator("main tr:has(a:text-is('201')) td:last-child .tag").first().textContent(),
                    "a member's label on the group's page");
            assertNothingRan(v);
        }
    }

    /**
     * The README's screenshot, taken on a real case only when asked:
     * {@code mvn -pl web -am test -Dtest=BrowserTest#screenshot -Dlockstep.screenshot.db=lockstep-demo/case.duckdb
     * -Dlockstep.screenshot=docs/img/workbench.png} (the case gets a user "readme").
     */
    /**
     * While a drag moves the view, the network is not drawn again: the picture drawn at rest is moved by a CSS
     * transform (60 px right, 30 px down here, the pointer's move); when the drag ends, the network is drawn
     * where the camera now is, with no transform left: the ink of the picture before, moved by (60, 30), lands
     * on ink of the picture after. (A transform left in place would move it twice; a stale picture not at all.)
     */
    void dragMovesThePictureThenDrawsItWhereTheCameraIs(Page p) throws Exception {
        p.waitForTimeout(300);
        java.awt.image.BufferedImage before = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(p.locator("#graph").screenshot()));
        @SuppressWarnings("unchecked")
        List<Number> moved = (List<Number>) p.evaluate("""
                () => new Promise(done => {
                  const box = document.querySelector('#graph .sigma-mouse'), r = box.getBoundingClientRect();
                  const ev = (type, x, y, target) => target.dispatchEvent(new MouseEvent(type, {clientX: x, clientY: y, button: 0, buttons: 1, bubbles: true}));
                  const x0 = r.left + r.width / 2, y0 = r.top + r.height / 2;
                  ev('mousedown', x0, y0, box);
                  ev('mousemove', x0 + 60, y0 + 30, document);
                  requestAnimationFrame(() => {
                    const m = new DOMMatrix(getComputedStyle(document.querySelector('#graph .sigma-nodes')).transform);
                    done([m.e, m.f, m.a, window.__renders || 0]);
                  });
                })""");
        assertEquals(60, moved.get(0).doubleValue(), 0.5, "the picture moved with the pointer: " + moved);
        assertEquals(30, moved.get(1).doubleValue(), 0.5, "the picture moved with the pointer: " + moved);
        assertEquals(1, moved.get(2).doubleValue(), 1e-6, "a drag does not scale the picture: " + moved);
        p.waitForTimeout(300); // the pointer rests: no inertia when it is let go
        p.evaluate("""
                () => { const box = document.querySelector('#graph .sigma-mouse'), r = box.getBoundingClientRect();
                  document.dispatchEvent(new MouseEvent('mouseup', {clientX: r.left + r.width / 2 + 60, clientY: r.top + r.height / 2 + 30, button: 0, bubbles: true})); }""");
        p.waitForFunction("() => [...document.querySelectorAll('#graph canvas')].every(c => c.style.visibility !== 'hidden' && !c.style.transform)");
        p.waitForTimeout(600);
        java.awt.image.BufferedImage after = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(p.locator("#graph").screenshot()));
        int ink = 0, shifted = 0, inPlace = 0;
        for (int y = 4; y + 30 < before.getHeight() - 4; y++) { // inside the box's border, which does not move
            for (int x = 4; x + 60 < before.getWidth() - 4; x++) {
                if (!isInk(before.getRGB(x, y))) continue;
                ink++;
                if (isInk(after.getRGB(x + 60, y + 30))) shifted++;
                if (isInk(after.getRGB(x, y))) inPlace++;
            }
        }
        assertTrue(ink > 50, "the network was drawn: " + ink + " ink pixels");
        assertTrue(shifted >= 0.9 * ink, "drawn where the camera is after the drag: " + shifted + " of " + ink + " ink pixels moved by (60, 30)");
        assertTrue(inPlace < 0.5 * ink, "and not where it was: " + inPlace + " of " + ink + " in place");
    }

    /** Not the page's white background (the nodes, edges and labels). */
    static boolean isInk(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return r + g + b < 3 * 230;
    }

    @Test
    void screenshot() throws Exception {
        String db = System.getProperty("lockstep.screenshot.db"), png = System.getProperty("lockstep.screenshot");
        Assumptions.assumeTrue(db != null && png != null, "the README screenshot is taken only with -Dlockstep.screenshot.db=CASE -Dlockstep.screenshot=PNG");
        try (Workbench demo = Workbench.start(new Workbench.Options(Paths.get(db), "127.0.0.1", 0));
                BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1100, 720))) {
            demo.users().add("readme", Role.ANALYST, PW.toCharArray(), "screenshot");
            Page p = ctx.newPage();
            String base = "http://127.0.0.1:" + demo.port() + "/";
            p.navigate(base + "#/login");
            p.locator("#login input[name=user]").fill("readme");
            p.locator("#login input[name=password]").fill(PW);
            p.locator("#login button[type=submit]").click();
            p.locator("#whoami").waitFor();
            p.navigate(base + "#/network");
            p.locator("#graph canvas").first().waitFor();
            p.locator("#node-list td").first().waitFor();
            Thread.sleep(1500);
            p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(png)));
        }
    }
}
