package io.pappus.plan.fragment;

import io.pappus.plan.LambdaSite;

/**
 * Where a fragment's pipeline ends: a terminal fold, or materialised columns that feed a
 * pipeline breaker or the caller's {@code toList()}.
 */
public sealed interface Sink {

    /** @return a short name for explain and generated headers */
    String name();

    /** The elements, in order, as columns. */
    record Collect() implements Sink {
        @Override
        public String name() {
            return "collect";
        }
    }

    /**
     * {@code reduce(identity, op)}, or {@code reduce(op)} when {@code optional}.
     *
     * @param op       the combining lambda
     * @param identity the identity (Java value), unused when optional
     * @param optional whether the result is an {@code Optional}
     */
    record Reduce(LambdaSite op, Object identity, boolean optional) implements Sink {
        @Override
        public String name() {
            return "reduce";
        }
    }

    /**
     * {@code aggregate(seed, accumulate, combine)}.
     *
     * @param seed       the seed (Java value)
     * @param accumulate adds one element
     * @param combine    merges partial accumulators
     */
    record Aggregate(Object seed, LambdaSite accumulate, LambdaSite combine) implements Sink {
        @Override
        public String name() {
            return "aggregate";
        }
    }

    /** {@code count()}. */
    record Count() implements Sink {
        @Override
        public String name() {
            return "count";
        }
    }

    /**
     * {@code sum(f)} or {@code average(f)}.
     *
     * @param f       the summand
     * @param average whether to divide by the count
     */
    record Sum(LambdaSite f, boolean average) implements Sink {
        @Override
        public String name() {
            return average ? "average" : "sum";
        }
    }

    /**
     * {@code minBy(key)} or {@code maxBy(key)}: the first element with the extreme key.
     *
     * @param key the key lambda
     * @param max whether the largest key wins
     */
    record Extreme(LambdaSite key, boolean max) implements Sink {
        @Override
        public String name() {
            return max ? "maxBy" : "minBy";
        }
    }
}
