package io.pappus.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.cluster.remote.TaskReply;
import io.pappus.testing.Results;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member killed (terminated, as a crash) in the middle of a shuffled query: while the
 * sources write the shuffle, or while the targets are finished. Buckets have backups, tasks
 * re-run on the new owners and rewrite the same buckets, so the answer is the reference's.
 */
class ShuffleFailureTest {

    @ParameterizedTest(name = "killed after reply {0}")
    @ValueSource(ints = {1, 30})
    void aMemberDyingMidShuffleCostsRetriesNotTheResult(int killAfter) {
        ClusterSettings s = TestClusters.small().withMinChunkElements(500).withChunksPerMember(8)
                .withJobTimeout(Duration.ofSeconds(60));
        try (ClusterEngine cluster = ClusterEngine.embedded(3, s)) {
            HazelcastInstance victim = cluster.instances().get(1 + killAfter % 2);
            AtomicInteger replies = new AtomicInteger();
            cluster.onReply((TaskReply r) -> {
                if (replies.incrementAndGet() == killAfter) {
                    victim.getLifecycleService().terminate();
                }
            });
            List<Pair<Integer, Double>> actual = query(DataSet.range(0, 12_000).on(cluster));
            List<Pair<Integer, Double>> expected = query(DataSet.range(0, 12_000).on(Engines.local(Target.REFERENCE)));
            Results.assertSameUnordered(expected, actual, 0);
            assertTrue(replies.get() > killAfter, "the job ended before the kill: " + replies);
            assertEquals(2, cluster.entryPoint().getCluster().getMembers().size());
        }
    }

    private static List<Pair<Integer, Double>> query(DataSet<Integer> ds) {
        return ds.map(i -> slow(i)).groupBy(x -> (int) (x * 10) % 53).aggregate(0.0, (a, x) -> a + x, Double::sum)
                .toList();
    }

    /** Enough work per element that the job is still running when the member dies. */
    static double slow(int i) {
        double s = i * 0.001;
        for (int k = 0; k < 200; k++) {
            s = s * 0.99 + 0.00001 * i;
        }
        return s;
    }
}
