package org.lockstep.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One in-memory simulation run with its three outputs, cached per config so tests share runs. */
final class SimRun {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<SimConfig, SimRun> CACHE = new HashMap<>();

    final SimConfig config;
    final SimResult result;
    final byte[] posts, labels, accounts;
    private List<JsonNode> tweets;
    private JsonNode labelTree;

    private SimRun(SimConfig c) throws IOException {
        config = c;
        ByteArrayOutputStream p = new ByteArrayOutputStream(), l = new ByteArrayOutputStream(),
                a = new ByteArrayOutputStream();
        result = Simulator.run(c, p, l, a, null);
        posts = p.toByteArray();
        labels = l.toByteArray();
        accounts = a.toByteArray();
    }

    static synchronized SimRun of(SimConfig c) {
        return CACHE.computeIfAbsent(c, k -> {
            try {
                return new SimRun(k);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static SimRun election() {
        return of(SimConfig.scenario("election", 30_000, 11));
    }

    synchronized List<JsonNode> tweets() {
        if (tweets == null) {
            tweets = new ArrayList<>();
            for (String line : lines()) {
                try {
                    tweets.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("line does not parse as JSON: " + line, e);
                }
            }
        }
        return tweets;
    }

    List<String> lines() {
        String s = new String(posts, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', from)) {
            out.add(s.substring(from, i));
            from = i + 1;
        }
        if (from < s.length()) out.add(s.substring(from));
        return out;
    }

    synchronized JsonNode labels() {
        if (labelTree == null) {
            try {
                labelTree = JSON.readTree(labels);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return labelTree;
    }

    JsonNode operation(String type) {
        for (JsonNode op : labels().get("operations")) if (op.get("type").asText().equals(type)) return op;
        throw new AssertionError("no operation " + type);
    }

    /** Exact post time in ms, from the snowflake id. */
    static long timeOf(JsonNode t) {
        return (Long.parseLong(t.get("id_str").asText()) >> 22) + 1288834974657L;
    }

    static String author(JsonNode t) {
        return t.get("user").get("id_str").asText();
    }
}
