package org.lockstep.core.coord;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.lockstep.bench.CoordKernelBench;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of exact pair counting ({@link PairCounts}: sweep, partitioned radix sort, reduction) on the
 * synthetic columns of {@link CoordKernelBench}, on 1 and 2 threads. It lives in the engine's package
 * because the kernel is package-private.
 *
 * <pre>java -cp 'bench/target/lockstep-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' org.openjdk.jmh.Main PairCountsBench</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class PairCountsBench {
    @Param({"1000000"})
    public int rows;

    @Param({"1", "2"})
    public int threads;

    private CoordKernelBench data;
    private long[] window, gap;

    @Setup
    public void setup() {
        data = new CoordKernelBench();
        data.rows = rows;
        data.setup();
        window = new long[Signal.values().length];
        gap = new long[Signal.values().length];
        Arrays.fill(window, 60_000);
        Arrays.fill(gap, 600_000);
        posts = new int[data.object.length];
        for (int i = 0; i < posts.length; i++) posts[i] = i;
    }

    private int[] posts;

    @Benchmark
    public long count() {
        PairCounts pc = PairCounts.count(data.object, data.account, data.time, data.signal, posts, window, gap, 250, 2,
                rows / 20, threads, 1L << 30);
        return pc.distinct + pc.size;
    }
}
