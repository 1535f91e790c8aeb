package org.lockstep.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lockstep.core.domains.LookalikeMatcher;
import org.lockstep.core.domains.ProtectedEntity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reverse look-alike matching throughput: host names checked per second on one thread against
 * {@code entities} protected entities. 1% of the host names are look-alikes (permutations of
 * protected domains), the rest ordinary made-up names with mixed suffixes and subdomains.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Threads(1)
public class DomainMatchBenchmark {
    static final int N = 100_000;

    @Param({"1000"})
    int entities;

    @Param({"0.01"})
    double lookalikes;

    LookalikeMatcher matcher;
    String[] hosts;

    @Setup(Level.Trial)
    public void setup() {
        List<ProtectedEntity> es = DomainData.entities(entities, 42);
        matcher = new LookalikeMatcher(es, LookalikeMatcher.Config.defaults());
        hosts = DomainData.hosts(es, N, lookalikes, 7);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void match(Blackhole bh) {
        for (String h : hosts) bh.consume(matcher.match(h));
    }

    /** Building the indexes for the protected entities. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public LookalikeMatcher build() {
        return new LookalikeMatcher(DomainData.entities(entities, 42), LookalikeMatcher.Config.defaults());
    }
}
