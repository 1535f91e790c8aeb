package org.lockstep.io.out;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real consumer reads our files: NetworkX's GEXF and GraphML readers (the ones many researchers use
 * next to Gephi) load the hostile sample graph with its typed attributes and colours. Skipped when
 * python3 with networkx is absent (Debian: apt-get install python3-networkx).
 */
class NetworkxReadsGraphsTest {
    static final String SCRIPT = String.join("\n",
            "import json, sys, networkx as nx",
            "g = nx.read_gexf(sys.argv[1]) if sys.argv[1].endswith('.gexf') else nx.read_graphml(sys.argv[1])",
            "nodes = {n: dict(d) for n, d in g.nodes(data=True)}",
            "edges = [[a, b, d] for a, b, d in g.edges(data=True)]",
            "print(json.dumps({'nodes': nodes, 'edges': edges}))");

    @BeforeAll
    static void needsNetworkx() throws Exception {
        boolean ok;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import networkx").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            ok = false;
        }
        Assumptions.assumeTrue(ok, "skipped: python3 with networkx is not installed (apt-get install python3-networkx)");
    }

    static JsonNode read(Path file) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", SCRIPT, file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "networkx failed to read " + file.getFileName());
        return new ObjectMapper().readTree(out);
    }

    @Test
    void gexf(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("g.gexf");
        GexfWriter.write(GraphWritersTest.sample(), f);
        JsonNode g = read(f);
        assertEquals(3, g.get("nodes").size());
        assertEquals(2, g.get("edges").size());
        JsonNode a1 = g.get("nodes").get("a1");
        assertEquals(1, a1.get("group").asInt());
        assertEquals(true, a1.get("group").isInt(), "integer attribute typed");
        assertEquals(1_600_000_000_000L, a1.get("first_seen").asLong());
        assertEquals(true, a1.get("flagged").asBoolean());
        assertEquals(31, a1.at("/viz/color/r").asInt());
        JsonNode evil = g.get("nodes").get(GraphWritersTest.EVIL_CLEAN);
        assertEquals(GraphWritersTest.EVIL_CLEAN, evil.get("label").asText(), "hostile label intact");
        assertEquals(GraphWritersTest.EVIL_CLEAN, evil.get("handle").asText());
        JsonNode e0 = g.get("edges").get(0).get(2);
        assertEquals(3.0, e0.get("weight").asDouble());
        assertEquals(5, e0.get("co_actions").asInt());
    }

    @Test
    void graphml(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("g.graphml");
        GraphmlWriter.write(GraphWritersTest.sample(), f);
        JsonNode g = read(f);
        assertEquals(3, g.get("nodes").size());
        assertEquals(2, g.get("edges").size());
        JsonNode a1 = g.get("nodes").get("a1");
        assertEquals(true, a1.get("group").isInt());
        assertEquals(0.5, a1.get("score").asDouble());
        assertEquals(31, a1.get("r").asInt());
        JsonNode evil = g.get("nodes").get(GraphWritersTest.EVIL_CLEAN);
        assertEquals(GraphWritersTest.EVIL_CLEAN, evil.get("label").asText());
        JsonNode e1 = g.get("edges").get(1).get(2);
        assertEquals(0.25, e1.get("weight").asDouble());
        assertEquals(GraphWritersTest.EVIL_CLEAN, e1.get("signals").asText());
    }
}
