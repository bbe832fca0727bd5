package io.pappus.cluster.shuffle;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.ShippedLambda;
import io.pappus.exec.IrInterpreter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a stage's output into a shuffle: each element with its key, into the bucket of its
 * target (by hash, or by the range of sorted splitters its key falls in). Every target gets a
 * bucket, empty or not, so a missing bucket means lost data, never "no elements". Or, for
 * choosing splitters, returns a sample of keys.
 */
final class ShuffleWriter {
    private final HazelcastInstance member;
    private final IrInterpreter interpreter = new IrInterpreter();

    ShuffleWriter(HazelcastInstance member) {
        this.member = member;
    }

    /**
     * @param sink   where to
     * @param source this task's source partition
     * @param out    the pipeline's output elements
     * @param counts the pipeline's element counts
     * @param stage  the index reported when a key function throws
     * @return {@link ChunkResult.Done} with the sample (or nothing), or the key function's failure
     */
    ChunkResult write(StageSink sink, int source, List<Object> out, long[] counts, int stage) {
        ShippedLambda keyFn = sink instanceof StageSink.HashWrite h ? h.key()
                : sink instanceof StageSink.RangeWrite r ? r.key() : ((StageSink.Sample) sink).key();
        Object[] keys = new Object[out.size()];
        for (int i = 0; i < keys.length; i++) {
            try {
                keys[i] = keyFn == null ? out.get(i) : interpreter.call(keyFn.ir(), keyFn.captures(), out.get(i));
            } catch (RuntimeException e) {
                return new ChunkResult.ElementFailed(stage, i, out.get(i), e.getClass().getName(), e.getMessage());
            }
        }
        if (sink instanceof StageSink.Sample s) {
            int n = Math.min(s.max(), keys.length);
            Object[] sample = new Object[n];
            for (int i = 0; i < n; i++) {
                sample[i] = keys[(int) ((long) i * keys.length / n)];
            }
            return new ChunkResult.Done(counts, sample);
        }
        int targets;
        String shuffle;
        String map;
        int side = 0;
        if (sink instanceof StageSink.HashWrite h) {
            targets = h.targets();
            shuffle = h.shuffle();
            map = h.map();
            side = h.side();
        } else {
            StageSink.RangeWrite r = (StageSink.RangeWrite) sink;
            targets = r.splitters().length + 1;
            shuffle = r.shuffle();
            map = r.map();
        }
        List<List<Object[]>> buckets = new ArrayList<>(targets);
        for (int t = 0; t < targets; t++) {
            buckets.add(new ArrayList<>());
        }
        for (int i = 0; i < keys.length; i++) {
            int t = sink instanceof StageSink.RangeWrite r ? range(keys[i], r) : IrKey.target(keys[i], targets);
            buckets.get(t).add(new Object[] {keys[i], out.get(i)});
        }
        Map<ShuffleKey, Object[]> batch = new HashMap<>();
        for (int t = 0; t < targets; t++) {
            batch.put(new ShuffleKey(shuffle, side, t, source), buckets.get(t).toArray());
        }
        IMap<ShuffleKey, Object[]> m = member.getMap(map);
        m.putAll(batch);
        return new ChunkResult.Done(counts, null);
    }

    /** The number of splitters below the key: equal keys share a target; descending counts from the top. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int range(Object key, StageSink.RangeWrite r) {
        Object[] s = r.splitters();
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (((Comparable) s[mid]).compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return r.descending() ? s.length - lo : lo;
    }
}
