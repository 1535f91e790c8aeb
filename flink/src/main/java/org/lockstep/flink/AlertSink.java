package org.lockstep.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.lockstep.flink.Events.AlertLine;

/**
 * Appends each alert to {@code alerts.jsonl} (one JSON object per line, flushed at once), prints a line per
 * alert when asked, and POSTs it to a webhook when one is given. Idempotent: the ids already in the file
 * are read when the writer starts, and an alert whose id is there is not written again — so the alerts a
 * restart from a checkpoint re-emits (same input, same state, same ids) leave no duplicate. Run it with
 * parallelism 1 (one file).
 */
final class AlertSink implements Sink<AlertLine> {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final boolean print;
    private final String webhook;

    AlertSink(Path file, boolean print, String webhook) {
        this.file = file.toString();
        this.print = print;
        this.webhook = webhook;
    }

    @Override
    public SinkWriter<AlertLine> createWriter(WriterInitContext context) throws IOException {
        return new Writer(Path.of(file), print, webhook);
    }

    static final class Writer implements SinkWriter<AlertLine>, Serializable {
        private static final long serialVersionUID = 1L;
        private final transient BufferedWriter out;
        private final Set<String> written = new HashSet<>();
        private final boolean print;
        private final String webhook;
        private transient HttpClient http;
        private int webhookFailures;

        Writer(Path file, boolean print, String webhook) throws IOException {
            this.print = print;
            this.webhook = webhook;
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (l.isBlank()) continue;
                    try {
                        written.add(AlertJson.MAPPER.readTree(l).path("id").asText());
                    } catch (IOException e) {
                        // a line cut short by a crash: its alert will be written again
                    }
                }
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        @Override
        public void write(AlertLine a, Context context) throws IOException {
            if (!written.add(a.id)) return;
            out.write(a.json);
            out.write('\n');
            out.flush();
            if (print) System.out.println(summary(a));
            if (webhook != null) post(a);
        }

        static String summary(AlertLine a) throws IOException {
            JsonNode n = AlertJson.MAPPER.readTree(a.json);
            String what = n.has("entity") ? n.path("entity").asText() : n.path("accounts").size() + " accounts ("
                    + n.path("evidence").path("change").asText() + ")";
            return "ALERT " + n.path("event_time").asText() + "  " + a.type + "  " + what + "  [" + a.id + "]";
        }

        private void post(AlertLine a) {
            if (webhookFailures >= 3) return;
            try {
                if (http == null) http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(webhook)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(a.json)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() >= 300) {
                    webhookFailures++;
                    System.err.println("lockstep stream: webhook answered HTTP " + r.statusCode() + " for alert " + a.id);
                } else {
                    webhookFailures = 0;
                }
            } catch (IOException e) {
                webhookFailures++;
                System.err.println("lockstep stream: webhook failed for alert " + a.id + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Appends plain lines (problems, late records) to a file and to standard error. */
    static final class Lines implements Sink<String> {
        private static final long serialVersionUID = 1L;
        private final String file;

        Lines(Path file) {
            this.file = file.toString();
        }

        @Override
        public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
            Path f = Path.of(file);
            if (f.getParent() != null) Files.createDirectories(f.getParent());
            BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new SinkWriter<>() {
                @Override
                public void write(String s, Context c) throws IOException {
                    w.write(s);
                    w.write('\n');
                    w.flush();
                    System.err.println("lockstep stream: " + s);
                }

                @Override
                public void flush(boolean end) throws IOException {
                    w.flush();
                }

                @Override
                public void close() throws IOException {
                    w.close();
                }
            };
        }
    }
}
