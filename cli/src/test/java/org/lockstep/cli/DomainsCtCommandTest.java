package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code domains match --ct-log} against an RFC 6962 log served in the test, twice, resuming. */
class DomainsCtCommandTest {
    /** Log entries (RFC 6962 leaf inputs, base64) for certificates naming {@code names}, logged at {@code now}. */
    static List<String> leaves(String[][] names, long now) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair ca = g.generateKeyPair();
        List<String> leaves = new ArrayList<>();
        for (String[] n : names) {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("C=US,O=Let's Encrypt,CN=R11"), BigInteger.valueOf(leaves.size() + 1),
                    new Date(now), new Date(now + 86_400_000L), new X500Name("CN=" + n[0]), ca.getPublic());
            GeneralName[] gn = new GeneralName[n.length];
            for (int i = 0; i < n.length; i++) gn[i] = new GeneralName(GeneralName.dNSName, n[i]);
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(gn));
            byte[] der = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())).getEncoded();
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            o.write(0);
            o.write(0);
            for (int i = 7; i >= 0; i--) o.write((int) (now >>> (8 * i)));
            o.write(0);
            o.write(0); // x509_entry
            o.write(der.length >>> 16);
            o.write(der.length >>> 8);
            o.write(der.length);
            o.writeBytes(der);
            o.write(0);
            o.write(0);
            leaves.add(Base64.getEncoder().encodeToString(o.toByteArray()));
        }
        return leaves;
    }

    /** An RFC 6962 log serving {@code leaves} (get-sth and get-entries), not yet started. */
    static HttpServer log(List<String> leaves) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ct/v1/get-sth", ex -> {
            byte[] b = ("{\"tree_size\":" + leaves.size() + ",\"timestamp\":1,\"sha256_root_hash\":\"\",\"tree_head_signature\":\"\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.createContext("/ct/v1/get-entries", ex -> {
            String q = ex.getRequestURI().getQuery();
            int start = Integer.parseInt(q.replaceAll(".*start=(\\d+).*", "$1"));
            int end = Math.min(Integer.parseInt(q.replaceAll(".*end=(\\d+).*", "$1")), leaves.size() - 1);
            StringBuilder sb = new StringBuilder("{\"entries\":[");
            for (int i = start; i <= end; i++) sb.append(i > start ? "," : "").append("{\"leaf_input\":\"").append(leaves.get(i)).append("\",\"extra_data\":\"\"}");
            byte[] b = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        return server;
    }

    /**
     * Look-alikes from the log reach the alert sinks, each once: a JSON line in the alerts file and the same line
     * POSTed to a webhook on a local JDK HTTP server; reading the log again from the start alerts nothing new.
     */
    @Test
    void lookalikesFromTheLogAreAlertedOnceThroughTheFileAndTheWebhook(@TempDir Path dir) throws Exception {
        String[][] names = {{"spiegel.ltd", "www.spiegel.ltd"}, {"example.org"}, {"spiegel.de"}, {"sp1egel.de"}, {"news.example.net"}};
        HttpServer server = log(leaves(names, System.currentTimeMillis()));
        List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
        server.createContext("/hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path protect = dir.resolve("p.txt");
            Files.writeString(protect, "spiegel.de\n");
            Path alerts = dir.resolve("alerts/lookalikes.jsonl");
            // the alert options are checked before any work, as campaigns checks them (Preflight.webhook)
            assertEquals(Main.USAGE, Main.run("domains", "match", "--protect", protect.toString(), "--ct-log", base + "/",
                    "--webhook", base + "/hook"));
            assertEquals(Main.USAGE, Main.run("domains", "match", "--protect", protect.toString(), "--ct-log", base + "/",
                    "--alerts", alerts.toString(), "--webhook", "ftp://example.org/x"));
            assertTrue(received.isEmpty() && !Files.exists(alerts), "nothing read, nothing alerted");
            for (int run = 0; run < 2; run++) {
                // a fresh position each time: the second run reads the same certificates again
                assertEquals(Main.OK, Main.run("domains", "match", "--protect", protect.toString(), "--ct-log", base + "/",
                        "--ct-state", dir.resolve("state" + run + ".json").toString(), "--ct-start", "0", "--alerts", alerts.toString(),
                        "--webhook", base + "/hook", "-o", dir.resolve("out" + run + ".tsv").toString()));
            }
            List<String> lines = Files.readAllLines(alerts);
            assertEquals(2, lines.size(), lines.toString()); // spiegel.ltd and sp1egel.de; spiegel.de is owned
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode first = json.readTree(lines.get(0)), second = json.readTree(lines.get(1));
            assertEquals("lookalike", first.get("alert").asText());
            assertEquals("spiegel.ltd", first.get("candidate").asText());
            assertEquals("spiegel.de", first.get("protected_domain").asText());
            assertEquals("ct:0", first.get("source").asText());
            assertTrue(first.get("score").asDouble() > 0.5);
            assertEquals("sp1egel.de", second.get("candidate").asText());
            assertEquals(lines, received, "the webhook got each alert line, once");
            // both runs wrote their matches to their output; only the first alerted
            assertEquals(3, Files.readAllLines(dir.resolve("out1.tsv")).size());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void followsALogAndResumesFromTheSavedPosition(@TempDir Path dir) throws Exception {
        long now = System.currentTimeMillis();
        String[][] names = {{"spiegel.ltd", "www.spiegel.ltd"}, {"example.org"}, {"spiegel.de"}, {"sp1egel.de"}, {"news.example.net"}};
        List<String> leaves = leaves(names, now);
        HttpServer server = log(leaves);
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Path protect = dir.resolve("p.txt");
            Files.writeString(protect, "spiegel.de\n");
            Path state = dir.resolve("ct.json");
            Path out1 = dir.resolve("1.tsv"), out2 = dir.resolve("2.tsv");
            assertEquals(Main.OK, Main.run("domains", "match", "--protect", protect.toString(), "--ct-log", url, "--ct-state", state.toString(),
                    "--ct-start", "0", "--ct-max", "2", "--ct-batch", "1", "-o", out1.toString()));
            assertEquals(Main.OK, Main.run("domains", "match", "--protect", protect.toString(), "--ct-log", url, "--ct-state", state.toString(),
                    "-o", out2.toString()));
            List<String> first = Files.readAllLines(out1), second = Files.readAllLines(out2);
            assertEquals(2, first.size(), first.toString()); // header + spiegel.ltd (www. folded into the same host)
            String[] row = first.get(1).split("\t", -1);
            assertEquals("spiegel.ltd", row[0]);
            assertEquals("ct:0", row[6]);
            assertTrue(row[7].contains("free-ca"), row[7]);
            assertTrue(Double.parseDouble(row[3]) > 0.855, row[3]); // recent + free CA evidence on top of the name score
            assertEquals(2, second.size(), second.toString()); // sp1egel.de only; spiegel.de is owned; nothing repeated
            assertTrue(second.get(1).startsWith("sp1egel.de\tspiegel.de\t"), second.get(1));
            assertTrue(second.get(1).contains("\tct:3\t"));
        } finally {
            server.stop(0);
        }
    }

    /** Signs an RFC 6962 tree head with {@code key}: the {@code tree_head_signature} as DigitallySigned, base64. */
    static String signTreeHead(KeyPair key, long timestamp, long size, byte[] root) throws Exception {
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(50).put((byte) 0).put((byte) 1).putLong(timestamp).putLong(size).put(root);
        java.security.Signature sig = java.security.Signature.getInstance("SHA256withECDSA");
        sig.initSign(key.getPrivate());
        sig.update(data.array());
        byte[] s = sig.sign();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(4);
        o.write(3);
        o.write(s.length >>> 8);
        o.write(s.length);
        o.writeBytes(s);
        return Base64.getEncoder().encodeToString(o.toByteArray());
    }

    @Test
    void readsEveryUsableLogOfALogListWithVerifiedTreeHeads(@TempDir Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair ca = g.generateKeyPair(), logKey = g.generateKeyPair(), otherKey = g.generateKeyPair();
        long now = System.currentTimeMillis();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=R11"), BigInteger.ONE,
                new Date(now), new Date(now + 86_400_000L), new X500Name("CN=spiegel.ltd"), ca.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, "spiegel.ltd")));
        byte[] der = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())).getEncoded();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0);
        o.write(0);
        for (int i = 7; i >= 0; i--) o.write((int) (now >>> (8 * i)));
        o.write(0);
        o.write(0);
        o.write(der.length >>> 16);
        o.write(der.length >>> 8);
        o.write(der.length);
        o.writeBytes(der);
        o.write(0);
        o.write(0);
        String leaf = Base64.getEncoder().encodeToString(o.toByteArray());
        byte[] root = new byte[32];
        String good = signTreeHead(logKey, 5, 1, root), bad = signTreeHead(otherKey, 5, 1, root);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String[] log : new String[][] {{"/good/", good}, {"/forged/", bad}}) {
            server.createContext(log[0] + "ct/v1/get-sth", ex -> {
                byte[] body = ("{\"tree_size\":1,\"timestamp\":5,\"sha256_root_hash\":\"" + Base64.getEncoder().encodeToString(root)
                        + "\",\"tree_head_signature\":\"" + log[1] + "\"}").getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            server.createContext(log[0] + "ct/v1/get-entries", ex -> {
                byte[] body = ("{\"entries\":[{\"leaf_input\":\"" + leaf + "\",\"extra_data\":\"\"}]}").getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
        }
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String key = Base64.getEncoder().encodeToString(logKey.getPublic().getEncoded());
            String list = "{\"version\":\"3\",\"operators\":[{\"name\":\"Test\",\"logs\":["
                    + "{\"description\":\"good\",\"log_id\":\"Z29vZA==\",\"key\":\"" + key + "\",\"url\":\"" + base + "/good/\",\"state\":{\"usable\":{}}},"
                    + "{\"description\":\"forged\",\"log_id\":\"Zm9yZ2Vk\",\"key\":\"" + key + "\",\"url\":\"" + base + "/forged/\",\"state\":{\"qualified\":{}}},"
                    + "{\"description\":\"retired\",\"log_id\":\"cmV0\",\"key\":\"" + key + "\",\"url\":\"http://127.0.0.1:9/\",\"state\":{\"retired\":{}}}],"
                    + "\"tiled_logs\":[{\"description\":\"tiled\",\"log_id\":\"dA==\",\"key\":\"" + key + "\",\"monitoring_url\":\"http://127.0.0.1:9/\","
                    + "\"state\":{\"usable\":{}}}]}]}";
            Path listFile = dir.resolve("log_list.json");
            Files.writeString(listFile, list);
            Path protect = dir.resolve("p.txt");
            Files.writeString(protect, "spiegel.de\n");
            Path out = dir.resolve("o.tsv"), states = dir.resolve("states");
            assertEquals(Main.OK, Main.run("domains", "match", "--protect", protect.toString(), "--ct-log-list", listFile.toString(),
                    "--ct-state", states.toString(), "--ct-start", "0", "-o", out.toString()));
            List<String> rows = Files.readAllLines(out);
            // the good log's entry only: the forged tree head is refused, the retired and tiled logs are not read
            assertEquals(2, rows.size(), rows.toString());
            assertTrue(rows.get(1).startsWith("spiegel.ltd\tspiegel.de\t"), rows.get(1));
            assertTrue(rows.get(1).contains("log=" + base + "/good/"), rows.get(1));
            try (var files = Files.list(states)) {
                assertEquals(1, files.count());
            }
            // a single log with its key: the forged head is an error naming the log and the reason
            assertEquals(Main.FAILED, Main.run("domains", "match", "--protect", protect.toString(), "--ct-log", base + "/forged/",
                    "--ct-key", key, "--ct-start", "0", "-o", dir.resolve("o2.tsv").toString()));
        } finally {
            server.stop(0);
        }
    }
}
