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

    /**
     * The memory-bandwidth floor: every double read once, nothing else. One contiguous share per
     * core (the caller sums the last), eight independent accumulators so the add latency never
     * limits, a counted loop the JIT keeps free of bounds checks. Warm it before timing.
     *
     * @return the plain sum of {@code xs}
     */
    public static double parallelPlainSum(double[] xs) {
        int shares = Runtime.getRuntime().availableProcessors();
        List<ForkJoinTask<Double>> tasks = new ArrayList<>(shares - 1);
        for (int k = 0; k + 1 < shares; k++) {
            int lo = (int) ((long) xs.length * k / shares);
            int hi = (int) ((long) xs.length * (k + 1) / shares);
            tasks.add(POOL.submit(() -> plainSum(xs, lo, hi)));
        }
        double s = plainSum(xs, (int) ((long) xs.length * (shares - 1) / shares), xs.length);
        for (int k = tasks.size() - 1; k >= 0; k--) {
            s += tasks.get(k).join();
        }
        return s;
    }

    /** @return the sum of {@code xs[lo..hi)} with eight accumulators */
    static double plainSum(double[] xs, int lo, int hi) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = lo;
        int end = lo + ((hi - lo) & ~7);
        for (; i < end; i += 8) {
            s0 += xs[i];
            s1 += xs[i + 1];
            s2 += xs[i + 2];
            s3 += xs[i + 3];
            s4 += xs[i + 4];
            s5 += xs[i + 5];
            s6 += xs[i + 6];
            s7 += xs[i + 7];
        }
        for (; i < hi; i++) {
            s0 += xs[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
