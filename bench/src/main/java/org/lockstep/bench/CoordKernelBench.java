package org.lockstep.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.lockstep.core.coord.Actions;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.coord.PairKernel;
import org.lockstep.core.coord.Signal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the coordination kernels on synthetic columns: {@code rows} actions by 1/20 as many
 * accounts on 1/10 as many objects with heavy-tailed (Pareto) popularity, over three days.
 * {@code pairKernel}: the sliding-window sweep alone (60 s window, 250 partners per action);
 * {@code detect}: the whole engine on the same rows (pairs, jitter null, BH, components, Leiden, evidence).
 *
 * <pre>java -cp 'bench/target/lockstep-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' org.openjdk.jmh.Main Coord</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class CoordKernelBench {
    @Param({"1000000"})
    public int rows;

    public int[] object, account;
    public long[] time;
    public byte[] signal;
    Actions actions;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        int objects = rows / 10, accounts = rows / 20;
        long span = 3 * 86_400_000L;
        long[] born = new long[objects];
        for (int o = 0; o < objects; o++) born[o] = (long) (r.nextDouble() * span);
        object = new int[rows];
        account = new int[rows];
        time = new long[rows];
        signal = new byte[rows];
        // popularity ~ Pareto(1.1): a few viral objects, many small ones
        double[] cum = new double[objects];
        double sum = 0;
        for (int o = 0; o < objects; o++) cum[o] = sum += Math.pow(1 - r.nextDouble(), -1 / 1.1);
        Actions.GenericBuilder b = Actions.generic();
        long[][] rowsOut = new long[rows][];
        for (int i = 0; i < rows; i++) {
            int o = Arrays.binarySearch(cum, r.nextDouble() * sum);
            o = o < 0 ? Math.min(objects - 1, -o - 1) : o;
            long t = born[o] + (long) (-Math.log(1 - r.nextDouble()) * 1_800_000);
            rowsOut[i] = new long[] {o, r.nextInt(accounts), t};
        }
        Arrays.sort(rowsOut, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[2], y[2]));
        for (int i = 0; i < rows; i++) {
            object[i] = (int) rowsOut[i][0];
            account[i] = (int) rowsOut[i][1];
            time[i] = rowsOut[i][2];
            b.add("o" + rowsOut[i][0], "a" + rowsOut[i][1], "c" + i, rowsOut[i][2]);
        }
        actions = b.build();
    }

    @Benchmark
    public long pairKernel() {
        long[] n = new long[1];
        PairKernel.run(object, account, time, signal, new long[] {60_000}, 250, null, (i, j) -> n[0]++);
        return n[0];
    }

    @Benchmark
    public CoordinationResult detect() {
        return Coordination.detect(actions, CoordinationConfig.builder().signals(Signal.OBJECT).build());
    }
}
