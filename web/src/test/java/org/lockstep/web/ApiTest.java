package org.lockstep.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON API against a real server on a real case ({@link Fixture}): 401 without login for every route,
 * 403 for roles below a route's, 200 for those at or above it; CSRF; login throttling; token revocation;
 * labels through to the audit log; the read routes' known answers; the OpenAPI document lists every route.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiTest {
    static final String PW = "correct horse battery";
    /** A job with the fixture's detection settings: its run gives the same network. */
    static final String JOB = "{\"selection\":\"all\",\"min_repetitions\":3,\"cooccurrence\":false}";
    @TempDir
    static Path dir;
    static Workbench w;
    static Http admin, analyst, viewer;
    /** The hand-made campaigns run (jobs started by the tests make newer ones). */
    static long campaignRun;

    @BeforeAll
    static void start() throws Exception {
        Path db = Fixture.build(dir);
        // a campaign whose first spreaders and spread are known accounts, and a look-alike domain: labels on them
        // must show on the campaign and domain lists too
        try (org.lockstep.io.store.CaseDb c = org.lockstep.io.store.CaseDb.open(db)) {
            org.lockstep.io.store.CaseResults results = new org.lockstep.io.store.CaseResults(c);
            long run = results.beginRun("campaigns", "{}", "test");
            try (java.sql.Statement st = c.connection().createStatement()) {
                st.execute("INSERT INTO campaigns VALUES (" + run + ", 'hashtag:vote', 'vote', 'hashtag', true, 9.5, NULL, now()::TIMESTAMP, "
                        + "now()::TIMESTAMP, now()::TIMESTAMP, 24, 4, '{\"first_spreaders\":[{\"accountId\":\"100\",\"handle\":\"newsdesk\"},"
                        + "{\"accountId\":\"201\"},{\"accountId\":\"203\"}],\"cascade\":{\"edges\":[{\"from\":\"100\",\"to\":\"202\",\"kind\":\"repost\"}]}}')");
            }
            results.finishRun(run, "done", "{}");
            campaignRun = run;
            long d = results.beginRun("domains", "{}", "test");
            results.writeDomainMatches(d, java.util.List.of(new org.lockstep.io.store.CaseResults.DomainMatch("en-rnarche.fr", "en-marche.fr",
                    "homoglyph", 2, 1, Fixture.T0, "{}")));
            results.finishRun(d, "done", "{}");
        }
        w = Workbench.start(new Workbench.Options(db, "127.0.0.1", 0));
        w.users().add("ada", Role.ADMIN, PW.toCharArray(), "test");
        w.users().add("ana", Role.ANALYST, PW.toCharArray(), "test");
        w.users().add("vic", Role.VIEWER, PW.toCharArray(), "test");
        admin = new Http(w.port());
        analyst = new Http(w.port());
        viewer = new Http(w.port());
        assertEquals(200, admin.login("ada", PW).status());
        assertEquals(200, analyst.login("ana", PW).status());
        assertEquals(200, viewer.login("vic", PW).status());
    }

    @AfterAll
    static void stop() {
        if (w != null) w.close();
    }

    static String concrete(String path) {
        boolean numeric = path.startsWith("/api/groups") || path.startsWith("/api/jobs") || path.startsWith("/api/tokens");
        return path.replace("{id}", numeric ? "0" : "201");
    }

    @Test
    @Order(1)
    void healthAndSecurityHeaders() throws Exception {
        Http anon = new Http(w.port());
        Http.Res h = anon.get("/healthz");
        assertEquals(200, h.status());
        String csp = h.raw().headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        assertEquals("nosniff", h.raw().headers().firstValue("X-Content-Type-Options").orElse(""));
        Http.Res page = anon.get("/");
        assertEquals(200, page.status());
        assertEquals(Workbench.CSP, page.raw().headers().firstValue("Content-Security-Policy").orElse(""), "the UI's page has the policy too");
        assertEquals("DENY", page.raw().headers().firstValue("X-Frame-Options").orElse(""));
        Http.Res api = anon.get("/api/case");
        assertEquals(401, api.status());
        assertEquals("nosniff", api.raw().headers().firstValue("X-Content-Type-Options").orElse(""), "on errors too");
    }

    @Test
    @Order(2)
    void everyRouteNeedsLoginAndItsRole() throws Exception {
        Http anon = new Http(w.port());
        Map<Role, Http> as = Map.of(Role.ADMIN, admin, Role.ANALYST, analyst, Role.VIEWER, viewer);
        int checked = 0;
        for (Workbench.Route r : w.routes()) {
            if (r.role() == null) continue; // login
            String path = concrete(r.path());
            String body = r.path().equals("/api/jobs") ? JOB : r.method().equals("POST") ? "{}" : null;
            assertEquals(401, anon.send(r.method(), path, body, false).status(), r + " without a session");
            for (Role role : Role.values()) {
                if (r.path().equals("/api/logout")) continue; // would end the shared sessions
                int s = as.get(role).send(r.method(), path, body, true).status();
                if (role.atLeast(r.role())) assertFalse(s == 401 || s == 403, r + " as " + role + " gave " + s);
                else assertEquals(403, s, r + " as " + role);
            }
            checked++;
        }
        assertTrue(checked >= 25, "routes checked: " + checked);
        assertEquals(401, anon.get("/api/no-such-route").status(), "unknown API paths do not tell what exists");
    }

    @Test
    @Order(3)
    void readRoutesGiveTheKnownAnswers() throws Exception {
        JsonNode c = viewer.get("/api/case").json();
        assertEquals(Fixture.POSTS, c.at("/totals/posts").asInt());
        assertEquals(Fixture.ACCOUNTS, c.at("/totals/accounts").asInt());
        assertEquals("twitter", c.at("/platforms/0/platform").asText());
        assertEquals(Fixture.POSTS, c.at("/platforms/0/posts").asInt());
        int volume = 0;
        for (JsonNode d : c.get("volume")) volume += d.get("posts").asInt();
        assertEquals(Fixture.POSTS, volume, "daily volume adds up to the posts");
        assertEquals("detect", c.at("/runs/" + (c.get("runs").size() - 1) + "/command").asText(), "the first run");
        assertTrue(c.get("domains").isArray());

        JsonNode net = viewer.get("/api/network").json();
        Set<String> ids = new HashSet<>();
        for (JsonNode n : net.get("nodes")) {
            ids.add(n.get("id").asText());
            assertTrue(n.has("x") && n.has("y"));
        }
        assertEquals(Set.copyOf(Fixture.TROLLS), ids);
        assertEquals(3, net.get("edges").size());
        assertEquals(0, viewer.get("/api/network?max_p=-1").json().get("edges").size(), "a p-value filter below every edge keeps none");
        assertEquals(3, viewer.get("/api/network?signal=co-repost").json().get("edges").size());

        JsonNode groups = viewer.get("/api/groups").json();
        assertEquals(1, groups.size());
        assertEquals(3, groups.get(0).get("size").asInt());
        JsonNode g = viewer.get("/api/groups/" + groups.get(0).get("id").asInt()).json();
        assertEquals(3, g.get("members").size());

        JsonNode a = viewer.get("/api/accounts/201").json();
        assertEquals(Fixture.XSS_HANDLE_1, a.at("/profile/handle").asText(), "stored and returned exactly");
        assertEquals(6, a.get("posts").size(), "six retweets");
        // the posts newest first, and the posts per day (oldest day first) adding up to the total
        assertEquals(6, a.get("posts_total").asInt());
        long perDay = 0;
        String lastDay = "";
        for (JsonNode v : a.get("volume")) {
            perDay += v.get("posts").asLong();
            assertTrue(v.get("day").asText().compareTo(lastDay) > 0, "days ascending: " + a.get("volume"));
            lastDay = v.get("day").asText();
        }
        assertEquals(6, perDay);
        for (int i = 1; i < a.get("posts").size(); i++) {
            assertTrue(a.get("posts").get(i - 1).get("time").asText().compareTo(a.get("posts").get(i).get("time").asText()) >= 0,
                    "newest first: " + a.get("posts"));
        }
        assertTrue(a.get("posts").get(0).get("part") == null && a.get("posts").get(0).get("n") == null, "no helper columns leak");
        assertEquals(2, a.get("edges").size(), "tied to the two other trolls");
        JsonNode e = a.get("edges").get(0);
        assertEquals(Math.min(CaseQueries.MAX_PAIRS, e.get("evidence_pairs").asInt()), e.get("pairs").size(), "the first pairs of the edge");
        assertTrue(e.get("pairs").size() > 0);
        assertTrue(a.at("/posts/0/link").asText().startsWith("https://x.com/i/status/"));
        assertEquals(404, viewer.get("/api/accounts/nobody").status());

        JsonNode s = null;
        for (int i = 0; i < 100 && !w.searchReady(); i++) Thread.sleep(100);
        s = viewer.get("/api/posts?q=Ballot").json();
        assertEquals(Fixture.BALLOT_POSTS, s.get("total").asInt());
        assertEquals(0, viewer.get("/api/posts?q=nothingmatchesthis").json().get("total").asInt());
        assertEquals(400, viewer.get("/api/posts").status());
    }

    @Test
    @Order(4)
    void csrfIsRequiredWithTheCookieButNotWithAToken() throws Exception {
        String label = "{\"kind\":\"account\",\"id\":\"202\",\"label\":\"unsure\"}";
        assertEquals(403, analyst.send("POST", "/api/labels", label, false).status(), "no X-CSRF-Token");
        String good = analyst.csrf;
        analyst.csrf = "forged";
        assertEquals(403, analyst.post("/api/labels", label).status(), "wrong X-CSRF-Token");
        analyst.csrf = good;
        assertEquals(201, analyst.post("/api/labels", label).status());
        Http script = new Http(w.port());
        script.bearer = w.users().issueToken("ana", "test");
        assertEquals(201, script.send("POST", "/api/labels", label, false).status(), "Bearer requests are exempt");
    }

    @Test
    @Order(5)
    void labelsAreStoredWithAuthorShownToOthersAndAudited() throws Exception {
        Http.Res r = analyst.post("/api/labels", "{\"kind\":\"account\",\"id\":\"201\",\"label\":\"coordinated\",\"note\":\"=cmd|' /C calc'!A0\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals("ana", r.json().get("author").asText());
        JsonNode a = viewer.get("/api/accounts/201").json();
        assertEquals("coordinated", a.at("/labels/0/label").asText(), "seen by another user");
        assertEquals("ana", a.at("/labels/0/author").asText());
        for (JsonNode n : viewer.get("/api/network").json().get("nodes")) {
            if (n.get("id").asText().equals("201")) assertEquals("coordinated", n.get("label").asText(), "shown on the network too");
        }
        assertEquals(400, analyst.post("/api/labels", "{\"kind\":\"account\",\"id\":\"201\",\"label\":\"evil\"}").status());
        assertEquals(400, analyst.post("/api/labels", "{\"kind\":\"planet\",\"id\":\"201\",\"label\":\"benign\"}").status());
        JsonNode audit = admin.get("/api/audit").json();
        boolean found = false;
        for (JsonNode x : audit) found |= x.get("action").asText().equals("label") && x.get("actor").asText().equals("ana")
                && x.get("detail").asText().contains("\"201\"");
        assertTrue(found, audit.toString());
        String csv = viewer.get("/api/export/labels.csv").body();
        assertTrue(csv.contains("'=cmd|"), "formula guarded: " + csv);
        String edges = viewer.get("/api/export/edges.csv").body();
        assertEquals(4, edges.strip().split("\n").length, "header and 3 edges");
        assertTrue(viewer.get("/api/export/network.gexf").body().contains("<gexf"));
        java.net.http.HttpResponse<byte[]> zip = Http.CLIENT.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(viewer.base + "/api/export/bundle.zip")).header("Cookie", viewer.cookie).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (java.util.zip.ZipEntry e; (e = z.getNextEntry()) != null; ) files.put(e.getName(), new String(z.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(Set.of("network.gexf", "edges.csv", "labels.csv", "groups.csv", "accounts.csv", "runs.csv", "audit_log.csv"), files.keySet());
        assertEquals(4, files.get("accounts.csv").strip().split("\n").length, "header and the 3 trolls");
        assertTrue(files.get("labels.csv").contains("'=cmd|"));
    }

    /**
     * Labels are shown everywhere the item appears: after test 4 (202 unsure) and 5 (201 coordinated), and the
     * labels given here (the group benign, the campaign and the domain coordinated), every list and page that
     * names one of them carries its label; unlabelled items carry null.
     */
    @Test
    @Order(6)
    void labelsAreShownEverywhereTheItemAppears() throws Exception {
        for (int i = 0; i < 100 && !w.searchReady(); i++) Thread.sleep(100);
        JsonNode s = viewer.get("/api/posts?q=Breaking").json();
        Map<String, Integer> seen = new java.util.TreeMap<>();
        for (JsonNode h : s.get("hits")) {
            String a = h.get("account_id").asText();
            seen.merge(a, 1, Integer::sum);
            assertTrue(h.has("label"), "every hit says its author's label: " + h);
            String want = a.equals("201") ? "coordinated" : a.equals("202") ? "unsure" : null;
            assertEquals(want, h.get("label").isNull() ? null : h.get("label").asText(), "search hit of " + a);
        }
        assertEquals(Map.of("100", 6, "201", 6, "202", 6, "203", 6), seen, "the news account's tweets and the trolls' retweets");

        JsonNode groups = viewer.get("/api/groups").json();
        int gid = groups.get(0).get("id").asInt();
        assertEquals("{\"coordinated\":1,\"unsure\":1}", groups.get(0).get("member_labels").toString(), "the members' labels, counted");
        assertTrue(groups.get(0).get("label").isNull(), "the group itself is not labelled yet");
        JsonNode g = viewer.get("/api/groups/" + gid).json();
        Map<String, String> members = new java.util.TreeMap<>();
        for (JsonNode m : g.get("members")) members.put(m.get("id").asText(), m.get("label").isNull() ? "-" : m.get("label").asText());
        assertEquals(Map.of("201", "coordinated", "202", "unsure", "203", "-"), members);
        for (JsonNode e : g.get("edges")) {
            for (String side : new String[] {"a", "b"}) {
                String id = e.get(side).asText();
                assertEquals(members.get(id), e.get("label_" + side).isNull() ? "-" : e.get("label_" + side).asText(), "edge end " + id);
            }
        }
        JsonNode a203 = viewer.get("/api/accounts/203").json();
        Map<String, String> others = new java.util.TreeMap<>();
        for (JsonNode e : a203.get("edges")) others.put(e.get("other").asText(), e.get("other_label").asText());
        assertEquals(Map.of("201", "coordinated", "202", "unsure"), others, "the accounts at the other end of 203's edges");

        assertEquals(201, analyst.post("/api/labels", "{\"kind\":\"group\",\"id\":\"" + gid + "\",\"label\":\"benign\"}").status());
        assertEquals("benign", viewer.get("/api/groups").json().get(0).get("label").asText());
        assertEquals("benign", viewer.get("/api/accounts/201").json().at("/coordination/group_label").asText(), "the account page names its group's label");

        JsonNode cs = viewer.get("/api/campaigns?run=" + campaignRun).json();
        assertEquals(1, cs.size());
        assertTrue(cs.get(0).get("label").isNull());
        assertEquals(201, analyst.post("/api/labels", "{\"kind\":\"campaign\",\"id\":\"hashtag:vote\",\"label\":\"coordinated\"}").status());
        assertEquals("coordinated", viewer.get("/api/campaigns?run=" + campaignRun).json().get(0).get("label").asText());
        JsonNode camp = viewer.get("/api/campaigns/hashtag:vote?run=" + campaignRun).json();
        assertEquals("coordinated", camp.at("/labels/0/label").asText());
        assertEquals("{\"201\":\"coordinated\",\"202\":\"unsure\"}", camp.get("account_labels").toString(),
                "the labelled first spreaders and spread accounts (100 and 203 are not labelled)");

        JsonNode ds = viewer.get("/api/domains").json();
        assertEquals(1, ds.size());
        assertTrue(ds.get(0).get("label").isNull());
        assertEquals(201, analyst.post("/api/labels", "{\"kind\":\"domain\",\"id\":\"en-rnarche.fr\",\"label\":\"coordinated\"}").status());
        assertEquals("coordinated", viewer.get("/api/domains").json().get(0).get("label").asText());

        for (JsonNode n : viewer.get("/api/network").json().get("nodes")) {
            String want = members.get(n.get("id").asText());
            assertEquals(want, n.get("label").isNull() ? "-" : n.get("label").asText(), "network node " + n.get("id"));
        }
    }

    @Test
    @Order(7)
    void revokedTokensStopWorking() throws Exception {
        Http script = new Http(w.port());
        script.bearer = w.users().issueToken("vic", "test");
        assertEquals(200, script.get("/api/case").status());
        long id = -1;
        for (Users.Token t : w.users().tokens()) if (t.name().equals("vic")) id = t.id();
        assertEquals(403, viewer.post("/api/tokens/" + id + "/revoke", "{}").status(), "viewers cannot revoke");
        assertEquals(200, admin.post("/api/tokens/" + id + "/revoke", "{}").status());
        assertEquals(401, script.get("/api/case").status());
        assertEquals(404, admin.post("/api/tokens/" + id + "/revoke", "{}").status(), "already revoked");
        script.bearer = "lst_not-a-token";
        assertEquals(401, script.get("/api/case").status());
    }

    @Test
    @Order(8)
    void failedLoginsAreThrottledPerUser() throws Exception {
        Http x = new Http(w.port());
        for (int i = 0; i < Auth.MAX_FAILURES; i++) assertEquals(401, x.login("vic", "wrong password " + i).status());
        Http.Res r = x.login("vic", PW);
        assertEquals(429, r.status(), "even the right password, until the window passes");
        assertNotNull(r.raw().headers().firstValue("Retry-After").orElse(null));
        assertEquals(200, new Http(w.port()).login("ada", PW).status(), "other users from the same address still log in");
        assertEquals(200, viewer.get("/api/case").status(), "existing sessions go on");
    }

    @Test
    @Order(9)
    void logoutEndsTheSession() throws Exception {
        Http x = new Http(w.port());
        assertEquals(200, x.login("ana", PW).status());
        assertEquals(200, x.get("/api/session").status());
        assertEquals(200, x.post("/api/logout", "{}").status());
        assertEquals(401, x.get("/api/session").status());
    }

    @Test
    @Order(10)
    void openApiListsEveryRoute() throws Exception {
        JsonNode doc = viewer.get("/api/openapi.json").json();
        for (Workbench.Route r : w.routes()) {
            JsonNode op = doc.path("paths").path(r.path()).path(r.method().toLowerCase(java.util.Locale.ROOT));
            assertFalse(op.isMissingNode(), r + " is not in openapi.json");
            if (r.role() != null) assertEquals(r.role().key(), op.path("x-role").asText(), r + " documents its role");
        }
        int documented = 0;
        for (var p : doc.get("paths").properties()) documented += p.getValue().size();
        assertEquals(w.routes().size(), documented, "no route documented that does not exist");
    }

    @Test
    @Order(11)
    void analysisJobsRunWithProgressAndBecomeRuns() throws Exception {
        assertEquals(403, viewer.post("/api/jobs", JOB).status());
        Http.Res r = analyst.post("/api/jobs", JOB);
        assertEquals(202, r.status(), r.body());
        JsonNode j = awaitJob(r.json().get("id").asLong());
        assertEquals("done", j.get("state").asText(), j.toString());
        assertEquals(1.0, j.get("progress").asDouble());
        assertEquals(Fixture.POSTS, j.at("/summary/posts").asInt());
        assertEquals(3, j.at("/summary/edges").asInt(), "the same settings find the same network");
        long run = j.get("run").asLong();
        JsonNode net = viewer.get("/api/network").json();
        assertEquals(run, net.get("run").asLong(), "the newest run is shown");
        assertEquals(3, net.get("edges").size());
        JsonNode c = viewer.get("/api/case").json();
        assertEquals("analysis", c.at("/runs/0/command").asText(), "the overview is refreshed after a job");
        assertEquals("ana", c.at("/runs/0/author").asText());
    }

    /**
     * A coordination-only job is the newest run, but it has no campaigns: the campaigns page keeps the run that has
     * them (the fixture's; first, before the route check's jobs make newer full analyses).
     */
    @Test
    @Order(0)
    void aCoordinationOnlyJobDoesNotEmptyTheCampaignsPage() throws Exception {
        JsonNode before = viewer.get("/api/campaigns").json();
        assertTrue(before.size() > 0, "the case has campaigns to keep: " + before);
        Http.Res r = analyst.post("/api/jobs", JOB.replace("{", "{\"coordination_only\":true,"));
        assertEquals(202, r.status(), r.body());
        JsonNode j = awaitJob(r.json().get("id").asLong());
        assertEquals("done", j.get("state").asText(), j.toString());
        assertTrue(j.at("/summary/campaigns").isMissingNode(), "no campaigns in a coordination-only job: " + j);
        assertEquals(j.get("run").asLong(), viewer.get("/api/network").json().get("run").asLong(), "the network is the job's");
        assertEquals(before, viewer.get("/api/campaigns").json(), "the campaigns are the earlier run's");
    }

    /** The job's state once it is done or failed (polled every 100 ms, at most a minute). */
    static JsonNode awaitJob(long id) throws Exception {
        JsonNode j = null;
        for (int i = 0; i < 600; i++) {
            j = viewer.get("/api/jobs/" + id).json();
            if (j.get("state").asText().equals("done") || j.get("state").asText().equals("failed")) break;
            Thread.sleep(100);
        }
        return j;
    }
}
