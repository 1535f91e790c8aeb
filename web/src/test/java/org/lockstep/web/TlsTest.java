package org.lockstep.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lockstep serve --keystore}: a self-signed certificate made at test time with the JDK's keytool,
 * the workbench serving HTTPS with it and nothing else on its port. A client that trusts that certificate
 * (and only it) gets /healthz, logs in and receives a session cookie marked Secure; plain HTTP to the port
 * gets no answer; a client that does not trust the certificate is refused; a wrong password or a keystore
 * without a key stops the start with a plain message.
 */
class TlsTest {
    static final String PW = "correct horse battery";
    static final String STORE_PW = "keystore secret 42";

    /** keytool in a process of its own; the passwords through the environment (keytool's :env form), never argv. */
    static void keytool(Path dir, String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("LOCKSTEP_TEST_STOREPASS", STORE_PW);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "keytool finishes");
        assertEquals(0, p.exitValue(), "keytool " + String.join(" ", args) + ": " + out);
    }

    /** A PKCS12 keystore with a new EC key and a self-signed certificate for 127.0.0.1 and localhost; returns the certificate. */
    static Certificate selfSigned(Path dir, Path store) throws Exception {
        keytool(dir, "-genkeypair", "-alias", "lockstep", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass:env", "LOCKSTEP_TEST_STOREPASS");
        Path cer = dir.resolve("lockstep.cer");
        keytool(dir, "-exportcert", "-alias", "lockstep", "-keystore", store.toString(), "-storepass:env", "LOCKSTEP_TEST_STOREPASS",
                "-file", cer.toString());
        try (InputStream in = Files.newInputStream(cer)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** An HTTP client that trusts this certificate and no other. */
    static HttpClient trusting(Certificate cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("lockstep", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void servesHttpsOnlyWithTheKeystoreAndMarksTheCookieSecure(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Certificate cert = selfSigned(dir, store);
        Path db = Fixture.build(dir);
        try (Workbench w = Workbench.start(new Workbench.Options(db, "127.0.0.1", 0, false, store, STORE_PW.toCharArray()))) {
            w.users().add("ana", Role.ANALYST, PW.toCharArray(), "test");
            HttpClient https = trusting(cert);
            String base = "https://127.0.0.1:" + w.port();
            HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("ok", health.body());
            assertEquals("max-age=31536000", health.headers().firstValue("Strict-Transport-Security").orElse(""), "HSTS when TLS is ours");

            HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"ana\",\"password\":" + Json.str(PW) + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.startsWith(Auth.COOKIE + "="), cookie);
            List<String> attributes = List.of(cookie.split(";\\s*"));
            assertTrue(attributes.contains("Secure"), "the session cookie is marked Secure: " + cookie);
            assertTrue(attributes.contains("HttpOnly") && attributes.contains("SameSite=Strict"), cookie);
            HttpResponse<String> session = https.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, session.statusCode(), "the session works over https");
            assertEquals("ana", Json.MAPPER.readTree(session.body()).get("user").asText());

            // plain HTTP on the TLS port: no HTTP answer; and no other listener was opened
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest overHttp = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + w.port() + "/healthz")).timeout(Duration.ofSeconds(20)).build();
            // (Jetty answers with a TLS alert, which the client cannot read as an HTTP status line)
            assertThrows(IOException.class, () -> plain.send(overHttp, HttpResponse.BodyHandlers.ofString()),
                    "plain HTTP must get no HTTP answer on the TLS port");

            // a client that does not trust the self-signed certificate is refused in the handshake
            assertThrows(SSLHandshakeException.class, () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void aWrongPasswordOrAKeystoreWithoutAKeyIsSaidPlainly(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Certificate cert = selfSigned(dir, store);
        Path db = Fixture.build(dir);
        Workbench.KeystoreException e = assertThrows(Workbench.KeystoreException.class,
                () -> Workbench.start(new Workbench.Options(db, "127.0.0.1", 0, false, store, "wrong".toCharArray())));
        assertTrue(e.getMessage().contains("cannot read the keystore"), e.getMessage());
        // a keystore holding only a certificate (a truststore) cannot serve
        Path certOnly = dir.resolve("cert-only.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("lockstep", cert);
        try (var out = Files.newOutputStream(certOnly)) {
            ks.store(out, STORE_PW.toCharArray());
        }
        e = assertThrows(Workbench.KeystoreException.class,
                () -> Workbench.start(new Workbench.Options(db, "127.0.0.1", 0, false, certOnly, STORE_PW.toCharArray())));
        assertTrue(e.getMessage().contains("holds no private key"), e.getMessage());
        e = assertThrows(Workbench.KeystoreException.class,
                () -> Workbench.start(new Workbench.Options(db, "127.0.0.1", 0, false, dir.resolve("absent.p12"), STORE_PW.toCharArray())));
        assertTrue(e.getMessage().contains("no keystore at"), e.getMessage());
        // the case was released each time: it opens again
        try (Workbench w = Workbench.start(new Workbench.Options(db, "127.0.0.1", 0))) {
            assertTrue(w.port() > 0);
        }
    }
}
