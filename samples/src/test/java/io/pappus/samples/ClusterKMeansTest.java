package io.pappus.samples;

import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.cluster.ClusterEngine;
import io.pappus.samples.KMeans.Point;
import io.pappus.samples.KMeans.Result;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterKMeansTest {
    @Test
    void theClusterFindsWhatPlainJavaAndTheReferenceFind() {
        int k = 4;
        List<Point> points = KMeans.blobs(4_000, k, 5).first();
        double[] initial = KMeans.farthestFirst(points, k);
        Result expected = KMeans.clusterPlainJava(points, initial, 30, 1e-9);
        Result reference = KMeans.cluster(points, initial, 30, 1e-9, Engines.local(Target.REFERENCE));
        Result onCluster;
        try (ClusterEngine cluster = ClusterEngine.embedded(2)) {
            onCluster = KMeans.cluster(points, initial, 30, 1e-9, cluster);
        }
        assertEquals(expected.iterations(), onCluster.iterations());
        assertEquals(reference.iterations(), onCluster.iterations());
        for (int i = 0; i < 2 * k; i++) {
            assertEquals(expected.centroids()[i], onCluster.centroids()[i], 1e-9 * Math.abs(expected.centroids()[i]));
            assertEquals(reference.centroids()[i], onCluster.centroids()[i], 1e-9 * Math.abs(reference.centroids()[i]));
        }
    }

    @Test
    void theSampleChecksItself() {
        Outcome o = ClusterKMeans.run(3_000, 3, 20);
        assertTrue(o.matches(), o::toString);
        assertTrue(o.sample().contains("2-member cluster"), o.sample());
    }
}
