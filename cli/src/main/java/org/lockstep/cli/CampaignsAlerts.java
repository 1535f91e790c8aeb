package org.lockstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockstep.core.campaigns.Campaign;

/**
 * Incremental alerting: compares this run's flagged campaigns with the previous run's (kept in a small
 * JSON state file) and appends a JSON line per new campaign and per escalation (posts at least doubled,
 * or the score rose by 0.1 or more). Optionally POSTs each alert to a webhook.
 */
final class CampaignsAlerts {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path alerts, state;
    private final String webhook;
    /** Alerts the webhook took, and those it did not, by reason in plain words. */
    private int delivered;
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    /** Connection-level failures in a row; after {@link #GIVE_UP} the remaining alerts are not tried. */
    private int failedInARow;
    static final int GIVE_UP = 3;

    CampaignsAlerts(Path alerts, Path state, String webhook) {
        this.alerts = alerts;
        this.state = state != null ? state : alerts.resolveSibling(alerts.getFileName() + ".state.json");
        this.webhook = webhook;
    }

    /** Emits alerts for {@code cs} as of data time {@code dataTime}; returns how many. */
    int emit(List<Campaign> cs, long dataTime) throws IOException, InterruptedException {
        ObjectNode old = Files.exists(state) ? (ObjectNode) MAPPER.readTree(state.toFile()) : MAPPER.createObjectNode();
        JsonNode prev = old.path("campaigns");
        ObjectNode next = MAPPER.createObjectNode();
        next.put("data_time", CampaignsSupport.iso(dataTime));
        ObjectNode nc = next.putObject("campaigns");
        int n = 0;
        HttpClient http = webhook == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (alerts.getParent() != null) Files.createDirectories(alerts.getParent());
        try (Writer w = Files.newBufferedWriter(alerts, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (Campaign c : cs) {
                if (!c.flagged()) continue;
                ObjectNode s = nc.putObject(c.entity());
                s.put("posts", c.profile().posts());
                s.put("score", c.score());
                s.put("first_flagged_at", CampaignsSupport.iso(c.firstFlaggedAt()));
                JsonNode p = prev.get(c.entity());
                String kind = null;
                if (p == null) kind = "new";
                else if (c.profile().posts() >= 2 * p.path("posts").asInt() || c.score() >= p.path("score").asDouble() + 0.1) kind = "escalating";
                if (kind == null) {
                    // keep the reference point of the last alert so slow growth still escalates eventually
                    s.put("posts", p.path("posts").asInt());
                    s.put("score", p.path("score").asDouble());
                    continue;
                }
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("alert", kind);
                a.put("data_time", CampaignsSupport.iso(dataTime));
                a.put("entity", c.entity());
                a.put("type", c.type().label());
                a.put("score", CampaignsSupport.finite(c.score()));
                a.put("previous_score", p == null ? null : p.path("score").asDouble());
                a.put("posts", c.profile().posts());
                a.put("previous_posts", p == null ? null : p.path("posts").asInt());
                a.put("first_flagged_at", CampaignsSupport.iso(c.firstFlaggedAt()));
                java.util.List<String> h = new java.util.ArrayList<>();
                for (Campaign.Spreader x : c.origin().firstSpreaders()) h.add(x.handle());
                a.put("first_spreaders", h);
                String line = MAPPER.writeValueAsString(a);
                w.write(line);
                w.write('\n');
                n++;
                if (http != null) post(http, line);
            }
        }
        Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), next);
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
    }

    /**
     * The problem with a webhook URL, or null: it must be an absolute http or https URL with a host.
     * Checked before any work.
     */
    static String checkWebhook(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return "--webhook must be an http:// or https:// URL, got '" + Terminal.safe(url) + "'";
            if (u.getHost() == null) return "--webhook has no host: '" + Terminal.safe(url) + "'";
            return null;
        } catch (java.net.URISyntaxException e) {
            return "--webhook is not a URL: " + Terminal.safe(e.getMessage());
        }
    }

    /** POSTs one alert; a failure is counted by its reason, never printed per alert. */
    private void post(HttpClient http, String body) throws InterruptedException {
        if (failedInARow >= GIVE_UP) {
            fail("not tried after " + GIVE_UP + " connection failures in a row");
            return;
        }
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(webhook)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            failedInARow = 0;
            if (r.statusCode() >= 300) fail("the receiver answered HTTP " + r.statusCode());
            else delivered++;
        } catch (java.net.ConnectException e) {
            failedInARow++;
            fail("connection refused or unreachable (is the receiver running at that address?)");
        } catch (java.net.http.HttpTimeoutException e) {
            failedInARow++;
            fail("no answer within the timeout");
        } catch (IOException e) {
            failedInARow++;
            String why = e.getCause() instanceof java.nio.channels.UnresolvedAddressException
                    ? "unknown host" : org.lockstep.io.read.Errors.describe(e);
            fail(why);
        } catch (IllegalArgumentException e) {
            failedInARow = GIVE_UP;
            fail("invalid URL: " + org.lockstep.io.read.Errors.describe(e));
        }
    }

    private void fail(String reason) {
        failures.merge(reason, 1, Integer::sum);
    }

    /** Alerts the webhook accepted. */
    int delivered() {
        return delivered;
    }

    /** Alerts not delivered, by reason. */
    Map<String, Integer> failures() {
        return failures;
    }

    /** Total alerts not delivered. */
    int undelivered() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }
}
