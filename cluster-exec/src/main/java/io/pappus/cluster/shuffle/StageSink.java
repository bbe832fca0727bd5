package io.pappus.cluster.shuffle;

import io.pappus.cluster.remote.ShippedLambda;

import java.io.Serializable;

/** What a stage task does with its pipeline's output. */
public sealed interface StageSink extends Serializable {

    /** Computes the pipeline's partial aggregate and returns it to the caller. */
    record Partial() implements StageSink {
    }

    /**
     * Sends each element, with its key, to target {@code hash(key) mod targets} of a shuffle;
     * or, combining on the map side, each distinct key with its partial aggregate.
     *
     * @param map     the shuffle map
     * @param shuffle the shuffle's id
     * @param side    0, or 1 for a join's right side
     * @param key     the key function; {@code null} when the element is its own key (distinct)
     * @param targets how many target partitions
     * @param combine the group aggregation to fold the partition's elements with per key before
     *                writing; {@code null} to write every element
     */
    record HashWrite(String map, String shuffle, int side, ShippedLambda key, int targets, KeyedOp.Group combine)
            implements StageSink {
    }

    /**
     * Sends each element, with its key, to the range of sorted splitters its key falls in.
     *
     * @param map        the shuffle map
     * @param shuffle    the shuffle's id
     * @param key        the key function (primitive or String keys)
     * @param splitters  the ascending upper bounds of all ranges but the last, as IR keys
     * @param descending whether target 0 holds the largest keys
     */
    record RangeWrite(String map, String shuffle, ShippedLambda key, Object[] splitters, boolean descending)
            implements StageSink {
    }

    /**
     * Returns up to {@code max} evenly spaced keys of the output, for choosing splitters.
     *
     * @param key the key function
     * @param max how many
     */
    record Sample(ShippedLambda key, int max) implements StageSink {
    }
}
