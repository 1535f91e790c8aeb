package org.lockstep.core.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Executors;

/**
 * Runs a few jobs on their own threads and waits for all. Any failure of a worker fails the whole call:
 * the first one is rethrown as it was — an {@link Error} as an Error, a runtime exception as itself —
 * and the other workers are interrupted. Nothing is swallowed and no result is returned from a half-run.
 */
public final class Workers {
    private Workers() {}

    /** Runs the jobs on threads of its own (daemon threads, one per job), waits for all. */
    public static void run(List<? extends Runnable> jobs) {
        run(null, jobs);
    }

    /**
     * Runs the jobs on the caller's {@code executor} (null: threads of its own), waits for all. With an
     * executor of fewer threads than jobs the jobs queue and still all run: no job waits for another. On the
     * first failure the other jobs are cancelled (interrupted if running) and the failure is rethrown.
     */
    public static void run(Executor executor, List<? extends Runnable> jobs) {
        if (jobs.size() == 1) {
            jobs.get(0).run();
            return;
        }
        ExecutorService own = executor != null ? null : Executors.newFixedThreadPool(jobs.size(), r -> {
            Thread t = new Thread(r, "lockstep-worker");
            t.setDaemon(true);
            return t;
        });
        Executor on = executor != null ? executor : own;
        List<FutureTask<Void>> fs = new ArrayList<>();
        for (Runnable j : jobs) fs.add(new FutureTask<>(j, null));
        try {
            for (FutureTask<Void> f : fs) on.execute(f);
            for (FutureTask<Void> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            for (FutureTask<Void> f : fs) f.cancel(true);
            if (own != null) own.shutdownNow();
        }
    }
}
