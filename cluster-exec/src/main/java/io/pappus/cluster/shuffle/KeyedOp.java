package io.pappus.cluster.shuffle;

import io.pappus.cluster.remote.ShippedLambda;
import io.pappus.ir.Type;

import java.io.Serializable;

/**
 * The keyed operator a member finishes over one target partition of a shuffle, as IR data.
 * Its input arrives as {@code Object[]{key, element}} pairs, in source order.
 */
public sealed interface KeyedOp extends Serializable {

    /** @return the operator's name as the API spells it */
    String name();

    /**
     * A groupBy aggregation, which a source partition can fold per key before the shuffle
     * (map-side combining): it then writes one {@code {key, partial}} pair per distinct key,
     * and the target merges the partials in source-partition order.
     */
    sealed interface Group extends KeyedOp {
        @Override
        default String name() {
            return "groupBy";
        }

        /** @param element the IR type of the group's elements @return the IR type of a partial */
        Type partialType(Type element);
    }

    /** {@code groupBy(key).count()}: one {@code {key, Long}} pair per key; partials are counts, added. */
    record GroupCount() implements Group {
        @Override
        public Type partialType(Type element) {
            return Type.LONG;
        }
    }

    /**
     * {@code groupBy(key).reduce(op)}: each group's elements folded in source order. Partials
     * are folds of a partition's elements, folded in partition order with the same
     * (associative, as the API requires) function.
     *
     * @param op the combining function
     */
    record GroupReduce(ShippedLambda op) implements Group {
        @Override
        public Type partialType(Type element) {
            return element;
        }
    }

    /**
     * {@code groupBy(key).aggregate(seed, accumulate, combine)}: without map-side combining a
     * whole group is in one partition, so it is accumulated in source order and combine is never
     * needed; with it, each partition's accumulators (from the seed) are merged with combine.
     *
     * @param seed       the initial accumulator, in IR form
     * @param accumulate adds one element
     * @param combine    merges two accumulators
     */
    record GroupAggregate(Object seed, ShippedLambda accumulate, ShippedLambda combine) implements Group {
        @Override
        public Type partialType(Type element) {
            return accumulate.ir().args().get(0).type();
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
