package org.lockstep.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A worker's failure, an Error included, fails the whole call; it is never swallowed. */
class WorkersTest {

    @Test
    void anErrorInAWorkerIsRethrownAsItWas() {
        StackOverflowError boom = new StackOverflowError("worker 2");
        AtomicInteger done = new AtomicInteger();
        StackOverflowError got = assertThrows(StackOverflowError.class, () -> Workers.run(List.of(
                done::incrementAndGet, () -> { throw boom; }, done::incrementAndGet)));
        assertSame(boom, got);
    }

    @Test
    void aRuntimeExceptionIsRethrownAndAllJobsRunOtherwise() {
        IllegalStateException ex = new IllegalStateException("bad chunk");
        assertSame(ex, assertThrows(IllegalStateException.class, () -> Workers.run(List.of(() -> { }, () -> { throw ex; }))));
        AtomicInteger n = new AtomicInteger();
        Workers.run(List.of(n::incrementAndGet, n::incrementAndGet, n::incrementAndGet));
        assertEquals(3, n.get());
    }

    @Test
    void onTheCallersExecutorJobsRunOnItsThreadsAndAnErrorStillFailsTheCall() {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "callers-pool");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
            AtomicInteger n = new AtomicInteger();
            Runnable job = () -> {
                names.add(Thread.currentThread().getName());
                n.incrementAndGet();
            };
            // five jobs on two threads: they queue, all run, and the call returns only when all have run
            Workers.run(pool, List.of(job, job, job, job, job));
            assertEquals(5, n.get());
            assertEquals(java.util.Set.of("callers-pool"), names);
            OutOfMemoryError oom = new OutOfMemoryError("worker 3");
            assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Workers.run(pool, List.of(job, () -> { throw oom; }, job))));
            // the pool is the caller's: still usable after a failure
            int before = n.get();
            Workers.run(pool, List.of(job, job));
            assertEquals(before + 2, n.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
