package io.pappus.cluster;

import io.pappus.api.DataSet;
import io.pappus.testing.Golden;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code explain()} on a cluster says what runs on the members and what on the caller, and
 * why. Golden files under golden/explain/ (line numbers point into this file: update with
 * {@code -Dpappus.golden.update=true} after editing it, and review the diff).
 */
class ClusterExplainTest {
    private static ClusterEngine cluster;

    @BeforeAll
    static void start() {
        cluster = ClusterEngine.embedded(2, TestClusters.small());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void chainAndPartialAggregateOnMembersGroupOnTheCaller() {
        double[] xs = new double[100];
        String text = DataSet.from(xs).on(cluster).map(x -> x * 2).filter(x -> x > 1)
                .groupBy(x -> Math.floor(x)).count().explain();
        Golden.assertMatches("explain/cluster_group.txt", text);
        assertTrue(text.contains("groupBy  [caller: needs a shuffle across members (not in v1)"), text);
        assertTrue(text.contains("source double x 100  [members: 8 partitions"), text);
    }

    @Test
    void opaqueLambdaRunsOnTheCallerAndSaysWhy() {
        String text = DataSet.from(List.of("a", "bb")).on(cluster).map(s -> s.length()).filter(n -> n > 1).explain();
        Golden.assertMatches("explain/cluster_opaque.txt", text);
        assertTrue(text.contains("map  [caller: opaque lambda needs user classes: runs on the caller"), text);
        assertTrue(text.contains("filter  [caller: its input is on the caller"), text);
    }
}
