package io.pappus.cluster.fragment;

import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.cluster.remote.RemoteStep;

import java.util.function.IntToLongFunction;

/**
 * The elements entering each step of a compiled chunk run, then the partial aggregate: what the
 * caller needs to number elements across chunks. Only filters change the count, so it is known
 * up to the first filter; after a filter it is the run's own final count when that is the last
 * filter and the run reported one, else a count of the prefix through that filter, run by the
 * same backend.
 */
public final class StepCounts {
    private StepCounts() {
    }

    /**
     * @param p           the pipeline
     * @param n           the chunk's elements
     * @param finalCount  the elements that reached the partial, or -1 when the run's result does not say
     * @param prefixCount the elements leaving the first {@code k} steps, for a {@code k} that ends in a filter
     * @return {@code steps + 1} counts
     */
    public static long[] of(RemotePipeline p, int n, long finalCount, IntToLongFunction prefixCount) {
        int steps = p.steps().size();
        long[] counts = new long[steps + 1];
        int last = lastFilter(p);
        long cur = n;
        for (int s = 0; s < steps; s++) {
            counts[s] = cur;
            if (p.steps().get(s).kind() == RemoteStep.Kind.FILTER) {
                cur = finalCount >= 0 && last == s ? finalCount : prefixCount.applyAsLong(s + 1);
            }
        }
        counts[steps] = cur;
        return counts;
    }

    private static int lastFilter(RemotePipeline p) {
        for (int s = p.steps().size() - 1; s >= 0; s--) {
            if (p.steps().get(s).kind() == RemoteStep.Kind.FILTER) {
                return s;
            }
        }
        return -1;
    }
}
