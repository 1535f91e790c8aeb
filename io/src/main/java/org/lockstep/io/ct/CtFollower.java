package org.lockstep.io.ct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Follows a CT log from a saved position. The position (the index of the next entry to read) is
 * kept in a small JSON state file, replaced atomically after each batch has been handed to the
 * sink and the sink has returned. A restart therefore resumes at the first entry not yet
 * delivered: nothing is missed, and nothing is delivered twice unless the process dies between
 * the sink's return and the state write (then that one batch is repeated).
 *
 * <p>When following, an outage of the log (a request that still fails after the client's own
 * retries) does not end the run: the follower reports it, waits with exponential back-off (from
 * the poll interval up to 10 minutes) and tries again from the same position, until stopped.
 */
public final class CtFollower {
    /**
     * Settings.
     *
     * @param stateFile  where the position is kept (null: not kept)
     * @param startAt    where to start when there is no state: an index, or -1 for the current end
     *                   of the log (only new entries)
     * @param batchSize  entries asked for per request
     * @param maxEntries stop after this many entries (Long.MAX_VALUE: no limit)
     * @param follow     keep polling for new entries at the end of the log
     * @param poll       wait between polls when following
     */
    public record Config(Path stateFile, long startAt, int batchSize, long maxEntries, boolean follow, Duration poll,
                         java.util.function.Consumer<String> warn) {
        public Config {
            if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
            if (maxEntries < 0) throw new IllegalArgumentException("maxEntries must be ≥ 0: " + maxEntries);
            if (poll == null || poll.isNegative()) throw new IllegalArgumentException("poll must be ≥ 0: " + poll);
            if (warn == null) warn = m -> { };
        }

        public Config(Path stateFile, long startAt, int batchSize, long maxEntries, boolean follow, Duration poll) {
            this(stateFile, startAt, batchSize, maxEntries, follow, poll, m -> {});
        }
    }

    /** Receives each batch in log order; should flush its output before returning. */
    public interface Sink {
        void accept(List<CtEntry> batch) throws IOException;
    }

    /** What a run did. */
    public record Stats(long start, long next, long entries, long unparseable) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CtLogClient client;
    private final Config config;
    private volatile boolean stopped;

    public CtFollower(CtLogClient client, Config config) {
        this.client = client;
        this.config = config;
    }

    /** Asks a running {@link #run} to stop after the current batch. */
    public void stop() {
        stopped = true;
    }

    public Stats run(Sink sink) throws IOException, InterruptedException {
        Long saved = readState();
        SignedTreeHead sth = sthSurvivingOutages();
        long next = saved != null ? saved : config.startAt() >= 0 ? config.startAt() : sth.treeSize();
        long start = next, entries = 0, bad = 0;
        while (!stopped && entries < config.maxEntries()) {
            if (next >= sth.treeSize()) {
                if (!config.follow()) break;
                Thread.sleep(config.poll().toMillis());
                sth = sthSurvivingOutages();
                continue;
            }
            long want = Math.min(config.batchSize(), Math.min(sth.treeSize() - next, config.maxEntries() - entries));
            List<CtEntry> batch;
            try {
                batch = client.getEntries(next, next + want - 1);
                outage = 0;
            } catch (IOException e) {
                if (!config.follow()) throw e;
                backOff(e);
                continue;
            }
            if (batch.isEmpty()) throw new IOException("log returned no entries at index " + next + " below tree size " + sth.treeSize());
            sink.accept(batch);
            for (CtEntry e : batch) if (e.problem() != null) bad++;
            next += batch.size();
            entries += batch.size();
            writeState(next);
        }
        return new Stats(start, next, entries, bad);
    }

    /** Consecutive failed attempts while following (0 when the log answers). */
    private int outage;

    private SignedTreeHead sthSurvivingOutages() throws IOException, InterruptedException {
        while (true) {
            try {
                SignedTreeHead sth = client.getSth();
                outage = 0;
                return sth;
            } catch (IOException e) {
                if (!config.follow() || stopped) throw e;
                backOff(e);
            }
        }
    }

    private void backOff(IOException e) throws InterruptedException {
        outage++;
        long wait = Math.min(600_000, config.poll().toMillis() * (1L << Math.min(outage - 1, 16)));
        config.warn().accept("log unavailable (" + e.getMessage() + "); retrying in " + Math.max(1, wait / 1000) + " s");
        Thread.sleep(wait);
    }

    private Long readState() throws IOException {
        Path f = config.stateFile();
        if (f == null || !Files.exists(f)) return null;
        JsonNode n = JSON.readTree(f.toFile());
        if (!n.path("next").canConvertToLong()) throw new IOException(f + ": no 'next' position");
        String log = n.path("log").asText("");
        if (!log.isEmpty() && !log.equals(client.log().toString())) {
            throw new IOException(f + " belongs to log " + log + ", not " + client.log());
        }
        return n.path("next").asLong();
    }

    private void writeState(long next) throws IOException {
        Path f = config.stateFile();
        if (f == null) return;
        ObjectNode n = JSON.createObjectNode();
        n.put("log", client.log().toString());
        n.put("next", next);
        Path dir = f.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".ct-state", ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(n));
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
