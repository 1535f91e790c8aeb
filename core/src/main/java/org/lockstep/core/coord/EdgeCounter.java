package org.lockstep.core.coord;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * First-pass accumulator: per account pair (packed long key) the distinct objects, episodes, co-actions
 * and signals. An episode is a run of co-actions on one object whose consecutive co-actions are at most
 * the signal's episode gap apart (so one text reused in bursts on three days is three episodes). Kept
 * lean (about 50 bytes per pair) because it holds every candidate pair.
 */
final class EdgeCounter implements PairKernel.Sink {
    private final int[] object, account;
    private final long[] time;
    private final byte[] signal;
    private final long[] episodeGap;
    final Long2IntOpenHashMap index;
    long[] keys;
    int[] objects, episodes, contentEpisodes, coActions, lastObject, signals;
    long[] lastTime;
    int size;

    EdgeCounter(int[] object, int[] account, long[] time, byte[] signal, long[] episodeGap, int expected) {
        this.object = object;
        this.account = account;
        this.time = time;
        this.signal = signal;
        this.episodeGap = episodeGap;
        int cap = Math.max(16, expected);
        index = new Long2IntOpenHashMap(cap);
        index.defaultReturnValue(-1);
        keys = new long[cap];
        objects = new int[cap];
        episodes = new int[cap];
        contentEpisodes = new int[cap];
        lastTime = new long[cap];
        coActions = new int[cap];
        lastObject = new int[cap];
        signals = new int[cap];
    }

    @Override
    public void pair(int i, int j) {
        long k = PairKernel.key(account[i], account[j]);
        int e = index.putIfAbsent(k, size);
        if (e < 0) {
            e = size++;
            if (e == keys.length) grow();
            keys[e] = k;
            lastObject[e] = -1;
        }
        coActions[e]++;
        int o = object[i];
        long ti = time[i];
        boolean newEpisode = false;
        if (lastObject[e] != o) {
            lastObject[e] = o;
            objects[e]++;
            newEpisode = true;
        } else if (ti - lastTime[e] > episodeGap[signal[i]]) {
            newEpisode = true;
        }
        if (newEpisode) {
            episodes[e]++;
            if (NullModel.isContent(signal[i])) contentEpisodes[e]++;
        }
        lastTime[e] = ti;
        signals[e] |= 1 << signal[i];
    }

    private void grow() {
        int n = keys.length * 2;
        keys = Arrays.copyOf(keys, n);
        objects = Arrays.copyOf(objects, n);
        episodes = Arrays.copyOf(episodes, n);
        contentEpisodes = Arrays.copyOf(contentEpisodes, n);
        lastTime = Arrays.copyOf(lastTime, n);
        coActions = Arrays.copyOf(coActions, n);
        lastObject = Arrays.copyOf(lastObject, n);
        signals = Arrays.copyOf(signals, n);
    }
}
