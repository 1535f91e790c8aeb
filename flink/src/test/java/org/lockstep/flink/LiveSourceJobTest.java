package org.lockstep.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.Post;
import org.lockstep.flink.Events.PostEnvelope;
import org.lockstep.io.live.LiveSource;
import org.lockstep.io.read.JsonRecords;

/**
 * The job reading a live Bluesky Jetstream (a local WebSocket server replaying recorded events in the
 * documented format): every post of the recording reaches the evaluator, non-post events are skipped.
 */
class LiveSourceJobTest {
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


    @Test
    void jetstreamIntoTheJob() throws Exception {
        List<String> events = Files.readAllLines(Path.of("../io/src/test/resources/fixtures/bluesky/jetstream.jsonl"));
        int posts = 0;
        for (String e : events) {
            try {
                posts += JsonRecords.parse(e).size();
            } catch (RuntimeException notAPost) {
                // skipped by the source too
            }
        }
        Path dir = StreamTestData.dir("live");
        try (Server server = new Server((path, f) -> {
            try {
                for (String e : events) f.text(e);
                f.hold();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            var src = env.fromSource(new LiveFlinkSource(LiveSource.Kind.JETSTREAM,
                    server.uri("/subscribe?wantedCollections=app.bsky.feed.post").toString(), posts),
                    WatermarkStrategy.noWatermarks(), "jetstream").returns(TypeInformation.of(PostEnvelope.class));
            StreamJob.build(env, src, Settings.defaults(), dir, new StreamDisorderTest.NetworkFinisher(dir.toString()));
            env.execute("live");
        }
        assertEquals(0, Files.readAllLines(dir.resolve("problems.txt")).size());
        assertEquals(String.valueOf(posts), Files.readString(dir.resolve("posts.count")));
    }
}
