package org.lockstep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's ground truth, per account: role (from {@code accounts.csv}) and, for planted
 * accounts, the operator delay drawn for it and its number of posts (from {@code labels.json}), so
 * detection can be scored per role, per delay and per activity.
 */
final class PlantedAccounts {
    /** One planted account; {@code delayMs} is -1 when none was drawn (leak seeds, look-alike spreaders). */
    record Planted(String id, String role, String operation, long delayMs, int posts) {}

    /** Planted accounts by id, in label order. */
    final Map<String, Planted> planted = new LinkedHashMap<>();
    /** Role of every account (planted or organic) by id. */
    final Map<String, String> role = new LinkedHashMap<>();
    /** Each timed operation's drawn median delay in ms, by operation id. */
    final Map<String, Long> operationDelayMs = new LinkedHashMap<>();

    PlantedAccounts(byte[] labelsJson, byte[] accountsCsv) throws IOException {
        for (String line : new String(accountsCsv, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split(",", -1);
            if (f.length >= 3 && !f[0].equals("account_id")) role.put(f[0], f[2]);
        }
        JsonNode labels = new ObjectMapper().readTree(labelsJson);
        for (JsonNode op : labels.path("operations")) {
            if (op.has("delay_median_ms")) operationDelayMs.put(op.path("id").asText(), op.path("delay_median_ms").asLong());
            JsonNode acc = op.path("accounts"), delay = op.path("account_delay_ms"), posts = op.path("account_posts");
            for (int i = 0; i < acc.size(); i++) {
                String id = acc.get(i).asText();
                JsonNode d = delay.get(i);
                long ms = d == null || d.isNull() ? -1 : d.asLong();
                int n = posts.has(i) ? posts.get(i).asInt() : -1;
                planted.put(id, new Planted(id, role.getOrDefault(id, "?"), op.path("id").asText(), ms, n));
            }
        }
    }

    boolean isPlanted(String id) {
        return planted.containsKey(id);
    }

    boolean isHyperactive(String id) {
        return "organic_hyperactive".equals(role.get(id));
    }
}
