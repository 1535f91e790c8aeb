package org.lockstep.io.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.Post;
import org.lockstep.io.read.JsonRecords;

/**
 * The live clients against a local WebSocket server (RFC 6455, written here: handshake and text frames)
 * that replays recorded events from the documented formats (the readers' fixtures), drops the connection
 * part-way, and checks what the client asks for when it comes back.
 */
class LiveSourceTest {

    /** A one-thread WebSocket server; each connection gets its request path and a frame writer. */
    static final class Server implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0);
        final List<String> paths = Collections.synchronizedList(new ArrayList<>());
        final Thread thread;

        Server(BiConsumer<String, Frames> script) throws IOException {
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                        String request = in.readLine();
                        String key = null;
                        for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                            if (l.toLowerCase().startsWith("sec-websocket-key:")) key = l.substring(18).trim();
                        }
                        String path = request.split(" ")[1];
                        paths.add(path);
                        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        script.accept(path, new Frames(out, s.getInputStream()));
                    } catch (Exception e) {
                        // connection dropped (on purpose, or by the client closing): next one
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        URI uri(String path) {
            return URI.create("ws://127.0.0.1:" + server.getLocalPort() + path);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** Writes unmasked text frames (server to client). */
    record Frames(OutputStream out, InputStream in) {
        void text(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write(0x81);
            if (b.length < 126) {
                out.write(b.length);
            } else if (b.length < 65536) {
                out.write(126);
                out.write(b.length >>> 8);
                out.write(b.length & 0xff);
            } else {
                out.write(127);
                for (int k = 7; k >= 0; k--) out.write((int) ((long) b.length >>> (8 * k)) & 0xff);
            }
            out.write(b);
            out.flush();
        }

        /** Keeps the connection open until the client goes away. */
        void hold() throws IOException {
            while (in.read() >= 0) { /* discard client frames */ }
        }
    }

    static List<String> fixture(String name) throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/fixtures", name), StandardCharsets.UTF_8);
    }

    static List<String> postIds(List<String> events) {
        List<String> ids = new ArrayList<>();
        for (String e : events) {
            try {
                for (Post p : JsonRecords.parse(e)) ids.add(p.id());
            } catch (RuntimeException notAPost) {
                // skipped by the client too
            }
        }
        return ids;
    }

    static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < until) Thread.sleep(20);
    }

    @Test
    void jetstreamReconnectsWithBackoffAndResumesFromItsCursor() throws Exception {
        List<String> events = fixture("bluesky/jetstream.jsonl");
        List<String> expected = postIds(events);
        assertTrue(expected.size() >= 4, "fixture posts: " + expected);
        int cut = 4;
        long cursorAtCut = -1;
        for (String e : events.subList(0, cut)) {
            if (!postIds(List.of(e)).isEmpty()) cursorAtCut = Math.max(cursorAtCut, Long.parseLong(e.replaceAll(".*\"time_us\":(\\d+).*", "$1")));
        }
        final long resumeAt = cursorAtCut;
        try (Server server = new Server((path, f) -> {
            try {
                if (!path.contains("cursor=")) { // first connection: part of the stream, then a dropped connection
                    for (String e : events.subList(0, cut)) f.text(e);
                    return; // socket closed without a close frame
                }
                long cursor = Long.parseLong(path.replaceAll(".*cursor=(\\d+).*", "$1"));
                for (String e : events) { // Jetstream replays from the cursor, the cursor's own events included
                    String t = e.replaceAll(".*\"time_us\":(\\d+).*", "$1");
                    if (!t.matches("\\d+") || Long.parseLong(t) >= cursor) f.text(e);
                }
                f.hold();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            List<String> got = Collections.synchronizedList(new ArrayList<>());
            try (LiveSource src = new LiveSource(LiveSource.Kind.JETSTREAM,
                    server.uri("/subscribe?wantedCollections=app.bsky.feed.post&wantedCollections=app.bsky.feed.repost"),
                    p -> got.add(p.id()), 50, 400, 1_000)) {
                src.start(-1);
                await(() -> got.size() >= expected.size());
                Thread.sleep(200); // anything delivered twice would arrive now
                assertEquals(expected, got, "every post once, in order; requests " + server.paths + ", connections "
                        + src.connections());
                assertTrue(src.connections() >= 2);
                assertFalse(server.paths.get(0).contains("cursor="));
                assertTrue(server.paths.get(1).contains("cursor=" + resumeAt), server.paths.toString());
                assertTrue(server.paths.get(1).startsWith("/subscribe?wantedCollections=app.bsky.feed.post"), server.paths.toString());
                assertTrue(src.skipped() > 0 || expected.size() == events.size(), "non-post events are skipped");
            }
        }
    }

    @Test
    void mastodonReconnectsAndDropsRepeats() throws Exception {
        List<String> recorded = fixture("mastodon/streaming.jsonl");
        // three statuses: the recorded one and two more with other ids, then the recorded non-post events
        List<String> events = new ArrayList<>();
        events.add(recorded.get(0));
        events.add(recorded.get(0).replace("111400000000000001", "111400000000000002"));
        events.add(recorded.get(0).replace("111400000000000001", "111400000000000003"));
        events.addAll(recorded.subList(1, recorded.size()));
        List<String> expected = postIds(events);
        assertTrue(expected.size() >= 2, "fixture posts: " + expected);
        int[] conn = {0};
        try (Server server = new Server((path, f) -> {
            try {
                if (conn[0]++ == 0) {
                    f.text(events.get(0));
                    f.text(events.get(1));
                    return; // dropped
                }
                for (String e : events.subList(1, events.size())) f.text(e); // the last one before the drop again
                f.hold();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            List<String> got = Collections.synchronizedList(new ArrayList<>());
            try (LiveSource src = new LiveSource(LiveSource.Kind.MASTODON, server.uri("/api/v1/streaming?stream=public"),
                    p -> got.add(p.id()), 50, 400, 1_000)) {
                src.start(-1);
                await(() -> got.size() >= expected.size());
                Thread.sleep(200);
                assertEquals(expected, got, "requests " + server.paths + ", skipped " + src.skipped());
                assertEquals("/api/v1/streaming?stream=public", server.paths.get(1), "no cursor in Mastodon streaming");
            }
        }
    }

    @Test
    void backoffDoublesUpToItsMaximumWhileTheServerIsDown() throws Exception {
        ServerSocket s = new ServerSocket(0);
        int port = s.getLocalPort();
        s.close(); // nothing listens there
        try (LiveSource src = new LiveSource(LiveSource.Kind.JETSTREAM, URI.create("ws://127.0.0.1:" + port + "/subscribe"),
                p -> {}, 100, 400)) {
            long t0 = System.currentTimeMillis();
            src.start(-1);
            Thread.sleep(1_600);
            // attempts at about 0, 100, 300, 700, 1100, 1500 ms: 5–6 in 1.6 s (12+ without backoff growth at 100 ms)
            int n = src.connections();
            assertTrue(n >= 4 && n <= 7, "attempts in " + (System.currentTimeMillis() - t0) + " ms: " + n);
        }
    }
}
