package io.pappus.cluster.shuffle;

import io.pappus.cluster.remote.ShippedLambda;

import java.io.Serializable;

/**
 * The keyed operator a member finishes over one target partition of a shuffle, as IR data.
 * Its input arrives as {@code Object[]{key, element}} pairs, in source order.
 */
public sealed interface KeyedOp extends Serializable {

    /** @return the operator's name as the API spells it */
    String name();

    /** {@code groupBy(key).count()}: one {@code {key, Long}} pair per key. */
    record GroupCount() implements KeyedOp {
        @Override
        public String name() {
            return "groupBy";
        }
    }

    /**
     * {@code groupBy(key).reduce(op)}: each group's elements folded in source order.
     *
     * @param op the combining function
     */
    record GroupReduce(ShippedLambda op) implements KeyedOp {
        @Override
        public String name() {
            return "groupBy";
        }
    }

    /**
     * {@code groupBy(key).aggregate(seed, accumulate, ...)}: a whole group is in one partition,
     * so it is accumulated in source order and combine is never needed.
     *
     * @param seed       the initial accumulator, in IR form
     * @param accumulate adds one element
     */
    record GroupAggregate(Object seed, ShippedLambda accumulate) implements KeyedOp {
        @Override
        public String name() {
            return "groupBy";
        }
    }

    /** {@code distinct()}: first occurrences, in source order. */
    record Distinct() implements KeyedOp {
        @Override
        public String name() {
            return "distinct";
        }
    }

    /**
     * An inner equi-join: for each left element in order, each matching right element in order.
     *
     * @param result builds the output of a matching pair
     */
    record Join(ShippedLambda result) implements KeyedOp {
        @Override
        public String name() {
            return "join";
        }
    }

    /**
     * A stable sort of a range partition by key.
     *
     * @param descending whether the largest key comes first
     */
    record Sort(boolean descending) implements KeyedOp {
        @Override
        public String name() {
            return descending ? "orderByDescending" : "orderBy";
        }
    }
}
