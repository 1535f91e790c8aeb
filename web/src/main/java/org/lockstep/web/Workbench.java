package org.lockstep.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.lockstep.core.analysis.AnalysisConfig;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.io.out.CsvWriter;
import org.lockstep.io.out.GexfWriter;
import org.lockstep.io.out.Graph;
import org.lockstep.io.store.CaseDb;

/**
 * {@code lockstep serve}: the web workbench over one case. Holds the case open for writing (labels,
 * users and UI jobs go through this process; DuckDB lets one process write a file), serves the front end
 * (built by npm into the jar's {@code /web} resources) and the JSON API under {@code /api/}, documented in
 * {@code openapi.json}.
 *
 * <p>Security: every {@code /api/} route except login needs a session cookie or a Bearer token (401) and a
 * role (403); state-changing requests with the cookie must echo the session's CSRF token in
 * {@code X-CSRF-Token}; failed logins are throttled per user and address (429); every response carries a
 * Content-Security-Policy without inline script, {@code nosniff} and {@code frame-ancestors 'none'}.
 */
public final class Workbench implements AutoCloseable {
    /**
     * Where to serve. With a {@code keystore} (PKCS12: the server's private key and certificate chain) the
     * server speaks HTTPS only, on {@code port}, and no plain listener is opened; without one it speaks HTTP
     * and TLS is left to a reverse proxy (see docs/workbench.md), {@code behindTls} saying that the users
     * reach it over https. Either way the session cookie is then marked Secure.
     */
    public record Options(Path db, String bind, int port, boolean behindTls, Path keystore, char[] keystorePassword) {
        public Options(Path db, String bind, int port, boolean behindTls) {
            this(db, bind, port, behindTls, null, null);
        }

        public Options(Path db, String bind, int port) {
            this(db, bind, port, false);
        }

        /** Whether the users reach the workbench over https (TLS here or at a proxy). */
        public boolean tls() {
            return behindTls || keystore != null;
        }
    }

    /** The keystore cannot be used: missing, not PKCS12, wrong password, or no private key in it. */
    public static final class KeystoreException extends RuntimeException {
        KeystoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One documented route: method, path (OpenAPI style, {param}), least role (null = no login). */
    record Route(String method, String path, Role role) {}

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final Set<String> KINDS = Set.of("account", "group", "campaign", "domain");
    static final Set<String> LABELS = Set.of("coordinated", "benign", "unsure");

    private final CaseDb db;
    private final boolean tls;
    /** TLS is done by this server (a keystore), not a proxy: responses then also carry Strict-Transport-Security. */
    private volatile boolean httpsHere;
    private final Users users;
    private final Auth auth = new Auth(System::currentTimeMillis);
    private final CaseQueries queries;
    private final Search search = new Search();
    private final Jobs jobs;
    private final List<Route> routes = new ArrayList<>();
    private final AtomicReference<Map<String, Object>> overview = new AtomicReference<>();
    /** The newest network unfiltered, as sent (what the explorer asks for); dropped when a label or a run changes it. */
    private final AtomicReference<String> network = new AtomicReference<>();
    private Javalin app;

    private Workbench(CaseDb db, boolean tls) {
        this.db = db;
        this.tls = tls;
        this.users = new Users(db);
        this.queries = new CaseQueries(db, 4);
        this.jobs = new Jobs(db, () -> {
            overview.set(null);
            network.set(null);
        });
    }

    /** Opens the case for writing and starts serving; the Lucene index is built in the background. */
    public static Workbench start(Options o) {
        // the keystore first: a wrong password is said before the case is opened
        java.security.KeyStore ks = o.keystore() == null ? null : loadKeystore(o.keystore(), o.keystorePassword() == null ? new char[0] : o.keystorePassword());
        CaseDb db = CaseDb.open(o.db());
        Workbench w;
        try {
            w = new Workbench(db, o.tls());
            w.startServer(o, ks);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        Thread t = new Thread(() -> {
            // the overview is the first page everyone opens: computed once, before anyone asks
            try {
                w.overview.compareAndSet(null, w.queries.overview());
                w.network.compareAndSet(null, json(w.queries.network(-1, null, null, null)));
                w.queries.evidencePosts(w.queries.latestRun(CaseQueries.COORD_COMMANDS));
            } catch (RuntimeException ignored) {
                // computed on the first request instead, which then reports the error
            }
            w.queries.with(c -> {
                w.search.build(c);
                return null;
            });
        }, "lockstep-warm-up");
        t.setDaemon(true);
        t.start();
        return w;
    }

    public int port() {
        return app.port();
    }

    public Users users() {
        return users;
    }

    /** Whether the post search index is built (tests wait for it). */
    public boolean searchReady() {
        return search.ready() || search.failure() != null;
    }

    List<Route> routes() {
        return routes;
    }

    /**
     * Opens the PKCS12 keystore now, so that a wrong password or a file without a private key is said
     * plainly before the server starts (Jetty would otherwise fail later with a less helpful message).
     */
    static java.security.KeyStore loadKeystore(Path file, char[] password) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            boolean key = false;
            for (var aliases = ks.aliases(); aliases.hasMoreElements(); ) key |= ks.isKeyEntry(aliases.nextElement());
            if (!key) throw new KeystoreException("the keystore " + file + " holds no private key (make one with keytool -genkeypair, or "
                    + "openssl pkcs12 -export from the key and the certificate chain)", null);
            return ks;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new KeystoreException("no keystore at " + file, e);
        } catch (IOException e) {
            throw new KeystoreException("cannot read the keystore " + file + " (a PKCS12 file with the right password?): " + e.getMessage(), e);
        } catch (java.security.GeneralSecurityException e) {
            throw new KeystoreException("cannot open the keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** The HTTPS connector: TLS (from the keystore) then HTTP/1.1, on the address and port asked for; the only listener. */
    private static org.eclipse.jetty.server.Connector httpsConnector(Options o, java.security.KeyStore ks, org.eclipse.jetty.server.Server server,
            org.eclipse.jetty.server.HttpConfiguration base) {
        org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
        ssl.setKeyStore(ks);
        ssl.setKeyStorePassword(new String(o.keystorePassword()));
        org.eclipse.jetty.server.HttpConfiguration https = new org.eclipse.jetty.server.HttpConfiguration(base);
        https.setSecureScheme("https");
        https.setSecurePort(o.port());
        https.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer());
        org.eclipse.jetty.server.ServerConnector c = new org.eclipse.jetty.server.ServerConnector(server,
                new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"), new org.eclipse.jetty.server.HttpConnectionFactory(https));
        c.setHost(o.bind());
        c.setPort(o.port());
        return c;
    }

    private void startServer(Options o, java.security.KeyStore ks) {
        boolean hasUi = Workbench.class.getResource("/web/index.html") != null;
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000;
            // with a keystore, the HTTPS connector is the only one (Javalin adds its plain one only when none is given)
            if (ks != null) config.jetty.addConnector((server, httpConfig) -> httpsConnector(o, ks, server, httpConfig));
            if (hasUi) config.staticFiles.add("/web", Location.CLASSPATH);
            var r = config.routes;
            r.before(this::headers);
            // the handler's own time, for the browser's dev tools and the bench (WorkbenchBench)
            r.after(ctx -> {
                Long t0 = ctx.attribute("t0");
                if (t0 != null) ctx.header("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.1f", (System.nanoTime() - t0) / 1e6));
            });
            r.before("/api/*", this::authenticate);
            r.exception(ApiError.class, (e, ctx) -> send(ctx.status(e.status), Map.of("error", e.getMessage())));
            r.exception(IllegalArgumentException.class, (e, ctx) -> send(ctx.status(400), Map.of("error", String.valueOf(e.getMessage()))));
            r.exception(Exception.class, (e, ctx) -> send(ctx.status(500), Map.of("error", "internal error: " + e.getClass().getSimpleName())));
            r.error(404, "application/json", ctx -> send(ctx, Map.of("error", "not found")));
            if (!hasUi) {
                r.get("/", ctx -> ctx.contentType("text/plain; charset=utf-8")
                        .result("The workbench's front end is not in this build (built by npm in mvn package); the JSON API is under /api/."));
            }
            r.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
            add(r, "POST", "/api/login", null, this::login);
            add(r, "POST", "/api/logout", Role.VIEWER, this::logout);
            add(r, "GET", "/api/session", Role.VIEWER, ctx -> {
                Principal p = ctx.attribute("principal");
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("user", p.user());
                m.put("role", p.role().key());
                m.put("csrf", p.session() == null ? null : p.session().csrf());
                send(ctx, m);
            });
            add(r, "GET", "/api/openapi.json", Role.VIEWER, ctx -> ctx.contentType("application/json").result(OpenApi.json()));
            add(r, "GET", "/api/case", Role.VIEWER, ctx -> send(ctx, withDomainLabels(overview.updateAndGet(v -> v != null ? v : queries.overview()))));
            add(r, "GET", "/api/network", Role.VIEWER, ctx -> {
                if (ctx.queryParamMap().isEmpty()) {
                    ctx.contentType("application/json; charset=utf-8").result(network.updateAndGet(v -> v != null ? v : json(queries.network(-1, null, null, null))));
                    return;
                }
                send(ctx, queries.network(longParam(ctx, "run", -1),
                    ctx.queryParam("group") == null ? null : (int) longParam(ctx, "group", 0), ctx.queryParam("signal"),
                    ctx.queryParam("max_p") == null ? null : doubleParam(ctx, "max_p")));
            });
            add(r, "GET", "/api/groups", Role.VIEWER, ctx -> send(ctx, queries.groups(longParam(ctx, "run", -1))));
            add(r, "GET", "/api/groups/{id}", Role.VIEWER, ctx -> send(ctx, found(queries.group(longParam(ctx, "run", -1), intPath(ctx, "id")))));
            add(r, "GET", "/api/accounts/{id}", Role.VIEWER, ctx -> send(ctx, found(queries.account(ctx.pathParam("id")))));
            add(r, "GET", "/api/campaigns", Role.VIEWER, ctx -> send(ctx, queries.campaigns(longParam(ctx, "run", -1))));
            add(r, "GET", "/api/campaigns/{id}", Role.VIEWER, ctx -> send(ctx, found(queries.campaign(longParam(ctx, "run", -1), ctx.pathParam("id")))));
            add(r, "GET", "/api/domains", Role.VIEWER, ctx -> send(ctx, queries.domains()));
            add(r, "GET", "/api/posts", Role.VIEWER, this::searchPosts);
            add(r, "GET", "/api/labels", Role.VIEWER, this::labels);
            add(r, "POST", "/api/labels", Role.ANALYST, this::addLabel);
            add(r, "GET", "/api/jobs", Role.VIEWER, ctx -> send(ctx, jobs.list()));
            add(r, "POST", "/api/jobs", Role.ANALYST, this::startJob);
            add(r, "GET", "/api/jobs/{id}", Role.VIEWER, ctx -> {
                Jobs.Job j = jobs.get(intPath(ctx, "id"));
                send(ctx, found(j == null ? null : j.json()));
            });
            add(r, "GET", "/api/export/edges.csv", Role.VIEWER, this::exportEdges);
            add(r, "GET", "/api/export/labels.csv", Role.VIEWER, this::exportLabels);
            add(r, "GET", "/api/export/network.gexf", Role.VIEWER, this::exportGexf);
            add(r, "GET", "/api/export/bundle.zip", Role.VIEWER, this::exportBundle);
            add(r, "GET", "/api/audit", Role.ADMIN, ctx -> send(ctx, queries.rows(
                    "SELECT seq, logged_at, actor, action, detail FROM audit_log ORDER BY seq DESC LIMIT 500")));
            add(r, "GET", "/api/users", Role.ADMIN, ctx -> {
                Map<String, Object> m = new LinkedHashMap<>();
                List<Map<String, Object>> us = new ArrayList<>();
                for (Users.User u : users.list()) us.add(Map.of("name", u.name(), "role", u.role().key(), "disabled", u.disabled()));
                m.put("users", us);
                m.put("tokens", users.tokens());
                send(ctx, m);
            });
            add(r, "POST", "/api/users", Role.ADMIN, this::addUser);
            add(r, "POST", "/api/tokens/{id}/revoke", Role.ADMIN, ctx -> {
                Principal p = ctx.attribute("principal");
                boolean done = users.revokeToken(intPath(ctx, "id"), p.user());
                send(ctx.status(done ? 200 : 404), Map.of("revoked", done));
            });
        });
        httpsHere = ks != null;
        if (ks != null) app.start();
        else app.start(o.bind(), o.port());
    }

    /** Registers a route and records it for the OpenAPI check; role null = open (login). */
    private void add(io.javalin.config.RoutesConfig r, String method, String path, Role role, Handler h) {
        routes.add(new Route(method, path, role));
        Handler guarded = role == null ? h : ctx -> {
            Principal p = ctx.attribute("principal");
            if (p == null) throw new ApiError(401, "log in first");
            if (!p.role().atLeast(role)) throw new ApiError(403, "this needs the role " + role.key() + " (you are " + p.role().key() + ")");
            h.handle(ctx);
        };
        if (method.equals("GET")) r.get(path, guarded);
        else r.post(path, guarded);
    }

    /** Who is asking: a session (cookie) or a token (Bearer, no CSRF check). */
    record Principal(String user, Role role, Auth.Session session) {}

    static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private void headers(Context ctx) {
        ctx.attribute("t0", System.nanoTime());
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store");
        if (httpsHere) ctx.header("Strict-Transport-Security", "max-age=31536000");
    }

    private void authenticate(Context ctx) {
        if (ctx.path().equals("/api/login")) return;
        String authz = ctx.header("Authorization");
        if (authz != null && authz.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Users.User u = users.byToken(authz.substring(7).strip());
            if (u == null) throw new ApiError(401, "unknown or revoked token");
            ctx.attribute("principal", new Principal(u.name(), u.role(), null));
            return;
        }
        Auth.Session s = auth.get(ctx.cookie(Auth.COOKIE));
        if (s == null) throw new ApiError(401, "log in first");
        String m = ctx.method().name();
        if (!m.equals("GET") && !m.equals("HEAD") && !Auth.sameToken(s.csrf(), ctx.header("X-CSRF-Token"))) {
            throw new ApiError(403, "missing or wrong X-CSRF-Token (from POST /api/login or GET /api/session)");
        }
        ctx.attribute("principal", new Principal(s.user(), s.role(), s));
    }

    private void login(Context ctx) {
        JsonNode body = body(ctx);
        String user = text(body, "user"), password = text(body, "password");
        if (user == null || password == null) throw new ApiError(400, "give {\"user\", \"password\"}");
        String address = ctx.ip();
        long wait = auth.retryAfterMs(user, address);
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf((wait + 999) / 1000));
            throw new ApiError(429, "too many failed logins; try again later");
        }
        Users.User u = users.check(user, password.toCharArray());
        if (u == null) {
            auth.failed(user, address);
            throw new ApiError(401, "wrong user name or password");
        }
        auth.succeeded(user);
        Auth.Session s = auth.create(u.name(), u.role());
        ctx.header("Set-Cookie", Auth.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict" + (tls || "https".equals(ctx.scheme()) ? "; Secure" : ""));
        send(ctx, Map.of("user", u.name(), "role", u.role().key(), "csrf", s.csrf()));
    }

    private void logout(Context ctx) {
        Principal p = ctx.attribute("principal");
        if (p.session() != null) auth.end(p.session().id());
        ctx.header("Set-Cookie", Auth.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (tls || "https".equals(ctx.scheme()) ? "; Secure" : ""));
        send(ctx, Map.of("logged_out", true));
    }

    /** The kept overview with the top domains' labels as they are now (labels change; the overview is kept). */
    private Map<String, Object> withDomainLabels(Map<String, Object> o) {
        Map<String, Map<String, Object>> labels = queries.latestLabels("domain");
        Map<String, Object> copy = new LinkedHashMap<>(o);
        List<Map<String, Object>> domains = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> kept = (List<Map<String, Object>>) o.get("domains");
        for (Map<String, Object> d : kept) {
            Map<String, Object> x = new LinkedHashMap<>(d);
            Map<String, Object> l = labels.get(String.valueOf(d.get("domain")));
            x.put("label", l == null ? null : l.get("label"));
            domains.add(x);
        }
        copy.put("domains", domains);
        return copy;
    }

    private void searchPosts(Context ctx) throws IOException {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) throw new ApiError(400, "give q, the words to search for");
        if (q.length() > 500) throw new ApiError(400, "the query is too long");
        if (search.failure() != null) throw new ApiError(500, "the search index could not be built: " + search.failure());
        if (!search.ready()) throw new ApiError(503, "the search index is being built (" + search.indexed() + " posts so far)");
        int limit = (int) Math.max(1, Math.min(200, longParam(ctx, "limit", 50)));
        Map<String, Object> r = search.query(q, limit);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hits = (List<Map<String, Object>>) r.get("hits");
        queries.putAccountLabels(hits, "account_id", "label"); // the author's label, as it is now (the index has none)
        send(ctx, r);
    }

    private void labels(Context ctx) {
        String kind = ctx.queryParam("kind"), id = ctx.queryParam("id");
        if (kind != null && id != null) send(ctx, queries.history(kind, id));
        else send(ctx, queries.rows("SELECT label_id, kind, item_id, label, note, author, created_at FROM labels ORDER BY label_id DESC LIMIT 1000"));
    }

    private void addLabel(Context ctx) throws SQLException {
        JsonNode b = body(ctx);
        String kind = text(b, "kind"), id = text(b, "id"), label = text(b, "label"), note = text(b, "note");
        if (kind == null || !KINDS.contains(kind)) throw new ApiError(400, "kind is one of account, group, campaign, domain");
        if (label == null || !LABELS.contains(label)) throw new ApiError(400, "label is one of coordinated, benign, unsure");
        if (id == null || id.isEmpty() || id.length() > 1000) throw new ApiError(400, "give the item's id");
        if (note != null && note.length() > 4000) throw new ApiError(400, "the note is longer than 4000 characters");
        Principal p = ctx.attribute("principal");
        long labelId;
        synchronized (db) {
            try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(label_id), 0) + 1 FROM labels")) {
                rs.next();
                labelId = rs.getLong(1);
            }
            try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO labels VALUES (?, ?, ?, ?, ?, ?, now()::TIMESTAMP)")) {
                ps.setLong(1, labelId);
                ps.setString(2, kind);
                ps.setString(3, id);
                ps.setString(4, label);
                ps.setString(5, note);
                ps.setString(6, p.user());
                ps.executeUpdate();
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("label_id", labelId);
            d.put("kind", kind);
            d.put("id", id);
            d.put("label", label);
            d.put("note", note);
            Audit.log(db, p.user(), "label", json(d));
        }
        if (kind.equals("account")) network.set(null);
        send(ctx.status(201), queries.one("SELECT label_id, kind, item_id, label, note, author, created_at FROM labels WHERE label_id = ?", labelId));
    }

    private void startJob(Context ctx) {
        JsonNode b = ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : body(ctx);
        CoordinationConfig.Builder c = CoordinationConfig.builder();
        if (b.has("min_repetitions")) c.minRepetitions(b.get("min_repetitions").asInt());
        if (b.has("selection")) {
            try {
                c.selection(CoordinationConfig.Selection.valueOf(b.get("selection").asText().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "selection is one of significance, percentile, min-weight, all");
            }
        }
        if (b.has("cooccurrence")) c.cooccurrence(b.get("cooccurrence").asBoolean());
        AnalysisConfig config = b.path("coordination_only").asBoolean(false) ? AnalysisConfig.coordinationOnly(c.build())
                : new AnalysisConfig(c.build(), org.lockstep.core.campaigns.CampaignAnalysis.Config.defaults());
        Principal p = ctx.attribute("principal");
        Jobs.Job j = jobs.submit(p.user(), config);
        Audit.log(db, p.user(), "job.start", "{\"job\":" + j.id + "}");
        send(ctx.status(202), j.json());
    }

    private void addUser(Context ctx) {
        JsonNode b = body(ctx);
        String name = text(b, "name"), role = text(b, "role"), password = text(b, "password");
        if (name == null || role == null || password == null) throw new ApiError(400, "give name, role and password");
        Principal p = ctx.attribute("principal");
        users.add(name, Role.of(role), password.toCharArray(), p.user());
        auth.endAll(name);
        send(ctx.status(201), Map.of("name", name, "role", role));
    }

    private void exportEdges(Context ctx) throws IOException {
        download(ctx, "edges.csv", "text/csv; charset=utf-8", edgesCsv());
    }

    private byte[] edgesCsv() throws IOException {
        long run = queries.latestRun(CaseQueries.COORD_COMMANDS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter w = new CsvWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), "account_a", "account_b", "weight", "co_actions",
                "signals", "p_value", "q_value", "median_gap_s", "group")) {
            for (Map<String, Object> e : queries.rows("SELECT account_a, account_b, weight, co_actions, signals, p_value, q_value, median_gap_s, grp "
                    + "FROM coord_edges WHERE run_id = ? ORDER BY edge", run)) {
                w.row(e.values().toArray());
            }
        }
        return out.toByteArray();
    }

    private void exportLabels(Context ctx) throws IOException {
        download(ctx, "labels.csv", "text/csv; charset=utf-8", labelsCsv());
    }

    private byte[] labelsCsv() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter w = new CsvWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), "label_id", "kind", "item_id", "label", "note",
                "author", "created_at")) {
            for (Map<String, Object> e : queries.rows("SELECT label_id, kind, item_id, label, note, author, created_at FROM labels ORDER BY label_id")) {
                w.row(e.values().toArray());
            }
        }
        return out.toByteArray();
    }

    private void exportGexf(Context ctx) throws IOException {
        download(ctx, "network.gexf", "application/gexf+xml", gexf());
    }

    /**
     * The case bundle: what an investigation hands over besides the case file: the network (GEXF, edges
     * CSV), its groups and accounts, the labels with their authors, the runs with their parameters and the
     * audit log; formula-guarded CSV throughout.
     */
    private void exportBundle(Context ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long run = queries.latestRun(CaseQueries.COORD_COMMANDS);
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            entry(z, "network.gexf", gexf());
            entry(z, "edges.csv", edgesCsv());
            entry(z, "labels.csv", labelsCsv());
            entry(z, "groups.csv", csv(queries.rows("SELECT grp AS group_id, component, size, edges, density, signals, co_actions, first_action, "
                    + "last_action, top_objects, members FROM coord_groups WHERE run_id = ? ORDER BY grp", run)));
            entry(z, "accounts.csv", csv(queries.rows("SELECT account_id, grp AS group_id, component, degree, signals, co_actions, actions "
                    + "FROM coord_accounts WHERE run_id = ? ORDER BY grp, degree DESC", run)));
            entry(z, "runs.csv", csv(queries.rows("SELECT run_id, command, status, started_at, finished_at, author, parameters, summary FROM runs ORDER BY run_id")));
            entry(z, "audit_log.csv", csv(queries.rows("SELECT seq, logged_at, actor, action, detail FROM audit_log ORDER BY seq")));
        }
        download(ctx, "lockstep-case-bundle.zip", "application/zip", out.toByteArray());
    }

    private static void entry(java.util.zip.ZipOutputStream z, String name, byte[] data) throws IOException {
        z.putNextEntry(new java.util.zip.ZipEntry(name));
        z.write(data);
        z.closeEntry();
    }

    /** Rows as formula-guarded CSV, the columns of the first row as the header. */
    private static byte[] csv(List<Map<String, Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] header = rows.isEmpty() ? new String[] {"empty"} : rows.get(0).keySet().toArray(new String[0]);
        try (CsvWriter w = new CsvWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), header)) {
            for (Map<String, Object> r : rows) w.row(r.values().toArray());
        }
        return out.toByteArray();
    }

    private byte[] gexf() throws IOException {
        Map<String, Object> net = queries.network(-1, null, null, null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) net.get("nodes"), edges = (List<Map<String, Object>>) net.get("edges");
        String[] ids = new String[nodes.size()], labels = new String[nodes.size()];
        int[] group = new int[nodes.size()];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (String) nodes.get(i).get("id");
            Object h = nodes.get(i).get("handle");
            labels[i] = h != null ? (String) h : ids[i];
            group[i] = ((Number) nodes.get(i).get("group_id")).intValue();
            index.put(ids[i], i);
        }
        int[] s = new int[edges.size()], t = new int[edges.size()];
        double[] w = new double[edges.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = index.get((String) edges.get(k).get("a"));
            t[k] = index.get((String) edges.get(k).get("b"));
            w[k] = ((Number) edges.get(k).get("weight")).doubleValue();
        }
        Graph g = Graph.builder(ids).labels(labels).edges(s, t, w).nodeColumn("group", group).description("Lockstep coordination network").build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GexfWriter.write(g, out);
        return out.toByteArray();
    }

    private static void download(Context ctx, String name, String type, byte[] data) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(type).result(data);
    }

    private static Object found(Object o) {
        if (o == null) throw new ApiError(404, "not found");
        return o;
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = Json.MAPPER.readTree(ctx.body());
            if (n == null || !n.isObject()) throw new ApiError(400, "the body must be a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "the body is not JSON");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static long longParam(Context ctx, String name, long dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + " must be a whole number");
        }
    }

    private static double doubleParam(Context ctx, String name) {
        try {
            return Double.parseDouble(ctx.queryParam(name).strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + " must be a number");
        }
    }

    private static int intPath(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new ApiError(404, "not found");
        }
    }

    static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(Context ctx, Object o) {
        ctx.contentType("application/json; charset=utf-8").result(json(o));
    }

    @Override
    public void close() {
        if (app != null) app.stop();
        jobs.close();
        search.close();
        queries.close();
        db.close();
    }
}
