package io.pappus.benchmarks;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.ArrayList;
import java.util.List;

/** Hand-written W1 loops that Pappus is measured against. */
public final class Loops {
    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private Loops() {
    }

    /** @return W1 as the obvious single-thread loop (branches on the filter) */
    public static double naive(double[] xs, int lo, int hi) {
        double s = 0.0;
        for (int i = lo; i < hi; i++) {
            double y = xs[i] * xs[i];
            if (y > 0.25) {
                s += y;
            }
        }
        return s;
    }

    /** @return W1 as the naive loop over the same chunks as Pappus, in parallel */
    public static double parallelNaive(double[] xs) {
        int[] b = io.pappus.jvm.exec.ChunkRunner.chunks(xs.length);
        List<ForkJoinTask<Double>> tasks = new ArrayList<>();
        for (int k = 0; k + 1 < b.length; k++) {
            int lo = b[k];
            int hi = b[k + 1];
            tasks.add(POOL.submit(() -> naive(xs, lo, hi)));
        }
        double s = 0.0;
        for (ForkJoinTask<Double> t : tasks) {
            s += t.join();
        }
        return s;
    }

    /** @return the memory-bandwidth floor: a parallel plain sum with four accumulators */
    public static double parallelPlainSum(double[] xs) {
        int[] b = io.pappus.jvm.exec.ChunkRunner.chunks(xs.length);
        List<ForkJoinTask<Double>> tasks = new ArrayList<>();
        for (int k = 0; k + 1 < b.length; k++) {
            int lo = b[k];
            int hi = b[k + 1];
            tasks.add(POOL.submit(() -> {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int i = lo;
                for (; i + 3 < hi; i += 4) {
                    s0 += xs[i];
                    s1 += xs[i + 1];
                    s2 += xs[i + 2];
                    s3 += xs[i + 3];
                }
                for (; i < hi; i++) {
                    s0 += xs[i];
                }
                return (s0 + s1) + (s2 + s3);
            }));
        }
        double s = 0.0;
        for (ForkJoinTask<Double> t : tasks) {
            s += t.join();
        }
        return s;
    }
}
