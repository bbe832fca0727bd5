package io.pappus.cluster.shuffle;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.pappus.cluster.remote.InvalidTaskException;
import io.pappus.cluster.remote.StageChecks;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks the buckets of one shuffle target, side by side, in source-partition order. */
final class ShuffleReader {
    private ShuffleReader() {
    }

    /**
     * @param member the member that owns the target
     * @param fs     the target
     * @return each side's {@code {key, element}} pairs in source order, or {@code null} when a bucket is gone
     */
    static List<List<Object[]>> read(HazelcastInstance member, StageInput.FromShuffle fs) {
        if (fs.sources().size() != fs.sideTypes().size() || fs.sources().isEmpty() || fs.sources().size() > 2) {
            throw new InvalidTaskException("shuffle " + fs.shuffle() + " has " + fs.sources().size() + " sides");
        }
        IMap<ShuffleKey, Object> map = member.getMap(fs.map());
        List<List<Object[]>> sides = new ArrayList<>();
        for (int side = 0; side < fs.sources().size(); side++) {
            Set<ShuffleKey> keys = new LinkedHashSet<>();
            for (int c = 0; c < fs.sources().get(side); c++) {
                keys.add(new ShuffleKey(fs.shuffle(), side, fs.target(), c));
            }
            Map<ShuffleKey, Object> got = map.getAll(keys);
            if (got.size() != keys.size()) {
                return null;
            }
            List<Object[]> pairs = new ArrayList<>();
            Type elementType = fs.sideTypes().get(side);
            boolean keyed = !(fs.op() instanceof KeyedOp.Distinct);
            for (ShuffleKey k : keys) {
                if (!(got.get(k) instanceof Object[] bucket) || bucket.length != 2) {
                    throw new InvalidTaskException("bucket " + k + " is not a {keys, elements} pair of columns");
                }
                List<Object> elements = StageChecks.values(elementType, bucket[1], "elements of bucket " + k);
                List<Object> ks = keyed ? StageChecks.values(fs.keyType(), bucket[0], "keys of bucket " + k) : elements;
                if (ks.size() != elements.size()) {
                    throw new InvalidTaskException("bucket " + k + " has " + ks.size() + " keys for " + elements.size()
                            + " elements");
                }
                for (int i = 0; i < ks.size(); i++) {
                    pairs.add(new Object[] {ks.get(i), elements.get(i)});
                }
            }
            sides.add(pairs);
        }
        return sides;
    }
}
