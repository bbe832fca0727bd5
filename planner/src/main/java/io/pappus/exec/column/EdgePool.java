package io.pappus.exec.column;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The local engines' worker pool, sized to every core (the common pool leaves one idle), and
 * the chunking of edge conversions over it. System property {@code pappus.jvm.threads}, default
 * all processors.
 */
public final class EdgePool {
    /** The fewest elements worth a task: conversions under two of these run on the caller's thread. */
    private static final int MIN_TASK = 1 << 12;
    private static final int THREADS = Integer.getInteger("pappus.jvm.threads",
            Runtime.getRuntime().availableProcessors());
    private static final ForkJoinPool POOL = new ForkJoinPool(THREADS);

    /** Work over one range {@code [lo, hi)}. */
    public interface Range {
        /**
         * @param lo the first element
         * @param hi one past the last
         */
        void run(int lo, int hi);
    }

    private EdgePool() {
    }

    /** @return the pool */
    public static ForkJoinPool pool() {
        return POOL;
    }

    /** @return its number of threads */
    public static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code work} over {@code [0, n)} in a few chunks per thread, and waits.
     *
     * @param n    the number of elements
     * @param work the work per range; ranges are disjoint
     */
    public static void forRanges(int n, Range work) {
        forRanges(n, MIN_TASK, work);
    }

    /**
     * Runs {@code work} over {@code [0, n)} in up to four chunks per thread of at least
     * {@code minPerTask} elements, and waits; on the caller's thread when that makes one chunk.
     *
     * @param n          the number of items
     * @param minPerTask the fewest items worth a task
     * @param work       the work per range; ranges are disjoint
     */
    public static void forRanges(int n, int minPerTask, Range work) {
        int count = THREADS == 1 ? 1 : Math.min(THREADS * 4, n / Math.max(1, minPerTask));
        if (count <= 1) {
            work.run(0, n);
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int lo = (int) ((long) n * k / count);
            int hi = (int) ((long) n * (k + 1) / count);
            tasks.add(POOL.submit(() -> work.run(lo, hi)));
        }
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
    }
}
