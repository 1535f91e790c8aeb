package org.lockstep.sim;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Every simulated account as parallel primitive columns (index = account number). Built before
 * any post is written; afterwards only {@link #posts} changes. Ids and handles are unique.
 */
final class Accounts {
    static final byte ORGANIC = 0, ORGANIC_HYPERACTIVE = 1, SOCKPUPPET = 2, LEAK_SEED = 3, LEAK_AMPLIFIER = 4,
            LEAK_RELAY = 5, NARRATIVE = 6, LOOKALIKE_SPREADER = 7;
    static final String[] ROLE_NAMES = {"organic", "organic_hyperactive", "sockpuppet", "leak_seed",
        "leak_amplifier", "leak_relay", "narrative", "lookalike_spreader"};

    int size;
    long[] id = new long[16];
    String[] handle = new String[16];
    String[] name = new String[16];
    /** Region index into {@link Lexicon#REGION_LANG} (language, names, places). */
    byte[] region = new byte[16];
    byte[] role = new byte[16];
    /** Operation number (1-based position in the labels) or 0 for organic accounts. */
    byte[] op = new byte[16];
    long[] createdMs = new long[16];
    int[] followers = new int[16];
    int[] friends = new int[16];
    int[] baseStatuses = new int[16];
    int[] posts = new int[16];
    short[] bio = new short[16];
    short[] place = new short[16];
    byte[] source = new byte[16];
    boolean[] defaultProfile = new boolean[16];
    boolean[] defaultImage = new boolean[16];
    boolean[] verified = new boolean[16];

    private final Set<Long> ids = new HashSet<>();
    private final Set<String> handles = new HashSet<>();
    /** Display names repeat (first x last name lists): one shared String per distinct name. */
    private final java.util.Map<String, String> names = new java.util.HashMap<>();

    /** Adds an account; a clashing id is bumped, a clashing handle gets digits appended. */
    int add(long wantedId, String wantedHandle, String displayName, int regionIdx, byte roleCode, long created) {
        if (size == id.length) grow();
        long i0 = wantedId;
        while (!ids.add(i0)) i0++;
        String h = wantedHandle.length() > 15 ? wantedHandle.substring(0, 15) : wantedHandle;
        String base = h;
        for (int k = 1; !handles.add(h.toLowerCase(java.util.Locale.ROOT)); k++) {
            String suffix = (k & 1) == 0 ? Integer.toString(k) : "_" + k;
            h = (base.length() + suffix.length() > 15 ? base.substring(0, 15 - suffix.length()) : base) + suffix;
        }
        int a = size++;
        id[a] = i0;
        handle[a] = h;
        name[a] = names.computeIfAbsent(displayName, x -> x);
        region[a] = (byte) regionIdx;
        role[a] = roleCode;
        createdMs[a] = created;
        return a;
    }

    /** Drops the uniqueness indexes and trims the columns once planning is over. */
    void freeze() {
        ids.clear();
        handles.clear();
        names.clear();
        resize(size);
    }

    String lang(int a) {
        return Lexicon.REGION_LANG[region[a]];
    }

    private void grow() {
        resize(Math.max(16, id.length * 2));
    }

    private void resize(int n) {
        id = Arrays.copyOf(id, n);
        handle = Arrays.copyOf(handle, n);
        name = Arrays.copyOf(name, n);
        region = Arrays.copyOf(region, n);
        role = Arrays.copyOf(role, n);
        op = Arrays.copyOf(op, n);
        createdMs = Arrays.copyOf(createdMs, n);
        followers = Arrays.copyOf(followers, n);
        friends = Arrays.copyOf(friends, n);
        baseStatuses = Arrays.copyOf(baseStatuses, n);
        posts = Arrays.copyOf(posts, n);
        bio = Arrays.copyOf(bio, n);
        place = Arrays.copyOf(place, n);
        source = Arrays.copyOf(source, n);
        defaultProfile = Arrays.copyOf(defaultProfile, n);
        defaultImage = Arrays.copyOf(defaultImage, n);
        verified = Arrays.copyOf(verified, n);
    }

    /** A legacy (pre-2014, roughly sequential) or snowflake user id for an account created at {@code ms}. */
    static long userIdFor(long createdMs, java.util.SplittableRandom r) {
        long snowStart = 1388534400000L; // 2014-01-01: Twitter user ids became snowflakes around then
        if (createdMs >= snowStart) return Snowflake.of(createdMs, r.nextInt(1024), r.nextInt(4096));
        long t0 = 1142899200000L; // 2006-03-21
        double frac = Math.max(0, (double) (createdMs - t0) / (snowStart - t0));
        return 12 + (long) (Math.pow(frac, 1.6) * 2_300_000_000L) + r.nextInt(1000);
    }
}
