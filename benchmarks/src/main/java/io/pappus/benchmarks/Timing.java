package io.pappus.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Medians of repeated runs, after warm-up runs the JIT can compile. Each timed run starts after
 * a full collection ({@link #collectBetweenRuns}), so it pays for its own garbage only.
 */
final class Timing {
    /** Keeps results reachable so the JIT cannot drop the work that made them. */
    private static volatile Object sink;
    /**
     * Whether each timed run starts after a full collection: for workloads that allocate (records
     * in and out); not for W1, whose few-millisecond runs allocate nothing and lose more to the
     * collection's aftermath than they gain (floor 1.3-1.6 ms without, 1.8-3.9 ms with).
     */
    static volatile boolean collectBetweenRuns = true;

    private Timing() {
    }

    /**
     * @param run  the work
     * @param reps timed runs; {@code max(1, reps / 2)} untimed runs go first
     * @return the median wall time of the timed runs, in milliseconds
     */
    static double medianMs(Callable<Object> run, int reps) throws Exception {
        for (int i = 0; i < Math.max(1, reps / 2); i++) {
            sink = run.call();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            if (collectBetweenRuns) {
                sink = null;
                System.gc();  // the garbage of earlier runs and variants is not this run's pause (W2: 80-170 ms young pauses)
            }
            long t0 = System.nanoTime();
            sink = run.call();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        ms.sort(null);
        return ms.get(ms.size() / 2);
    }
}
