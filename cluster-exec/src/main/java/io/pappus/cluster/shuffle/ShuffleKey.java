package io.pappus.cluster.shuffle;

import com.hazelcast.partition.PartitionAware;

import java.io.Serializable;

/**
 * Where one bucket of a shuffle lives: what one source partition of one side sends to one
 * target partition. Every bucket of a target lives in the same Hazelcast partition (the
 * partition key is the shuffle and target), so the member that finishes the target reads
 * them all locally.
 *
 * @param shuffle the shuffle's id
 * @param side    0, or 1 for a join's right side
 * @param target  the target partition
 * @param source  the source partition that wrote it
 */
public record ShuffleKey(String shuffle, int side, int target, int source)
        implements PartitionAware<String>, Serializable {

    /**
     * @param shuffle a shuffle
     * @param target  one of its target partitions
     * @return the key that places a target's buckets and the task that finishes it
     */
    public static String partitionKey(String shuffle, int target) {
        return shuffle + "/" + target;
    }

    @Override
    public String getPartitionKey() {
        return partitionKey(shuffle, target);
    }
}
