package io.pappus.cluster.shuffle;

import io.pappus.cluster.remote.ChunkKey;
import io.pappus.ir.Type;

import java.io.Serializable;
import java.util.List;

/** Where a stage task's elements come from. */
public sealed interface StageInput extends Serializable {

    /**
     * A chunk of a source, in the chunk map.
     *
     * @param map the chunk map
     * @param key the chunk
     */
    record FromChunk(String map, ChunkKey key) implements StageInput {
    }

    /**
     * One target partition of a shuffle, finished with a keyed operator.
     *
     * @param map       the shuffle map
     * @param shuffle   the shuffle's id
     * @param target    the target partition
     * @param sources   how many source partitions wrote buckets, per side
     * @param sideTypes the IR type of each side's elements
     * @param keyType   the IR type of the keys
     * @param op        the operator that finishes the partition
     * @param combined  whether the buckets hold partials of the group aggregation {@code op},
     *                  one per key and source partition, and {@code sideTypes} their type
     */
    record FromShuffle(String map, String shuffle, int target, List<Integer> sources, List<Type> sideTypes,
                       Type keyType, KeyedOp op, boolean combined) implements StageInput {
        public FromShuffle {
            sources = List.copyOf(sources);
            sideTypes = List.copyOf(sideTypes);
        }
    }
}
