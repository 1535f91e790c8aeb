package org.lockstep.io.ct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The Certificate Transparency log list, version 3 (the JSON schema of Chrome's and Apple's
 * published lists, {@code log_list.json}): operators, their RFC 6962 logs ({@code logs}, with
 * {@code url}) and their static-ct-api logs ({@code tiled_logs}, with {@code monitoring_url}),
 * each with its public key and state ({@code pending, qualified, usable, readonly, retired,
 * rejected}).
 */
public final class CtLogList {
    /**
     * One log.
     *
     * @param operator    operator name
     * @param description the log's description
     * @param logId       base64 log id (SHA-256 of the key)
     * @param key         base64 DER public key
     * @param url         RFC 6962 base URL, or the static-ct-api monitoring URL for tiled logs
     * @param state       the state's name, or "unknown" when the list gives none
     * @param tiled       true for a static-ct-api (tiled) log
     */
    public record Log(String operator, String description, String logId, String key, String url, String state, boolean tiled) {
        /** True for logs whose new entries are worth following: usable or qualified. */
        public boolean usable() {
            return state.equals("usable") || state.equals("qualified");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private CtLogList() {}

    /** Parses a v3 log list; throws with the reason on anything that is not one. */
    public static List<Log> parse(byte[] json) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IOException("log list is not JSON: " + e.getMessage(), e);
        }
        JsonNode ops = root == null ? null : root.path("operators");
        if (ops == null || !ops.isArray()) throw new IOException("log list has no 'operators' array (not a v3 log list)");
        List<Log> out = new ArrayList<>();
        for (JsonNode op : ops) {
            String name = op.path("name").asText("");
            for (JsonNode l : op.path("logs")) out.add(log(name, l, l.path("url").asText(""), false));
            for (JsonNode l : op.path("tiled_logs")) out.add(log(name, l, l.path("monitoring_url").asText(""), true));
        }
        return out;
    }

    private static Log log(String operator, JsonNode l, String url, boolean tiled) {
        String state = "unknown";
        Iterator<String> it = l.path("state").fieldNames();
        if (it.hasNext()) state = it.next();
        return new Log(operator, l.path("description").asText(""), l.path("log_id").asText(""), l.path("key").asText(""), url, state, tiled);
    }
}
