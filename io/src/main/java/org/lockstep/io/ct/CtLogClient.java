package org.lockstep.io.ct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Client for the RFC 6962 §4 log API: {@code get-sth} and {@code get-entries}. Retries transient
 * failures (HTTP 429 and 5xx, I/O errors) with exponential back-off, waiting at least as long as a
 * {@code Retry-After} header asks (seconds or an HTTP date, RFC 9110 §10.2.3; at most 10 minutes).
 * Every error names the URL and the cause (never a bare exception without a message). A log may
 * return fewer entries than asked for; callers page on the count actually returned.
 */
public final class CtLogClient {
    /**
     * Settings.
     *
     * @param log        the log's base URL (the part before {@code ct/v1/})
     * @param timeout    per request
     * @param maxRetries retries of one request before giving up
     * @param maxBody    largest response body read, bytes
     * @param logKey     the log's public key: every tree head is verified with it; null: not verified
     */
    public record Config(URI log, Duration timeout, int maxRetries, long maxBody, java.security.PublicKey logKey) {
        public Config {
            java.util.Objects.requireNonNull(log, "log");
            if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
            if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be ≥ 0: " + maxRetries);
            if (maxBody <= 0) throw new IllegalArgumentException("maxBody must be positive: " + maxBody);
        }

        public Config(URI log, Duration timeout, int maxRetries, long maxBody) {
            this(log, timeout, maxRetries, maxBody, null);
        }

        public static Config of(String url) {
            String u = url.endsWith("/") ? url : url + "/";
            return new Config(URI.create(u), Duration.ofSeconds(30), 5, 64L << 20, null);
        }

        /** The same with the log's public key, so that tree heads are verified. */
        public Config withKey(java.security.PublicKey key) {
            return new Config(log, timeout, maxRetries, maxBody, key);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Config config;
    private final HttpClient http;

    public CtLogClient(Config config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public URI log() {
        return config.log();
    }

    /** The current signed tree head. */
    public SignedTreeHead getSth() throws IOException, InterruptedException {
        JsonNode n = get("ct/v1/get-sth");
        if (!n.path("tree_size").canConvertToLong()) throw new IOException("get-sth: no tree_size in answer");
        SignedTreeHead sth = new SignedTreeHead(n.path("tree_size").asLong(), n.path("timestamp").asLong(),
                n.path("sha256_root_hash").asText(""), n.path("tree_head_signature").asText(""));
        if (config.logKey() != null) {
            String problem = sth.verify(config.logKey());
            if (problem != null) {
                throw new IOException(config.log() + ": tree head of size " + sth.treeSize() + " rejected: " + problem);
            }
        }
        return sth;
    }

    /** Entries {@code start..end} inclusive, parsed; possibly fewer than asked for, never more. */
    public List<CtEntry> getEntries(long start, long end) throws IOException, InterruptedException {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad range " + start + ".." + end);
        JsonNode n = get("ct/v1/get-entries?start=" + start + "&end=" + end);
        JsonNode entries = n.path("entries");
        if (!entries.isArray()) throw new IOException("get-entries: no entries array in answer");
        int max = (int) Math.min(entries.size(), end - start + 1);
        List<CtEntry> out = new ArrayList<>(max);
        Base64.Decoder b64 = Base64.getDecoder();
        for (int i = 0; i < max; i++) {
            long index = start + i;
            String leaf = entries.get(i).path("leaf_input").asText(null);
            if (leaf == null) {
                out.add(new CtEntry(index, 0, false, List.of(), "", "entry without leaf_input"));
                continue;
            }
            byte[] bytes;
            try {
                bytes = b64.decode(leaf);
            } catch (IllegalArgumentException e) {
                out.add(new CtEntry(index, 0, false, List.of(), "", "leaf_input is not base64"));
                continue;
            }
            out.add(CtParser.parse(index, bytes));
        }
        return out;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        URI uri = config.log().resolve(path);
        IOException last = null;
        long wait = 250, asked = 0;
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(Math.max(wait, asked));
                wait = Math.min(wait * 2, 30_000);
                asked = 0;
            }
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(config.timeout()).header("Accept", "application/json").GET().build();
            try {
                HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = resp.body()) {
                    int code = resp.statusCode();
                    if (code == 200) {
                        byte[] data = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBody() + 1));
                        if (data.length > config.maxBody()) throw new IOException(uri + ": answer larger than " + config.maxBody() + " bytes");
                        return JSON.readTree(data);
                    }
                    last = new IOException(uri + ": HTTP " + code);
                    if (code != 429 && code < 500) throw last;
                    asked = retryAfterMillis(resp.headers().firstValue("Retry-After").orElse(null), System.currentTimeMillis());
                }
            } catch (IOException e) {
                if (e == last && !retryable(e)) throw e;
                last = e.getMessage() != null && e.getMessage().startsWith(uri.toString()) ? e : described(uri, e);
            }
        }
        throw new IOException(last.getMessage() + " (gave up after " + (config.maxRetries() + 1) + " attempts)", last);
    }

    /** An exception whose message says where and what, whatever the JDK put in it (often null). */
    static IOException described(URI uri, Exception e) {
        String m = e.getMessage();
        String what = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        return new IOException(uri + ": " + what, e);
    }

    /**
     * Milliseconds a {@code Retry-After} value asks to wait: delay-seconds or an HTTP date; 0 when
     * absent or unreadable; at most 10 minutes, so a broken header cannot stall a follower for days.
     */
    static long retryAfterMillis(String value, long nowMillis) {
        if (value == null || value.isBlank()) return 0;
        String v = value.strip();
        long ms;
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                ms = Long.parseLong(v) * 1000;
            } catch (NumberFormatException e) {
                ms = Long.MAX_VALUE;
            }
        } else {
            try {
                ms = java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli() - nowMillis;
            } catch (java.time.format.DateTimeParseException e) {
                return 0;
            }
        }
        return Math.max(0, Math.min(ms, 600_000));
    }

    private static boolean retryable(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.endsWith("HTTP 429") || m.matches(".*HTTP 5\\d\\d$");
    }
}
