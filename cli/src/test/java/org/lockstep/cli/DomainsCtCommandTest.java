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
    @Test
    void followsALogAndResumesFromTheSavedPosition(@TempDir Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair ca = g.generateKeyPair();
        List<String> leaves = new ArrayList<>();
        String[][] names = {{"spiegel.ltd", "www.spiegel.ltd"}, {"example.org"}, {"spiegel.de"}, {"sp1egel.de"}, {"news.example.net"}};
        long now = System.currentTimeMillis();
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
}
