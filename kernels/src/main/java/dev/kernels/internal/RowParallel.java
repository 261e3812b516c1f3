package dev.kernels.internal;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

/**
 * Splits rows [0, rows) into contiguous chunks run on an {@link Executor}; the caller waits for all of them. Results
 * never depend on the split: every row is computed by the same code, and reductions are combined by the caller in
 * row order.
 */
public final class RowParallel {
    private RowParallel() {}

    /** Work below this many elements per chunk is not worth a task. */
    static final long MIN_ELEMENTS_PER_TASK = 1 << 15;
    static final int MAX_TASKS = 64;

    @FunctionalInterface
    public interface Rows {
        void run(int from, int to);
    }

    public static void run(Executor executor, int rows, long elementsPerRow, Rows body) {
        Objects.requireNonNull(executor, "executor");
        if (rows == 0) return;
        long work = (long) rows * Math.max(1, elementsPerRow);
        int tasks = (int) Math.max(1, Math.min(Math.min(rows, MAX_TASKS), work / MIN_ELEMENTS_PER_TASK));
        if (tasks == 1) {
            body.run(0, rows);
            return;
        }
        CountDownLatch done = new CountDownLatch(tasks);
        Throwable[] failure = new Throwable[1];
        for (int i = 0; i < tasks; i++) {
            int from = (int) ((long) rows * i / tasks);
            int to = (int) ((long) rows * (i + 1) / tasks);
            try {
                executor.execute(() -> {
                    try {
                        body.run(from, to);
                    } catch (Throwable t) {
                        synchronized (failure) {
                            if (failure[0] == null) failure[0] = t;
                        }
                    } finally {
                        done.countDown();
                    }
                });
            } catch (RuntimeException rejected) {
                // the executor refused the task: run it here so the latch still completes
                try {
                    body.run(from, to);
                } finally {
                    done.countDown();
                }
            }
        }
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException re) throw re;
            if (failure[0] instanceof Error er) throw er;
            if (failure[0] != null) throw new IllegalStateException(failure[0]);
        }
    }

    /** Sum of rowValues[0, rows) in row order from 0.0: the same additions the single-thread kernels make. */
    public static double sumInOrder(double[] rowValues) {
        double s = 0.0;
        for (double v : rowValues) s += v;
        return s;
    }
}
