package org.lockstep.core.coord;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * First-pass accumulator: per account pair (packed long key) the distinct objects, co-actions and
 * signals. Kept lean (about 40 bytes per pair) because it holds every candidate pair.
 */
final class EdgeCounter implements PairKernel.Sink {
    private final int[] object, account;
    private final byte[] signal;
    final Long2IntOpenHashMap index;
    long[] keys;
    int[] objects, coActions, lastObject, signals;
    int size;

    EdgeCounter(int[] object, int[] account, byte[] signal, int expected) {
        this.object = object;
        this.account = account;
        this.signal = signal;
        int cap = Math.max(16, expected);
        index = new Long2IntOpenHashMap(cap);
        index.defaultReturnValue(-1);
        keys = new long[cap];
        objects = new int[cap];
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
        if (lastObject[e] != o) {
            lastObject[e] = o;
            objects[e]++;
        }
        signals[e] |= 1 << signal[i];
    }

    private void grow() {
        int n = keys.length * 2;
        keys = Arrays.copyOf(keys, n);
        objects = Arrays.copyOf(objects, n);
        coActions = Arrays.copyOf(coActions, n);
        lastObject = Arrays.copyOf(lastObject, n);
        signals = Arrays.copyOf(signals, n);
    }
}
