package io.pappus.api.query;

import java.util.List;

import io.pappus.api.Fn;
import io.pappus.api.Fn2;

/**
 * {@code groupBy(key)} followed by one aggregation per group; yields
 * {@link io.pappus.api.Pair}{@code (key, aggregate)} in unspecified order. Keys are equal
 * when {@link Object#equals} says so (so all NaN keys form one group, and -0.0 and 0.0 two).
 *
 * @param input the operator's input
 * @param key   the user's key function
 * @param agg   the aggregation applied to each group
 */
public record GroupOp(Node input, Fn<?, ?> key, Agg agg) implements Node {

    @Override
    public List<Node> inputs() {
        return List.of(input);
    }

    @Override
    public String opName() {
        return "groupBy";
    }

    /** The aggregation of one group. */
    public sealed interface Agg permits Reduce, Count, Aggregate {
        /** @return a short name for plans */
        String name();
    }

    /**
     * Folds the group's elements with {@code op}, in input order.
     *
     * @param op the user's combining function
     */
    public record Reduce(Fn2<?, ?, ?> op) implements Agg {
        @Override
        public String name() {
            return "reduce";
        }
    }

    /** Counts the group's elements, as a {@code Long}. */
    public record Count() implements Agg {
        @Override
        public String name() {
            return "count";
        }
    }

    /**
     * Folds the group's elements into an accumulator that starts at {@code seed}.
     *
     * @param seed       the initial accumulator, shared by every group; must be immutable
     * @param accumulate adds one element to an accumulator
     * @param combine    merges two partial accumulators
     */
    public record Aggregate(Object seed, Fn2<?, ?, ?> accumulate, Fn2<?, ?, ?> combine) implements Agg {
        @Override
        public String name() {
            return "aggregate";
        }
    }
}
