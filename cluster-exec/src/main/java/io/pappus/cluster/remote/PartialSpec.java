package io.pappus.cluster.remote;

import java.io.Serializable;

/**
 * The partial aggregate a member computes over its chunk after the pipeline's steps; the
 * caller combines the chunks' partials in partition order. Every lambda is IR.
 */
public sealed interface PartialSpec extends Serializable {

    /** @return the terminal's name, e.g. {@code sum} */
    String name();

    /** The chunk's output elements, in order (toList, and inputs of caller-side operators). */
    record Collect() implements PartialSpec {
        @Override
        public String name() {
            return "toList";
        }
    }

    /** Nothing but the element count, which every result carries. */
    record Count() implements PartialSpec {
        @Override
        public String name() {
            return "count";
        }
    }

    /**
     * The sequential sum of {@code f} over the chunk, as a {@code Double} (sum and average).
     *
     * @param f    the summand
     * @param name {@code sum} or {@code average}
     */
    record Sum(ShippedLambda f, String name) implements PartialSpec {
    }

    /**
     * A fold of the chunk's elements with {@code op}, without identity: the caller applies the
     * identity once, as the sequential fold does.
     *
     * @param op the combining function
     */
    record Fold(ShippedLambda op) implements PartialSpec {
        @Override
        public String name() {
            return "reduce";
        }
    }

    /**
     * A fold of the chunk's elements into an accumulator starting at {@code seed}.
     *
     * @param seed       the initial accumulator, in IR form
     * @param accumulate adds one element to an accumulator
     */
    record Accumulate(Object seed, ShippedLambda accumulate) implements PartialSpec {
        @Override
        public String name() {
            return "aggregate";
        }
    }

    /**
     * The chunk's first element with the smallest (or largest) key, with that key.
     *
     * @param key the key function; its result is a primitive or a String
     * @param max whether the largest key wins
     */
    record Extreme(ShippedLambda key, boolean max) implements PartialSpec {
        @Override
        public String name() {
            return max ? "maxBy" : "minBy";
        }
    }
}
