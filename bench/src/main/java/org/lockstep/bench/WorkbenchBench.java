package org.lockstep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lockstep.web.Role;
import org.lockstep.web.Workbench;

/**
 * Server time of every page's data in the workbench on a real case (issue 13: under 300 ms on 1 M posts).
 * Starts {@code lockstep serve}'s server on the case, logs in (adding the user "bench"), waits for the
 * search index, then requests each route once (cold) and {@code rounds} more times, one at a time, and
 * prints the handler's own time from the {@code Server-Timing} header (and the round trip) per route.
 *
 * <pre>java -Xmx3g -cp "$CP" org.lockstep.bench.WorkbenchBench CASE.duckdb [rounds] [search words]</pre>
 */
public final class WorkbenchBench {
    private WorkbenchBench() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String words = args.length > 2 ? args[2] : "vote";
        ObjectMapper json = new ObjectMapper();
        long t0 = System.nanoTime();
        try (Workbench w = Workbench.start(new Workbench.Options(db, "127.0.0.1", 0))) {
            System.out.printf(Locale.ROOT, "server started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            w.users().add("bench", Role.ADMIN, "bench password".toCharArray(), "bench");
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + w.port();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"bench\",\"password\":\"bench password\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            long s0 = System.nanoTime();
            while (!w.searchReady()) Thread.sleep(200);
            System.out.printf(Locale.ROOT, "search index ready %.1f s after start%n", (System.nanoTime() - t0) / 1e9);
            JsonNode groups = json.readTree(get(http, base + "/api/groups", cookie).body());
            JsonNode net = json.readTree(get(http, base + "/api/network", cookie).body());
            String account = null;
            int best = -1;
            for (JsonNode n : net.get("nodes")) {
                if (n.get("degree").asInt() > best) {
                    best = n.get("degree").asInt();
                    account = n.get("id").asText();
                }
            }
            JsonNode campaigns = json.readTree(get(http, base + "/api/campaigns", cookie).body());
            List<String> paths = new ArrayList<>(List.of("/api/case", "/api/network", "/api/groups"));
            if (groups.size() > 0) paths.add("/api/groups/" + groups.get(0).get("id").asText());
            if (account != null) paths.add("/api/accounts/" + java.net.URLEncoder.encode(account, "UTF-8"));
            paths.add("/api/campaigns");
            if (campaigns.size() > 0) paths.add("/api/campaigns/" + java.net.URLEncoder.encode(campaigns.get(0).get("id").asText(), "UTF-8").replace("+", "%20"));
            paths.add("/api/domains");
            paths.add("/api/posts?q=" + java.net.URLEncoder.encode(words, "UTF-8"));
            paths.add("/api/labels");
            System.out.printf(Locale.ROOT, "network: %d nodes, %d edges; %d groups; %d campaigns%n", net.get("nodes").size(),
                    net.get("edges").size(), groups.size(), campaigns.size());
            System.out.println("| route | first call (server ms) | median | p95 | max | median round trip | response KB |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (String p : paths) {
                Map<String, Double> first = time(http, base + p, cookie);
                List<Double> server = new ArrayList<>(), trip = new ArrayList<>();
                double kb = 0;
                for (int i = 0; i < rounds; i++) {
                    Map<String, Double> t = time(http, base + p, cookie);
                    server.add(t.get("server"));
                    trip.add(t.get("trip"));
                    kb = t.get("kb");
                }
                Collections.sort(server);
                Collections.sort(trip);
                System.out.printf(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f |%n", p.replaceAll("/[^/?]*[0-9%][^/?]*$", "/{id}"),
                        first.get("server"), server.get(server.size() / 2), server.get((int) Math.ceil(server.size() * 0.95) - 1),
                        server.get(server.size() - 1), trip.get(trip.size() / 2), kb);
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, String cookie) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
        return r;
    }

    private static Map<String, Double> time(HttpClient http, String url, String cookie) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = get(http, url, cookie);
        double trip = (System.nanoTime() - t0) / 1e6;
        String st = r.headers().firstValue("Server-Timing").orElse("app;dur=NaN");
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("server", Double.parseDouble(st.substring(st.indexOf("dur=") + 4)));
        m.put("trip", trip);
        m.put("kb", r.body().length() / 1024.0);
        return m;
    }
}
