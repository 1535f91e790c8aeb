package org.lockstep.core.coord;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.lockstep.core.model.Interner;

/**
 * Co-action rows, the input of the pair kernel: one row per (signal, object, account, time), with the
 * content (post id) and source row it came from. Columns are primitive and of equal length; objects of
 * all signals live in one int space where signal {@code s} owns ids {@code [objectBase(s), objectBase(s+1))}.
 *
 * <p>Built from a {@link org.lockstep.core.model.PostTable} by {@link #from} or, for CooRTweet-style
 * 4-column input where one post may carry several objects, row by row with {@link #generic()}.
 */
public final class Actions {
    final int size;
    final byte[] signal;
    final int[] object, account, content, row;
    final long[] time;
    private final int[] objectBase;
    private final IntFunction<String>[] objectNames;
    private final IntFunction<String> accountNames, contentNames;
    private final int accountCount;

    private Actions(Builder b) {
        size = b.size;
        signal = Arrays.copyOf(b.signal, size);
        object = Arrays.copyOf(b.object, size);
        account = Arrays.copyOf(b.account, size);
        content = Arrays.copyOf(b.content, size);
        row = Arrays.copyOf(b.row, size);
        time = Arrays.copyOf(b.time, size);
        objectBase = b.objectBase.clone();
        objectNames = b.objectNames.clone();
        accountNames = b.accountNames;
        contentNames = b.contentNames;
        accountCount = b.accountCount;
    }

    public int size() { return size; }
    public Signal signal(int i) { return Signal.of(signal[i]); }
    public int object(int i) { return object[i]; }
    public int account(int i) { return account[i]; }
    public int content(int i) { return content[i]; }
    public int row(int i) { return row[i]; }
    public long time(int i) { return time[i]; }

    /** Number of account ids (dense, 0-based) that rows may use. */
    public int accountCount() { return accountCount; }

    /** Total size of the object id space over all signals. */
    public int objectCount() { return objectBase[objectBase.length - 1]; }

    /** First object id of a signal. */
    public int objectBase(Signal s) { return objectBase[s.ordinal()]; }

    /** The signal that owns a (global) object id. */
    public Signal objectSignal(int object) {
        for (int s = 0; s < objectBase.length - 1; s++) if (object < objectBase[s + 1]) return Signal.of(s);
        throw new IndexOutOfBoundsException(object);
    }

    /** A readable name of a (global) object id: the URL, hashtag, post id, text... */
    public String objectName(int object) {
        Signal s = objectSignal(object);
        IntFunction<String> f = objectNames[s.ordinal()];
        int local = object - objectBase[s.ordinal()];
        return f == null ? Integer.toString(local) : f.apply(local);
    }

    public String accountName(int account) { return accountNames.apply(account); }

    /** The source's id of a content (post) id, or null for -1. */
    public String contentName(int content) { return content < 0 ? null : contentNames.apply(content); }

    /** Extracts the co-actions of the signals switched on in {@code config}. */
    public static Actions from(org.lockstep.core.model.PostTable table, CoordinationConfig config) {
        return CoActionExtractor.extract(table, config);
    }

    /**
     * A builder for generic rows named by strings (CooRTweet's {@code object_id, account_id, content_id,
     * timestamp_share}); all rows get {@link Signal#OBJECT}. Rows may repeat a content id with another object.
     */
    public static GenericBuilder generic() {
        return new GenericBuilder();
    }

    /** Builds {@link Actions} from strings; ids are interned in order of first appearance. */
    public static final class GenericBuilder {
        private final Interner accounts = new Interner(1 << 10), contents = new Interner(1 << 12);
        private int n;
        private int[] o = new int[1024], a = new int[1024], c = new int[1024];
        private byte[] s = new byte[1024];
        private long[] t = new long[1024];

        private GenericBuilder() {}

        /** A row of the generic {@link Signal#OBJECT} signal (CooRTweet's 4-column input). */
        public GenericBuilder add(String object, String account, String content, long timeMs) {
            return add(Signal.OBJECT, object, account, content, timeMs);
        }

        /**
         * A row of signal {@code signal}: objects of different signals are different objects even when their
         * ids are equal (a URL id and an image id), as CooRTweet's multi-modal runs keep them apart.
         */
        public GenericBuilder add(Signal signal, String object, String account, String content, long timeMs) {
            if (n == o.length) {
                o = Arrays.copyOf(o, n * 2);
                a = Arrays.copyOf(a, n * 2);
                c = Arrays.copyOf(c, n * 2);
                s = Arrays.copyOf(s, n * 2);
                t = Arrays.copyOf(t, n * 2);
            }
            s[n] = (byte) signal.ordinal();
            // objects and contents share one id space, as post ids do in a PostTable, so that an object
            // that is itself one of the contents (an original post in the data) compares equal
            o[n] = contents.intern(object);
            a[n] = accounts.intern(account);
            c[n] = content == null ? -1 : contents.intern(content);
            t[n] = timeMs;
            n++;
            return this;
        }

        public Actions build() {
            Builder b = new Builder(accounts.size(), accounts::get, contents::get);
            // rows grouped by signal in enum order (stable: input order within a signal)
            int[] order = new int[n];
            int k = 0;
            for (Signal sig : Signal.values()) {
                int from = k;
                for (int i = 0; i < n; i++) if (s[i] == sig.ordinal()) order[k++] = i;
                if (k == from) continue;
                b.beginSignal(sig, contents.size(), contents::get);
                for (int j = from; j < k; j++) {
                    int i = order[j];
                    b.add(o[i], a[i], c[i], i, t[i]);
                }
            }
            return b.build();
        }
    }

    /** Low-level builder: open each signal's object space with {@link #beginSignal}, then add its rows. */
    static final class Builder {
        private int size;
        private byte[] signal = new byte[1024];
        private int[] object = new int[1024], account = new int[1024], content = new int[1024], row = new int[1024];
        private long[] time = new long[1024];
        private final int[] objectBase = new int[Signal.values().length + 1];
        @SuppressWarnings({"unchecked", "rawtypes"})
        private final IntFunction<String>[] objectNames = new IntFunction[Signal.values().length];
        private final IntFunction<String> accountNames, contentNames;
        private final int accountCount;
        private int current = -1;
        private int next;

        Builder(int accountCount, IntFunction<String> accountNames, IntFunction<String> contentNames) {
            this.accountCount = accountCount;
            this.accountNames = accountNames;
            this.contentNames = contentNames;
        }

        /** Opens the object space of {@code s} (signals must come in enum order, each at most once). */
        void beginSignal(Signal s, int objectCount, IntFunction<String> names) {
            if (s.ordinal() <= current) throw new IllegalStateException("signals must be added in enum order");
            for (int k = current + 1; k <= s.ordinal(); k++) objectBase[k] = next;
            current = s.ordinal();
            objectNames[current] = names;
            next += objectCount;
            for (int k = current + 1; k < objectBase.length; k++) objectBase[k] = next;
        }

        void add(int localObject, int acc, int cont, int r, long t) {
            if (size == time.length) {
                int m = size * 2;
                signal = Arrays.copyOf(signal, m);
                object = Arrays.copyOf(object, m);
                account = Arrays.copyOf(account, m);
                content = Arrays.copyOf(content, m);
                row = Arrays.copyOf(row, m);
                time = Arrays.copyOf(time, m);
            }
            signal[size] = (byte) current;
            object[size] = objectBase[current] + localObject;
            account[size] = acc;
            content[size] = cont;
            row[size] = r;
            time[size] = t;
            size++;
        }

        Actions build() {
            return new Actions(this);
        }
    }
}
