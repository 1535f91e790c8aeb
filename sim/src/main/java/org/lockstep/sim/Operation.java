package org.lockstep.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A planted operation: its accounts and its whole schedule are planned up front (they are small
 * and bounded), sorted by time, then emitted as a {@link Source}. Originals are rebuilt from
 * (event, content seed) by {@link #fillOriginal}, so retweets nest them without storing text.
 */
abstract class Operation implements Source {
    final OpType type;
    final String label;
    final Accounts acc;
    final SplittableRandom r;
    int[] members = new int[0];
    /** Per member (same index as {@link #members}): its drawn operator delay in ms, or -1 when it has none. */
    long[] memberDelay = new long[0];
    int nMembers;
    /** The operation's drawn median delay in ms, or -1 when its timing is not drawn (look-alike domains). */
    double delayMedianMs = -1;

    long[] time = new long[64];
    int[] actor = new int[64];
    byte[] kind = new byte[64];
    int[] target = new int[64];
    long[] seed = new long[64];
    /** Operation-specific small integer (burst number, round, variant). */
    int[] tag = new int[64];
    long[] ids;
    int n;
    private int cursor;

    Operation(OpType type, int number, Accounts acc, SplittableRandom r) {
        this.type = type;
        this.label = "op" + number + "-" + type.label;
        this.acc = acc;
        this.r = r;
    }

    int member(int a, byte role, int opNumber) {
        acc.role[a] = role;
        acc.op[a] = (byte) opNumber;
        if (nMembers == members.length) {
            members = Arrays.copyOf(members, Math.max(16, nMembers * 2));
            memberDelay = Arrays.copyOf(memberDelay, members.length);
        }
        memberDelay[nMembers] = -1;
        members[nMembers++] = a;
        return a;
    }

    /**
     * Draws the operation's median delay, then the delay of members {@code from} (inclusive) to
     * {@code to} (exclusive), and returns the median (see {@link Timing}).
     */
    double drawDelays(Timing timing, int from, int to) {
        delayMedianMs = timing.operationMedian(r);
        for (int i = from; i < to; i++) memberDelay[i] = timing.accountDelay(r, delayMedianMs);
        return delayMedianMs;
    }

    /** Trigger time plus one action's delay for member {@code i}, kept inside the scenario. */
    long after(long trigger, int i, long end) {
        return Math.min(end - 1, trigger + Timing.actionDelay(r, memberDelay[i]));
    }

    /** Adds a planned post; {@code tgt} is the planning index of its original (or -1). Returns its planning index. */
    int add(long t, int who, byte k, int tgt, int tagValue) {
        if (n == time.length) {
            int m = n * 2;
            time = Arrays.copyOf(time, m);
            actor = Arrays.copyOf(actor, m);
            kind = Arrays.copyOf(kind, m);
            target = Arrays.copyOf(target, m);
            seed = Arrays.copyOf(seed, m);
            tag = Arrays.copyOf(tag, m);
        }
        time[n] = t;
        actor[n] = who;
        kind[n] = k;
        target[n] = tgt;
        seed[n] = r.nextLong();
        tag[n] = tagValue;
        return n++;
    }

    /** Sorts the plan by time (stable), remaps targets, and checks each target precedes its post. */
    void seal(long start, long end) {
        long[] key = new long[n];
        long base = start - 1;
        for (int i = 0; i < n; i++) {
            if (time[i] < start || time[i] >= end) {
                throw new IllegalStateException(label + ": post outside the scenario span");
            }
            key[i] = ((time[i] - base) << 24) | i;
        }
        if (n >= (1 << 24)) throw new IllegalStateException("operation too large");
        Arrays.sort(key);
        int[] pos = new int[n];
        for (int j = 0; j < n; j++) pos[(int) (key[j] & 0xFFFFFF)] = j;
        long[] t2 = new long[n];
        int[] a2 = new int[n], tg2 = new int[n], tag2 = new int[n];
        byte[] k2 = new byte[n];
        long[] s2 = new long[n];
        for (int j = 0; j < n; j++) {
            int i = (int) (key[j] & 0xFFFFFF);
            t2[j] = time[i];
            a2[j] = actor[i];
            k2[j] = kind[i];
            tg2[j] = target[i] < 0 ? -1 : pos[target[i]];
            s2[j] = seed[i];
            tag2[j] = tag[i];
            if (tg2[j] >= j) throw new IllegalStateException(label + ": a post precedes its original");
        }
        time = t2; actor = a2; kind = k2; target = tg2; seed = s2; tag = tag2;
        ids = new long[n];
    }

    long firstMs() {
        return n == 0 ? -1 : time[0];
    }

    long lastMs() {
        return n == 0 ? -1 : time[n - 1];
    }

    @Override
    public long peek() {
        return cursor < n ? time[cursor] : Long.MAX_VALUE;
    }

    @Override
    public void emit(Tweet t, long id) {
        int e = cursor++;
        ids[e] = id;
        t.reset();
        t.id = id;
        t.timeMs = time[e];
        t.author = actor[e];
        acc.posts[actor[e]]++;
        byte k = kind[e];
        if (k == Tweet.ORIGINAL) {
            fillOriginal(t, e);
            t.source = acc.source[t.author];
            return;
        }
        int o = target[e];
        Tweet in = t.inner();
        in.reset();
        in.id = ids[o];
        in.timeMs = time[o];
        in.author = actor[o];
        fillOriginal(in, o);
        in.source = acc.source[in.author];
        if (k == Tweet.RETWEET) {
            t.retweetOf(in, acc.handle[in.author]);
        } else {
            fillResponse(t, e, in);
        }
        t.source = acc.source[t.author];
    }

    /** Content of original post {@code e}: must depend only on the plan (seed, actor, tag). */
    abstract void fillOriginal(Tweet t, int e);

    /** Content of a reply or quote; operations without them never get here. */
    void fillResponse(Tweet t, int e, Tweet original) {
        throw new IllegalStateException(label + " plans no replies or quotes");
    }

    /** Writes the type-specific label fields. */
    abstract void labelFields(JsonGenerator g) throws IOException;

    int[] memberIds() {
        return Arrays.copyOf(members, nMembers);
    }

    static void idArray(JsonGenerator g, String field, Accounts acc, int[] as, int from, int to) throws IOException {
        g.writeArrayFieldStart(field);
        for (int i = from; i < to; i++) g.writeString(Long.toString(acc.id[as[i]]));
        g.writeEndArray();
    }

    /** A new operation account: given handle style, created at {@code created}, region {@code g}. */
    int newAccount(int g, String handle, String name, byte role, int opNumber, long created) {
        int a = acc.add(Accounts.userIdFor(created, r), handle, name, g, role, created);
        acc.bio[a] = (short) r.nextInt(Lexicon.BIO[g].length);
        acc.place[a] = (short) r.nextInt(Lexicon.PLACES[g].length);
        return member(a, role, opNumber);
    }
}
