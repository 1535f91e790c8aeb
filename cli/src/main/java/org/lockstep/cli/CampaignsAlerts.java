package org.lockstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockstep.core.campaigns.Campaign;
import org.lockstep.io.alert.Webhook;

/**
 * Incremental alerting: compares this run's flagged campaigns with the previous run's (kept in a small
 * JSON state file) and appends a JSON line per new campaign and per escalation (posts at least doubled,
 * or the score rose by 0.1 or more). Optionally POSTs each alert to a webhook
 * ({@link Webhook}).
 */
final class CampaignsAlerts {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path alerts, state;
    /** The receiver of the alerts (io.alert), or null: counts what it took and what it did not, by reason. */
    private final Webhook hook;
    static final int GIVE_UP = Webhook.GIVE_UP;

    CampaignsAlerts(Path alerts, Path state, String webhook) {
        this.alerts = alerts;
        this.state = state != null ? state : alerts.resolveSibling(alerts.getFileName() + ".state.json");
        this.hook = webhook == null ? null : Webhook.to(webhook);
    }

    /** Emits alerts for {@code cs} as of data time {@code dataTime}; returns how many. */
    int emit(List<Campaign> cs, long dataTime) throws IOException, InterruptedException {
        ObjectNode old = Files.exists(state) ? (ObjectNode) MAPPER.readTree(state.toFile()) : MAPPER.createObjectNode();
        JsonNode prev = old.path("campaigns");
        ObjectNode next = MAPPER.createObjectNode();
        next.put("data_time", CampaignsSupport.iso(dataTime));
        ObjectNode nc = next.putObject("campaigns");
        int n = 0;
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
                if (hook != null) hook.post(line);
            }
        }
        Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), next);
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
    }

    /** Alerts the webhook accepted. */
    int delivered() {
        return hook == null ? 0 : hook.delivered();
    }

    /** Alerts not delivered, by reason. */
    Map<String, Integer> failures() {
        return hook == null ? Map.of() : hook.failures();
    }

    /** Total alerts not delivered. */
    int undelivered() {
        return hook == null ? 0 : hook.undelivered();
    }
}
