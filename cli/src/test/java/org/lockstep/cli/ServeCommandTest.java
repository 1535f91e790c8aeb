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
            Pattern listening = Pattern.compile("lockstep serve: http://127\\.0\\.0\\.1:(\\d+)/");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while (port < 0 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                lines.add(line);
                Matcher m = listening.matcher(line);
                if (m.find()) port = Integer.parseInt(m.group(1));
            }
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
}
