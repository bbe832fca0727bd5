package io.pappus.cluster.shuffle;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.StageChecks;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a stage's output into a shuffle: each element with its key, into the bucket of its
 * target (by hash, or by the range of sorted splitters its key falls in); a bucket is two
 * columns, keys and elements (no keys for distinct). A group aggregation that combines on the
 * map side writes one {@code {key, partial}} pair per distinct key instead. Every target gets a
 * bucket, empty or not, so a missing bucket means lost data, never "no elements". Or, for
 * choosing splitters, returns a sample of keys.
 */
final class ShuffleWriter {
    private final HazelcastInstance member;

    ShuffleWriter(HazelcastInstance member) {
        this.member = member;
    }

    /**
     * @param sink        where to
     * @param source      this task's source partition
     * @param elementType the IR type of the output elements
     * @param keyType     the IR type of their keys
     * @param out         the pipeline's output elements
     * @param keys        their keys (the elements themselves for distinct)
     * @param counts      the pipeline's element counts
     * @return {@link ChunkResult.Done} with the sample, or with the number of pairs written
     * @throws KeyedFinish.Failed when a lambda threw while combining on the map side
     */
    ChunkResult write(StageSink sink, int source, Type elementType, Type keyType, List<Object> out, List<Object> keys,
                      long[] counts) {
        if (sink instanceof StageSink.Sample s) {
            int n = Math.min(s.max(), keys.size());
            Object[] sample = new Object[n];
            for (int i = 0; i < n; i++) {
                sample[i] = keys.get((int) ((long) i * keys.size() / n));
            }
            return new ChunkResult.Done(counts, sample);
        }
        if (sink instanceof StageSink.HashWrite h && h.combine() != null) {
            // One {key, partial} pair per distinct key, in first-occurrence order, replaces the elements.
            List<Object[]> partials = new KeyedFinish().fold(h.combine(), pairs(keys, out));
            List<Object> partialKeys = new ArrayList<>(partials.size());
            List<Object> values = new ArrayList<>(partials.size());
            for (Object[] kv : partials) {
                partialKeys.add(kv[0]);
                values.add(kv[1]);
            }
            return scatter(sink, source, h.combine().partialType(elementType), keyType, values, partialKeys, counts);
        }
        return scatter(sink, source, elementType, keyType, out, keys, counts);
    }

    private ChunkResult scatter(StageSink sink, int source, Type elementType, Type keyType, List<Object> out,
                                List<Object> keys, long[] counts) {
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
        List<List<Object>> bucketKeys = new ArrayList<>(targets);
        List<List<Object>> bucketElements = new ArrayList<>(targets);
        for (int t = 0; t < targets; t++) {
            bucketKeys.add(new ArrayList<>());
            bucketElements.add(new ArrayList<>());
        }
        for (int i = 0; i < keys.size(); i++) {
            int t = sink instanceof StageSink.RangeWrite r ? range(keys.get(i), r) : IrKey.target(keys.get(i), targets);
            bucketKeys.get(t).add(keys.get(i));
            bucketElements.get(t).add(out.get(i));
        }
        // Columnar buckets ({keys, elements}, primitive arrays where the type allows) serialise
        // far faster than one small array per element.
        Map<ShuffleKey, Object[]> batch = new HashMap<>();
        for (int t = 0; t < targets; t++) {
            Object keyColumn = sink instanceof StageSink.HashWrite h && h.key() == null ? null
                    : StageChecks.chunk(keyType, bucketKeys.get(t)).column();
            batch.put(new ShuffleKey(shuffle, side, t, source),
                    new Object[] {keyColumn, StageChecks.chunk(elementType, bucketElements.get(t)).column()});
        }
        IMap<ShuffleKey, Object[]> m = member.getMap(map);
        m.putAll(batch);
        return new ChunkResult.Done(counts, (long) keys.size());
    }

    private static List<Object[]> pairs(List<Object> keys, List<Object> elements) {
        List<Object[]> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            out.add(new Object[] {keys.get(i), elements.get(i)});
        }
        return out;
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
