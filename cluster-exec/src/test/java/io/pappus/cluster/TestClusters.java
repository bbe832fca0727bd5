package io.pappus.cluster;

import java.time.Duration;

/** Settings for clusters under test: small partitions, so a 100-element source spans several members. */
final class TestClusters {
    private TestClusters() {
    }

    /** @return settings that cut sources into partitions of 8+ elements, at most 4 per member */
    static ClusterSettings small() {
        return ClusterSettings.defaults().withClusterName("pappus-test").withMinChunkElements(8).withChunksPerMember(4)
                .withJobTimeout(Duration.ofSeconds(60));
    }
}
