package io.pappus.cluster;

import io.pappus.api.DataSet;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.TaskReply;
import io.pappus.cluster.run.Scheduling;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Heterogeneous members: three embedded members advertise throughputs 1, 1 and 4
 * ({@code pappus.throughput}); each gets a share of the source in proportion, counted from the
 * elements its tasks read.
 */
class ThroughputSizingTest {

    @Test
    void eachMemberGetsWorkInProportionToItsThroughput() {
        ClusterSettings s = TestClusters.small().withChunksPerMember(16)
                .withScheduling(Scheduling.defaults().withSpeculation(false).withThroughputs(List.of(1.0, 1.0, 4.0)));
        try (ClusterEngine cluster = ClusterEngine.embedded(3, s)) {
            Map<String, Long> elements = new ConcurrentHashMap<>();
            cluster.onReply((TaskReply r) -> elements.merge(r.member(), ((ChunkResult.Done) r.result()).counts()[0], Long::sum));
            int n = 60_000;
            assertEquals((long) n * (n - 1) / 2, DataSet.range(0, n).on(cluster).map(i -> (long) i).reduce(0L, Long::sum));
            assertEquals(n, elements.values().stream().mapToLong(Long::longValue).sum(), elements::toString);
            for (int i = 0; i < 3; i++) {
                String a = cluster.instances().get(i).getCluster().getLocalMember().getAddress().toString();
                double share = elements.getOrDefault(a, 0L) / (double) n;
                double want = i == 2 ? 4.0 / 6 : 1.0 / 6;
                assertTrue(Math.abs(share - want) < 0.01, "member " + i + " got " + share + " of the elements, want "
                        + want + ": " + elements);
            }
        }
    }
}
