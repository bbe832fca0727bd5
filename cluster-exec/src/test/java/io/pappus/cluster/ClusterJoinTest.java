package io.pappus.cluster;

import io.pappus.api.DataSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A client joins a running cluster and runs queries on it with no change to the query. */
class ClusterJoinTest {

    @Test
    void aClientRunsQueriesOnAnExistingCluster() {
        try (ClusterEngine members = ClusterEngine.embedded(2, TestClusters.small())) {
            String name = members.entryPoint().getConfig().getClusterName();
            String address = members.entryPoint().getCluster().getLocalMember().getAddress().getHost() + ":"
                    + members.entryPoint().getCluster().getLocalMember().getAddress().getPort();
            try (ClusterEngine client = ClusterEngine.join(TestClusters.small().withClusterName(name), address)) {
                assertEquals(List.of(0, 2, 4), DataSet.range(0, 3).on(client).map(i -> i * 2).toList());
                assertEquals(4950.0, DataSet.range(0, 100).on(client).filter(i -> i >= 0).sum(i -> i));
                // Shuffles travel from a client too.
                assertEquals(List.of(2, 1, 0), DataSet.range(0, 100).on(client).map(i -> i % 3).distinct()
                        .orderByDescending(i -> i).toList());
            }
        }
    }
}
