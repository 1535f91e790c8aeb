package org.lockstep.core.model;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps strings to dense int ids 0..size-1, once, at load time, so that algorithms work on primitive
 * columns. Not thread-safe.
 */
public final class Interner {
    private final Object2IntOpenHashMap<String> ids;
    private final List<String> values;

    public Interner() {
        this(16);
    }

    public Interner(int expected) {
        ids = new Object2IntOpenHashMap<>(expected);
        ids.defaultReturnValue(-1);
        values = new ArrayList<>(expected);
    }

    /** The id of {@code s}, assigning the next free id when it is new. */
    public int intern(String s) {
        int id = ids.getInt(s);
        if (id < 0) {
            id = values.size();
            ids.put(s, id);
            values.add(s);
        }
        return id;
    }

    /** The id of {@code s}, or -1 when it was never interned. */
    public int find(String s) {
        return ids.getInt(s);
    }

    public String get(int id) {
        return values.get(id);
    }

    public int size() {
        return values.size();
    }
}
