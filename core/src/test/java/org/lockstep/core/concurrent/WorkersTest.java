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
}
