package org.lockstep.io.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Post;
import org.lockstep.io.read.JsonRecords;

/**
 * A live platform source over a public WebSocket: Bluesky Jetstream
 * ({@code wss://jetstream2.us-east.bsky.network/subscribe?wantedCollections=app.bsky.feed.post}) or Mastodon
 * streaming ({@code wss://HOST/api/v1/streaming?stream=public}, or {@code stream=hashtag&tag=T}). Each
 * message is mapped to posts by the same readers as files ({@link JsonRecords}); events that are no post
 * (Jetstream identity events, deletes, likes; Mastodon deletes, notifications) are counted and skipped.
 *
 * <p>When the connection drops or fails, it reconnects after an exponential backoff (initial delay, doubled
 * up to a maximum, reset after a message arrives). A connection silent (no message, no ping) for longer
 * than the idle timeout is taken for dead — a peer gone without a close often leaves no other trace — and
 * replaced the same way. Jetstream resumes from its cursor: the reconnect URL
 * carries {@code cursor=} the last {@code time_us} seen, so no event is lost; events Jetstream replays at
 * that same microsecond are recognised by their post id and not delivered twice. Mastodon's streaming API
 * has no cursor: posts published while disconnected are not recovered (the REST timeline would be needed),
 * and repeats after a reconnect are dropped by id.
 */
public final class LiveSource implements AutoCloseable {
    /** Which platform protocol. */
    public enum Kind { JETSTREAM, MASTODON }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Kind kind;
    private final URI base;
    private final Consumer<Post> sink;
    private final long initialBackoffMs, maxBackoffMs, idleTimeoutMs;
    /** The current connection's number: callbacks of an older connection do not reconnect again. */
    private final AtomicInteger generation = new AtomicInteger();
    private volatile long lastActivity;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lockstep-live");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;
    private volatile WebSocket socket;
    private long backoffMs;
    /** Jetstream: the last time_us delivered, and the post ids delivered at that microsecond. */
    private volatile long cursor = -1;
    private final Set<String> atCursor = new HashSet<>();
    /** Mastodon: ids delivered recently (a reconnect may repeat the last few). */
    private final java.util.LinkedHashSet<String> recent = new java.util.LinkedHashSet<>();
    private volatile long skipped, delivered;

    /**
     * @param base the subscription URL (query included)
     * @param initialBackoffMs first reconnect delay; doubled after each failed attempt up to {@code maxBackoffMs}
     */
    public LiveSource(Kind kind, URI base, Consumer<Post> sink, long initialBackoffMs, long maxBackoffMs) {
        this(kind, base, sink, initialBackoffMs, maxBackoffMs, 90_000);
    }

    /** @param idleTimeoutMs a connection with no message or ping for this long is replaced */
    public LiveSource(Kind kind, URI base, Consumer<Post> sink, long initialBackoffMs, long maxBackoffMs, long idleTimeoutMs) {
        this.idleTimeoutMs = idleTimeoutMs;
        this.kind = kind;
        this.base = base;
        this.sink = sink;
        this.initialBackoffMs = initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.backoffMs = initialBackoffMs;
    }

    /** Starts from {@code cursor} (Jetstream time_us; -1 = now). */
    public void start(long startCursor) {
        cursor = startCursor;
        long every = Math.max(10, idleTimeoutMs / 4);
        timer.scheduleWithFixedDelay(this::watchdog, every, every, TimeUnit.MILLISECONDS);
        connect();
    }

    private void watchdog() {
        WebSocket ws = socket;
        if (closed || ws == null || System.currentTimeMillis() - lastActivity <= idleTimeoutMs) return;
        socket = null;
        reconnect(generation.get());
        ws.abort();
    }

    public long cursor() {
        return cursor;
    }

    public int connections() {
        return connections.get();
    }

    public long delivered() {
        return delivered;
    }

    /** Messages that were no post (or not parseable), skipped. */
    public long skipped() {
        return skipped;
    }

    /** The URL of the next connection: Jetstream's carries the cursor. */
    URI url() {
        if (kind != Kind.JETSTREAM || cursor < 0) return base;
        String u = base.toString().replaceAll("([?&])cursor=[0-9]*&?", "$1");
        if (u.endsWith("&") || u.endsWith("?")) u = u.substring(0, u.length() - 1);
        return URI.create(u + (u.contains("?") ? "&" : "?") + "cursor=" + cursor);
    }

    private void connect() {
        if (closed) return;
        connections.incrementAndGet();
        int gen = generation.incrementAndGet();
        lastActivity = System.currentTimeMillis();
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(url(), new Listener(gen))
                .whenComplete((ws, err) -> {
                    if (err != null) reconnect(gen);
                    else if (gen == generation.get()) socket = ws;
                    else ws.abort();
                });
    }

    /** Schedules the next connection, once per connection that ended. */
    private synchronized void reconnect(int gen) {
        if (closed || gen != generation.get()) return;
        generation.incrementAndGet();
        long d = backoffMs;
        backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
        timer.schedule(this::connect, d, TimeUnit.MILLISECONDS);
    }

    private synchronized void onMessage(String text) {
        backoffMs = initialBackoffMs;
        lastActivity = System.currentTimeMillis();
        try {
            long timeUs = -1;
            if (kind == Kind.JETSTREAM) {
                JsonNode n = MAPPER.readTree(text);
                timeUs = n.path("time_us").asLong(-1);
                if (timeUs >= 0 && timeUs < cursor) return; // replayed from before the cursor
            }
            List<Post> posts = JsonRecords.parse(text);
            for (Post p : posts) {
                if (kind == Kind.JETSTREAM) {
                    if (timeUs == cursor && !atCursor.add(p.id())) continue;
                    if (timeUs > cursor) {
                        cursor = timeUs;
                        atCursor.clear();
                        atCursor.add(p.id());
                    }
                } else {
                    if (!recent.add(p.id())) continue;
                    if (recent.size() > 10_000) recent.remove(recent.iterator().next());
                }
                delivered++;
                sink.accept(p);
            }
            if (posts.isEmpty() && timeUs > cursor) cursor = timeUs;
        } catch (InvalidPostException | com.fasterxml.jackson.core.JsonProcessingException e) {
            skipped++;
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final int gen;

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, java.nio.ByteBuffer message) {
            lastActivity = System.currentTimeMillis();
            return WebSocket.Listener.super.onPing(ws, message);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String msg = partial.toString();
                partial.setLength(0);
                onMessage(msg);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            return onText(ws, new String(b, StandardCharsets.UTF_8), last);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            reconnect(gen);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            reconnect(gen);
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) ws.abort();
        timer.shutdownNow();
    }
}
