package org.lockstep.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.lockstep.core.model.Post;
import org.lockstep.core.stream.PostCodec;
import org.lockstep.flink.Events.PostEnvelope;
import org.lockstep.io.live.LiveSource;

/**
 * A live platform stream (Bluesky Jetstream, Mastodon streaming; {@link LiveSource}) as a Flink source: one
 * split, read by one reader. The split carries the resume point — for Jetstream the time of the last post
 * emitted, in microseconds, handed back as {@code cursor=} after a restart from a checkpoint (posts of that
 * same millisecond come again and are dropped downstream as duplicate post ids) — and the count of posts
 * emitted (the input order). {@code maxPosts > 0} ends the input after that many posts (bounded: tests,
 * sampling).
 */
public final class LiveFlinkSource implements Source<PostEnvelope, LiveFlinkSource.Split, Boolean> {
    private static final long serialVersionUID = 1L;
    private final LiveSource.Kind kind;
    private final String url;
    private final long maxPosts;

    public LiveFlinkSource(LiveSource.Kind kind, String url, long maxPosts) {
        this.kind = kind;
        this.url = url;
        this.maxPosts = maxPosts;
    }

    /** The one split: where to resume and how many posts came before. */
    public record Split(long cursorUs, long emitted) implements SourceSplit {
        @Override
        public String splitId() {
            return "live";
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return maxPosts > 0 ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<Split, Boolean> createEnumerator(SplitEnumeratorContext<Split> ctx) {
        return new Enumerator(ctx, false);
    }

    @Override
    public SplitEnumerator<Split, Boolean> restoreEnumerator(SplitEnumeratorContext<Split> ctx, Boolean assigned) {
        return new Enumerator(ctx, assigned);
    }

    @Override
    public SimpleVersionedSerializer<Split> getSplitSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(Split s) throws IOException {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                try (DataOutputStream o = new DataOutputStream(b)) {
                    o.writeLong(s.cursorUs());
                    o.writeLong(s.emitted());
                }
                return b.toByteArray();
            }

            @Override
            public Split deserialize(int version, byte[] bytes) throws IOException {
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                    return new Split(in.readLong(), in.readLong());
                }
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<Boolean> getEnumeratorCheckpointSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(Boolean b) {
                return new byte[] {(byte) (b ? 1 : 0)};
            }

            @Override
            public Boolean deserialize(int version, byte[] bytes) {
                return bytes.length > 0 && bytes[0] == 1;
            }
        };
    }

    @Override
    public SourceReader<PostEnvelope, Split> createReader(SourceReaderContext ctx) {
        return new Reader(ctx, kind, url, maxPosts);
    }

    /** Hands the one split to the first reader that asks; a split given back (failure) is handed out again. */
    static final class Enumerator implements SplitEnumerator<Split, Boolean> {
        private final SplitEnumeratorContext<Split> ctx;
        private boolean assigned;
        private final ArrayDeque<Split> back = new ArrayDeque<>();

        Enumerator(SplitEnumeratorContext<Split> ctx, boolean assigned) {
            this.ctx = ctx;
            this.assigned = assigned;
        }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtask, String host) {
            if (!back.isEmpty()) ctx.assignSplit(back.poll(), subtask);
            else if (!assigned) {
                assigned = true;
                ctx.assignSplit(new Split(-1, 0), subtask);
            } else {
                ctx.signalNoMoreSplits(subtask);
            }
        }

        @Override
        public void addSplitsBack(List<Split> splits, int subtask) {
            back.addAll(splits);
        }

        @Override
        public void addReader(int subtask) {}

        @Override
        public Boolean snapshotState(long checkpointId) {
            return assigned && back.isEmpty();
        }

        @Override
        public void close() {}
    }

    static final class Reader implements SourceReader<PostEnvelope, Split> {
        private final SourceReaderContext ctx;
        private final LiveSource.Kind kind;
        private final String url;
        private final long maxPosts;
        private final LinkedBlockingQueue<Post> queue = new LinkedBlockingQueue<>(100_000);
        private volatile CompletableFuture<Void> available = new CompletableFuture<>();
        private LiveSource client;
        private Split split;
        private long cursorUs = -1, emitted;
        private boolean noSplit;

        Reader(SourceReaderContext ctx, LiveSource.Kind kind, String url, long maxPosts) {
            this.ctx = ctx;
            this.kind = kind;
            this.url = url;
            this.maxPosts = maxPosts;
        }

        @Override
        public void start() {
            ctx.sendSplitRequest();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<PostEnvelope> out) {
            if (split == null) return noSplit ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
            if (maxPosts > 0 && emitted >= maxPosts) return InputStatus.END_OF_INPUT;
            Post p = queue.poll();
            if (p == null) {
                synchronized (this) {
                    if (queue.isEmpty() && available.isDone()) available = new CompletableFuture<>();
                }
                return queue.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
            }
            out.collect(new PostEnvelope(emitted++, p.timeMs(), PostCodec.encode(p)));
            cursorUs = Math.max(cursorUs, p.timeMs() * 1000);
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            return split == null ? List.of() : List.of(new Split(cursorUs, emitted));
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return available;
        }

        @Override
        public void addSplits(List<Split> splits) {
            split = splits.get(0);
            cursorUs = split.cursorUs();
            emitted = split.emitted();
            client = new LiveSource(kind, URI.create(url), p -> {
                try {
                    queue.put(p);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (this) {
                    available.complete(null);
                }
            }, 500, 30_000);
            client.start(cursorUs);
            available.complete(null);
        }

        @Override
        public void notifyNoMoreSplits() {
            noSplit = true;
            available.complete(null);
        }

        @Override
        public void close() {
            if (client != null) client.close();
        }
    }
}
