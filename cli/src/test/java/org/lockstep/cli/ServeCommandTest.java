package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lockstep serve} as a user starts it: a JVM of its own on a case made by {@code ingest}, any free
 * port; it says where it listens and that the case has no users yet, answers on that address (health,
 * the page, the API refusing a caller who has not signed in), stops on SIGTERM (what Ctrl-C and service
 * managers send) and releases the case, which another command can then open.
 */
class ServeCommandTest {
    @Test
    void servesACaseOnAFreePortAndReleasesItOnSigterm(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("case.duckdb");
        DetectCommandTest.Run ingest = DetectCommandTest.run("ingest", "--db", db.toString(), DetectCommandTest.smallCsv(dir).toString());
        assertEquals(Main.OK, ingest.code, ingest.err);

        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--db", db.toString(), "--port", "0").redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        int port = -1;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            port = awaitListening(out, Pattern.compile("lockstep serve: http://127\\.0\\.0\\.1:(\\d+)/"), lines);
            assertTrue(port > 0, "it says where it listens: " + lines);
            assertTrue(String.join("\n", lines).contains("the case has no users yet; add one with: lockstep users add"), lines.toString());
            // the rest of its output is drained so that the server never blocks on a full pipe
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("ok", health.body());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertNotNull(page.headers().firstValue("Content-Security-Policy").orElse(null), "the page is served with its security headers");
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/case")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, api.statusCode(), "the API needs a signed-in user: " + api.body());
        } finally {
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
        // the case is released: another command opens it for writing
        DetectCommandTest.Run again = DetectCommandTest.run("ingest", "--db", db.toString(), DetectCommandTest.smallCsv(dir).toString());
        assertEquals(Main.OK, again.code, again.err);
    }

    /** A PKCS12 keystore with a self-signed certificate for 127.0.0.1 (keytool, password through the environment); returns the certificate. */
    static java.security.cert.Certificate keystore(Path dir, Path store, String password) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path cer = dir.resolve("server.cer");
        for (List<String> args : List.of(
                List.of(keytool, "-genkeypair", "-alias", "lockstep", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                        "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass:env", "STOREPASS"),
                List.of(keytool, "-exportcert", "-alias", "lockstep", "-keystore", store.toString(), "-storepass:env", "STOREPASS", "-file", cer.toString()))) {
            ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
            pb.environment().put("STOREPASS", password);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(cer)) {
            return java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void servesHttpsWithAKeystoreWhosePasswordComesFromTheEnvironmentOrAFile(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("case.duckdb");
        DetectCommandTest.Run ingest = DetectCommandTest.run("ingest", "--db", db.toString(), DetectCommandTest.smallCsv(dir).toString());
        assertEquals(Main.OK, ingest.code, ingest.err);
        String password = "store pass 7";
        Path store = dir.resolve("server.p12");
        java.security.cert.Certificate cert = keystore(dir, store, password);

        // no password given: said, and nothing served (the password is never a command-line value)
        DetectCommandTest.Run none = DetectCommandTest.run("serve", "--db", db.toString(), "--port", "0", "--keystore", store.toString());
        assertEquals(Main.USAGE, none.code, none.err);
        assertTrue(none.err.contains(ServeCommand.PASSWORD_ENV) && none.err.contains("--keystore-password-file"), none.err);
        // a wrong password from a file: said plainly
        Path wrong = dir.resolve("wrong.txt");
        java.nio.file.Files.writeString(wrong, "not it\n");
        DetectCommandTest.Run bad = DetectCommandTest.run("serve", "--db", db.toString(), "--port", "0", "--keystore", store.toString(),
                "--keystore-password-file", wrong.toString());
        assertEquals(Main.FAILED, bad.code, bad.err);
        assertTrue(bad.err.contains("cannot read the keystore"), bad.err);

        // the right password in the environment: https on the port it names
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--db", db.toString(), "--port", "0", "--keystore", store.toString()).redirectErrorStream(true);
        pb.environment().put(ServeCommand.PASSWORD_ENV, password);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int port = awaitListening(out, Pattern.compile("lockstep serve: https://127\\.0\\.0\\.1:(\\d+)/"), lines);
            assertTrue(port > 0, "it says it listens on https: " + lines);
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("lockstep", cert);
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("ok", health.body());
            assertTrue(p.info().arguments().map(a -> !String.join(" ", a).contains(password)).orElse(true), "the password is not in the process's arguments");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
    }

    /**
     * Reads the server's output until it says where it listens ({@code listening}'s group 1 is the port), at most 90
     * s; every line read is added to {@code lines}. −1 when it never says so.
     */
    static int awaitListening(BufferedReader out, Pattern listening, List<String> lines) throws java.io.IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            lines.add(line);
            Matcher m = listening.matcher(line);
            if (m.find()) return Integer.parseInt(m.group(1));
        }
        return -1;
    }
}
