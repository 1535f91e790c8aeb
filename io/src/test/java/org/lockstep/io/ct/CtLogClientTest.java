package org.lockstep.io.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the client against an RFC 6962 endpoint started in the test (JDK HttpServer on 127.0.0.1)
 * that serves certificates and precertificates generated here with BouncyCastle.
 */
class CtLogClientTest {
    static final long T0 = 1_700_000_000_000L;
    HttpServer server;
    final List<String[]> log = new ArrayList<>(); // leaf_input, extra_data (base64)
    final AtomicInteger failuresToServe = new AtomicInteger();
    final AtomicInteger getEntriesCalls = new AtomicInteger();
    String url;
    KeyPair caKey;

    @BeforeEach
    void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        caKey = g.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/log/ct/v1/get-sth", ex -> {
            if (failuresToServe.getAndUpdate(x -> Math.max(0, x - 1)) > 0) {
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            byte[] b = ("{\"tree_size\":" + log.size() + ",\"timestamp\":" + T0 + ",\"sha256_root_hash\":\"AAAA\",\"tree_head_signature\":\"BBBB\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.createContext("/log/ct/v1/get-entries", ex -> {
            getEntriesCalls.incrementAndGet();
            String q = ex.getRequestURI().getQuery();
            long start = Long.parseLong(q.replaceAll(".*start=(\\d+).*", "$1"));
            long end = Long.parseLong(q.replaceAll(".*end=(\\d+).*", "$1"));
            if (start >= log.size() || end < start) {
                ex.sendResponseHeaders(400, -1);
                ex.close();
                return;
            }
            end = Math.min(end, Math.min(log.size() - 1, start + 2)); // this log pages at 3 entries
            StringBuilder sb = new StringBuilder("{\"entries\":[");
            for (long i = start; i <= end; i++) {
                if (i > start) sb.append(',');
                sb.append("{\"leaf_input\":\"").append(log.get((int) i)[0]).append("\",\"extra_data\":\"").append(log.get((int) i)[1]).append("\"}");
            }
            sb.append("]}");
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/log/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Certificate cert(String cn, String... sans) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("C=US,O=Let's Encrypt,CN=R3"),
                BigInteger.valueOf(log.size() + 1), new Date(T0), new Date(T0 + 86_400_000L * 90), new X500Name("CN=" + cn), caKey.getPublic());
        GeneralName[] names = new GeneralName[sans.length];
        for (int i = 0; i < sans.length; i++) names[i] = new GeneralName(GeneralName.dNSName, sans[i]);
        if (sans.length > 0) b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        X509CertificateHolder h = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate()));
        return h.toASN1Structure();
    }

    private static byte[] header(long ts, int type) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0); // v1
        o.write(0); // timestamped_entry
        for (int i = 7; i >= 0; i--) o.write((int) (ts >>> (8 * i)));
        o.write(type >>> 8);
        o.write(type);
        return o.toByteArray();
    }

    private static void u24(ByteArrayOutputStream o, int n) {
        o.write(n >>> 16);
        o.write(n >>> 8);
        o.write(n);
    }

    void addCert(long ts, String cn, String... sans) throws Exception {
        byte[] der = cert(cn, sans).getEncoded();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(header(ts, 0));
        u24(o, der.length);
        o.writeBytes(der);
        o.write(0);
        o.write(0); // no extensions
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        u24(extra, 0); // empty chain
        log.add(new String[] {Base64.getEncoder().encodeToString(o.toByteArray()), Base64.getEncoder().encodeToString(extra.toByteArray())});
    }

    void addPrecert(long ts, String cn, String... sans) throws Exception {
        Certificate c = cert(cn, sans);
        byte[] tbs = c.getTBSCertificate().getEncoded();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(header(ts, 1));
        o.writeBytes(MessageDigest.getInstance("SHA-256").digest(caKey.getPublic().getEncoded())); // issuer_key_hash
        u24(o, tbs.length);
        o.writeBytes(tbs);
        o.write(0);
        o.write(0);
        log.add(new String[] {Base64.getEncoder().encodeToString(o.toByteArray()), ""});
    }

    void addGarbage() {
        log.add(new String[] {Base64.getEncoder().encodeToString(new byte[] {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1}), ""});
    }

    @Test
    void readsCertificatesAndPrecertificatesWithAllSubjectNames() throws Exception {
        addCert(T0, "spiegel.ltd", "spiegel.ltd", "www.spiegel.ltd");
        addPrecert(T0 + 1000, "mail-en-marche.fr", "mail-en-marche.fr", "onedrive-en-marche.fr");
        addGarbage();
        CtLogClient c = new CtLogClient(CtLogClient.Config.of(url));
        SignedTreeHead sth = c.getSth();
        assertEquals(3, sth.treeSize());
        List<CtEntry> e = c.getEntries(0, 2);
        assertEquals(3, e.size());
        assertEquals(List.of("spiegel.ltd", "www.spiegel.ltd"), e.get(0).names());
        assertFalse(e.get(0).precert());
        assertEquals(T0, e.get(0).timestamp());
        assertTrue(e.get(0).freeCa(), e.get(0).issuer());
        assertNull(e.get(0).problem());
        assertEquals(List.of("mail-en-marche.fr", "onedrive-en-marche.fr"), e.get(1).names());
        assertTrue(e.get(1).precert());
        assertEquals(T0 + 1000, e.get(1).timestamp());
        assertNotNull(e.get(2).problem());
        assertTrue(e.get(2).names().isEmpty());
        assertEquals(2, e.get(2).index());
    }

    @Test
    void followsFromSavedPositionAcrossRestartWithoutGapsOrRepeats(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 11; i++) {
            if (i % 2 == 0) addCert(T0 + i, "site" + i + ".example", "site" + i + ".example");
            else addPrecert(T0 + i, "site" + i + ".example", "site" + i + ".example");
        }
        Path state = dir.resolve("ct.json");
        CtLogClient c = new CtLogClient(CtLogClient.Config.of(url));
        List<Long> seen = new ArrayList<>();
        CtFollower.Config cfg = new CtFollower.Config(state, 0, 4, 5, false, Duration.ofMillis(10));
        CtFollower.Stats s1 = new CtFollower(c, cfg).run(batch -> batch.forEach(e -> seen.add(e.index())));
        assertEquals(5, s1.entries());
        assertTrue(Files.readString(state).contains("\"next\":5"));
        // "restart": a new follower, same state file, no limit; the log grows meanwhile
        addCert(T0 + 11, "site11.example");
        CtFollower.Config cfg2 = new CtFollower.Config(state, 0, 4, Long.MAX_VALUE, false, Duration.ofMillis(10));
        CtFollower.Stats s2 = new CtFollower(c, cfg2).run(batch -> batch.forEach(e -> seen.add(e.index())));
        assertEquals(5, s2.start());
        assertEquals(12, s2.next());
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 12; i++) expected.add(i);
        assertEquals(expected, seen);
    }

    @Test
    void startsAtTheEndOfTheLogWhenNoPositionIsGiven(@TempDir Path dir) throws Exception {
        addCert(T0, "old.example");
        CtLogClient c = new CtLogClient(CtLogClient.Config.of(url));
        List<Long> seen = new ArrayList<>();
        CtFollower.Stats s = new CtFollower(c, new CtFollower.Config(dir.resolve("s.json"), -1, 10, 10, false, Duration.ofMillis(1)))
                .run(b -> b.forEach(e -> seen.add(e.index())));
        assertEquals(0, s.entries());
        assertTrue(seen.isEmpty());
        assertFalse(Files.exists(dir.resolve("s.json"))); // nothing delivered, nothing saved
    }

    @Test
    void retriesTransientServerErrors() throws Exception {
        addCert(T0, "a.example");
        failuresToServe.set(2);
        CtLogClient c = new CtLogClient(CtLogClient.Config.of(url));
        assertEquals(1, c.getSth().treeSize());
    }

    @Test
    void refusesAStateFileOfAnotherLog(@TempDir Path dir) throws Exception {
        addCert(T0, "a.example");
        Path state = dir.resolve("s.json");
        Files.writeString(state, "{\"log\":\"https://other.example/log/\",\"next\":0}");
        CtLogClient c = new CtLogClient(CtLogClient.Config.of(url));
        var ex = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new CtFollower(c, new CtFollower.Config(state, 0, 10, 10, false, Duration.ofMillis(1))).run(b -> {}));
        assertTrue(ex.getMessage().contains("belongs to log"));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateAndCapped() {
        assertEquals(2000, CtLogClient.retryAfterMillis("2", 0));
        long now = java.time.ZonedDateTime.parse("Wed, 21 Oct 2015 07:27:55 GMT",
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        assertEquals(5000, CtLogClient.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT", now));
        assertEquals(0, CtLogClient.retryAfterMillis("soon", now));
        assertEquals(0, CtLogClient.retryAfterMillis(null, now));
        assertEquals(600_000, CtLogClient.retryAfterMillis("99999999", now));
    }

    @Test
    void honoursRetryAfterBeforeTheNextAttempt() throws Exception {
        addCert(T0, "a.example");
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/slow/ct/v1/get-sth", ex -> {
            if (calls.getAndIncrement() == 0) {
                ex.getResponseHeaders().add("Retry-After", "1");
                ex.sendResponseHeaders(429, -1);
                ex.close();
                return;
            }
            byte[] b = "{\"tree_size\":7,\"timestamp\":1}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        CtLogClient c = new CtLogClient(CtLogClient.Config.of(url.replace("/log/", "/slow/")));
        long t0 = System.nanoTime();
        assertEquals(7, c.getSth().treeSize());
        // the client's own first back-off is 250 ms; the server asked for a second
        assertTrue(System.nanoTime() - t0 >= 950_000_000L, "waited " + (System.nanoTime() - t0) / 1e6 + " ms");
        assertEquals(2, calls.get());
    }

    @Test
    void errorsNameTheUrlAndTheCauseNeverNull() throws Exception {
        // a port nobody listens on: the JDK's ConnectException has no message of its own
        java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
        int port = ss.getLocalPort();
        ss.close();
        CtLogClient c = new CtLogClient(new CtLogClient.Config(java.net.URI.create("http://127.0.0.1:" + port + "/log/"),
                Duration.ofSeconds(2), 0, 1 << 20));
        var ex = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, c::getSth);
        assertNotNull(ex.getMessage());
        assertTrue(ex.getMessage().contains("127.0.0.1:" + port) && ex.getMessage().contains("Exception"), ex.getMessage());
    }

    @Test
    void followingSurvivesAnOutageWithBackOffAndResumesAtTheSamePosition(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 4; i++) addCert(T0 + i, "site" + i + ".example");
        failuresToServe.set(3); // get-sth answers 503 three times in a row, beyond the client's retries
        CtLogClient c = new CtLogClient(new CtLogClient.Config(java.net.URI.create(url), Duration.ofSeconds(5), 0, 1 << 20));
        List<String> warnings = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        CtFollower.Config cfg = new CtFollower.Config(dir.resolve("s.json"), 0, 10, 4, true, Duration.ofMillis(5), warnings::add);
        CtFollower.Stats s = new CtFollower(c, cfg).run(b -> b.forEach(e -> seen.add(e.index())));
        assertEquals(4, s.entries());
        assertEquals(List.of(0L, 1L, 2L, 3L), seen);
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("HTTP 503"), warnings.get(0));
        // without --ct-follow the same outage ends the run with the reason
        failuresToServe.set(3);
        var ex = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new CtFollower(c, new CtFollower.Config(null, 0, 10, 4, false, Duration.ofMillis(5))).run(b -> {}));
        assertTrue(ex.getMessage().contains("HTTP 503"), ex.getMessage());
    }

    /**
     * A real recorded tree head of Google's Pilot log (April 2014) and Pilot's public key, both from
     * the test data of certificate-transparency-go (client/logclient_test.go ValidSTHResponse*,
     * signatures_test.go sigTestEC256PublicKey2PEM; commit 56578481, Apache 2.0).
     */
    static final String PILOT_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfahLEimAoz2t01p3uMziiLOl/fHTDM0YDOhBRuiBARsV4UvxG2LdNgoIGLrtCzWE0J5APC2em4JlvR8EEEFMoA==";
    static final String PILOT_STH = "{\"tree_size\":3721782,\"timestamp\":1396609800587,"
            + "\"sha256_root_hash\":\"SxKOxksguvHPyUaKYKXoZHzXl91Q257+JQ0AUMlFfeo=\","
            + "\"tree_head_signature\":\"BAMARjBEAiBUYO2tODlUUw4oWGiVPUHqZadRRyXs9T2rSXchA79VsQIgLASkQv3cu4XdPFCZbgFkIUefniNPCpO3LzzHX53l+wg=\"}";

    @Test
    void verifiesARealRecordedTreeHeadAndRejectsATamperedOne() throws Exception {
        java.security.PublicKey pilot = SignedTreeHead.publicKey(PILOT_KEY);
        for (String[] ctx : new String[][] {{"/pilot/", PILOT_STH}, {"/tampered/", PILOT_STH.replace("3721782", "3721783")}}) {
            server.createContext(ctx[0] + "ct/v1/get-sth", ex -> {
                byte[] b = ctx[1].getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
                ex.close();
            });
        }
        CtLogClient ok = new CtLogClient(CtLogClient.Config.of(url.replace("/log/", "/pilot/")).withKey(pilot));
        assertEquals(3721782, ok.getSth().treeSize());
        CtLogClient bad = new CtLogClient(CtLogClient.Config.of(url.replace("/log/", "/tampered/")).withKey(pilot));
        var ex = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, bad::getSth);
        assertTrue(ex.getMessage().contains("does not verify"), ex.getMessage());
        // another key (an EC key of this test) rejects the genuine head too
        var sth = new SignedTreeHead(3721782, 1396609800587L, "SxKOxksguvHPyUaKYKXoZHzXl91Q257+JQ0AUMlFfeo=",
                "BAMARjBEAiBUYO2tODlUUw4oWGiVPUHqZadRRyXs9T2rSXchA79VsQIgLASkQv3cu4XdPFCZbgFkIUefniNPCpO3LzzHX53l+wg=");
        assertNull(sth.verify(pilot));
        assertNotNull(sth.verify(caKey.getPublic()));
        assertEquals("root hash has 3 bytes, not 32", new SignedTreeHead(1, 1, "AAAA", "BAMAAA==").verify(pilot));
    }
}
