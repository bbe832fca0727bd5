/**
 * The member side of shuffles, as data and tasks: a {@link io.pappus.cluster.shuffle.StageTask}
 * reads one partition (a source chunk, or a shuffle target's buckets, finished with a
 * {@link io.pappus.cluster.shuffle.KeyedOp}: group, distinct, join or sort), runs the map/filter
 * pipeline, and returns a partial aggregate or writes its output into the shuffle map by key
 * ({@link io.pappus.cluster.shuffle.ShuffleKey}, one Hazelcast partition per target); a groupBy
 * aggregation that combines on the map side writes one partial per key instead. Classes
 * here are on the members' deserialisation allow-list; every task is validated before it runs.
 */
package io.pappus.cluster.shuffle;
