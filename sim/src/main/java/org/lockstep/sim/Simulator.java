package org.lockstep.sim;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes a synthetic social-media stream with planted influence operations and its ground truth.
 * Posts are generated in time order by merging per-source time-ordered generators, so memory is
 * bounded by the account population and the (capped) operation plans, never by the post count.
 * Same {@link SimConfig} gives byte-identical output.
 */
public final class Simulator {
    private static final long DAY = 86_400_000L;

    private Simulator() {}

    /** Simulates {@code config}, writing posts and the labels document (streams are flushed, not closed). */
    public static SimResult run(SimConfig config, OutputStream posts, OutputStream labels) throws IOException {
        return run(config, posts, labels, null, null);
    }

    /**
     * Simulates {@code config}.
     *
     * @param posts receives the posts in the configured format
     * @param labels receives the ground-truth JSON document, or null
     * @param accounts receives {@code account_id,handle,role,operation} for every account, or null
     * @param progress called with the number of posts written so far every 65,536 posts, or null
     */
    public static SimResult run(SimConfig config, OutputStream posts, OutputStream labels, OutputStream accounts,
            LongConsumer progress) throws IOException {
        long start = config.startMs(), end = config.endMs();
        SplittableRandom root = new SplittableRandom(config.seed());
        Accounts acc = new Accounts();
        OrganicPopulation organic = new OrganicPopulation(acc, config.posts(), start, end, root.split());
        List<Operation> ops = new ArrayList<>();
        int number = 1;
        for (OpType type : OpType.values()) {
            SplittableRandom r = root.split();
            if (!config.operations().contains(type)) continue;
            ops.add(plan(type, number++, acc, r, config.posts(), start, end, config.timing()));
        }
        long opPosts = 0;
        for (Operation op : ops) opPosts += op.n;
        long organicTotal = config.posts() - opPosts;
        if (organicTotal < config.posts() / 2) {
            throw new IllegalArgumentException("too few posts for the planted operations; use more posts");
        }
        acc.freeze();
        Source[] org = organic.streams(organicTotal);
        Source[] src = new Source[org.length + ops.size()];
        System.arraycopy(org, 0, src, 0, org.length);
        for (int i = 0; i < ops.size(); i++) src[org.length + i] = ops.get(i);

        PostWriter w = config.format() == SimConfig.Format.TOOLKIT_CSV ? new CsvPostWriter(posts, acc)
                : new JsonPostWriter(posts, acc);
        Snowflake ids = new Snowflake((int) (config.seed() & 0x3FF));
        long[] next = new long[src.length];
        for (int i = 0; i < src.length; i++) next[i] = src[i].peek();
        Tweet t = new Tweet();
        long written = 0;
        while (true) {
            int best = -1;
            long bt = Long.MAX_VALUE;
            for (int i = 0; i < next.length; i++) {
                if (next[i] < bt) { bt = next[i]; best = i; }
            }
            if (best < 0) break;
            src[best].emit(t, ids.next(bt));
            next[best] = src[best].peek();
            w.write(t);
            if ((++written & 0xFFFF) == 0 && progress != null) progress.accept(written);
        }
        w.finish();
        RepostPool pool = organic.finish();
        if (written != config.posts()) throw new IllegalStateException("wrote " + written + " of " + config.posts());
        double days = (end - start) / (double) DAY;
        for (int a = organic.first; a < organic.first + organic.count; a++) {
            if (acc.posts[a] / days > 72.0) acc.role[a] = Accounts.ORGANIC_HYPERACTIVE;
        }
        if (labels != null) writeLabels(labels, config, acc, organic, pool, ops, written);
        if (accounts != null) writeAccounts(accounts, acc, ops);
        Map<String, Long> per = new LinkedHashMap<>();
        for (Operation op : ops) per.put(op.label, (long) op.n);
        return new SimResult(written, organic.organicPosts, per, acc.size, start, end);
    }

    private static Operation plan(OpType type, int number, Accounts acc, SplittableRandom r, long posts, long start,
            long end, Timing timing) {
        switch (type) {
            case SOCKPUPPET_NETWORK: return new SockpuppetNetwork(number, acc, r, posts, start, end, timing);
            case HACK_AND_LEAK: return new HackAndLeak(number, acc, r, posts, start, end, timing);
            case COPYPASTA: return new Copypasta(number, acc, r, posts, start, end, timing);
            default: return new LookalikeDomains(number, acc, r, posts, start, end);
        }
    }

    private static void writeLabels(OutputStream out, SimConfig c, Accounts acc, OrganicPopulation organic,
            RepostPool pool, List<Operation> ops, long written) throws IOException {
        JsonFactory f = new JsonFactory();
        f.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (JsonGenerator g = f.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("seed", c.seed());
            g.writeNumberField("posts", written);
            g.writeStringField("start", Instant.ofEpochMilli(c.startMs()).toString());
            g.writeStringField("end", Instant.ofEpochMilli(c.endMs()).toString());
            g.writeNumberField("start_ms", c.startMs());
            g.writeNumberField("end_ms", c.endMs());
            g.writeStringField("scenario", c.scenario());
            g.writeStringField("format", c.format().cliName);
            g.writeObjectFieldStart("timing");
            g.writeNumberField("delay_median_ms", c.timing().delayMedianMs());
            g.writeNumberField("delay_spread", c.timing().delaySpread());
            g.writeNumberField("action_spread", Timing.ACTION_SPREAD);
            g.writeNumberField("sparse_share", c.timing().sparseShare());
            g.writeNumberField("relaunch_share", c.timing().relaunchShare());
            g.writeEndObject();
            g.writeArrayFieldStart("operations");
            for (Operation op : ops) {
                g.writeStartObject();
                g.writeStringField("id", op.label);
                g.writeStringField("type", op.type.label);
                Operation.idArray(g, "accounts", acc, op.members, 0, op.nMembers);
                g.writeNumberField("posts", op.n);
                g.writeNumberField("start_ms", op.firstMs());
                g.writeNumberField("end_ms", op.lastMs());
                writeAccountTiming(g, acc, op);
                op.labelFields(g);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("organic");
            g.writeNumberField("accounts", organic.count);
            g.writeNumberField("posts", organic.organicPosts);
            g.writeArrayFieldStart("hyperactive_accounts");
            for (int a = organic.first; a < organic.first + organic.count; a++) {
                if (acc.role[a] == Accounts.ORGANIC_HYPERACTIVE) g.writeString(Long.toString(acc.id[a]));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("viral_posts");
            for (int i = 0; i < pool.nBig; i++) g.writeString(Long.toString(pool.bigIds[i]));
            g.writeEndArray();
            g.writeArrayFieldStart("viral_reposts");
            for (int i = 0; i < pool.nBig; i++) g.writeNumber(pool.bigCounts[i]);
            g.writeEndArray();
            g.writeNumberField("viral_threshold", organic.bigCascadeThreshold());
            g.writeArrayFieldStart("planted_viral_posts");
            for (long id : organic.viralId) if (id >= 0) g.writeString(Long.toString(id));
            g.writeEndArray();
            g.writeArrayFieldStart("hashtags");
            for (String h : Lexicon.HASHTAGS) g.writeString(h);
            g.writeEndArray();
            g.writeArrayFieldStart("links");
            for (int i = 0; i < Math.min(20, organic.articles.length); i++) g.writeString(organic.articles[i]);
            g.writeEndArray();
            g.writeArrayFieldStart("languages");
            for (int i = 0; i < Lexicon.REGION_LANG.length; i++) {
                if (i == 2) continue; // en appears twice (US and UK regions)
                g.writeString(Lexicon.REGION_LANG[i]);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    /**
     * The operation's drawn median delay, and per account (in the order of {@code accounts}) its
     * drawn delay (null when it has none: leaders, look-alike spreaders) and its number of posts, so
     * recall can be sliced by both.
     */
    private static void writeAccountTiming(JsonGenerator g, Accounts acc, Operation op) throws IOException {
        if (op.delayMedianMs >= 0) g.writeNumberField("delay_median_ms", Math.round(op.delayMedianMs));
        g.writeArrayFieldStart("account_delay_ms");
        for (int i = 0; i < op.nMembers; i++) {
            if (op.memberDelay[i] < 0) g.writeNull();
            else g.writeNumber(op.memberDelay[i]);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("account_posts");
        for (int i = 0; i < op.nMembers; i++) g.writeNumber(acc.posts[op.members[i]]);
        g.writeEndArray();
    }

    private static void writeAccounts(OutputStream out, Accounts acc, List<Operation> ops) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("account_id,handle,role,operation\n");
        for (int a = 0; a < acc.size; a++) {
            w.write(Long.toString(acc.id[a]));
            w.write(',');
            w.write(acc.handle[a]);
            w.write(',');
            w.write(Accounts.ROLE_NAMES[acc.role[a]]);
            w.write(',');
            if (acc.op[a] > 0) w.write(ops.get(acc.op[a] - 1).label);
            w.write('\n');
        }
        w.flush();
    }
}
