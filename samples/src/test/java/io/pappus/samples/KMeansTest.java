package io.pappus.samples;

import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.samples.KMeans.Point;
import io.pappus.samples.KMeans.Result;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansTest {
    @OnEveryEngine
    void agreesWithPlainJavaAndFindsTheBlobs(Target target) {
        int k = 5;
        Pair<List<Point>, double[]> blobs = KMeans.blobs(5_000, k, 3);
        List<Point> points = blobs.first();
        double[] initial = KMeans.farthestFirst(points, k);
        Result result = KMeans.cluster(points, initial, 30, 1e-9, Engines.local(target));
        Result expected = KMeans.clusterPlainJava(points, initial, 30, 1e-9);

        assertEquals(expected.iterations(), result.iterations());
        for (int i = 0; i < 2 * k; i++) {
            // A cluster's sum may be added in another order: 1e-9 relative is far above that.
            assertEquals(expected.centroids()[i], result.centroids()[i], 1e-9 * Math.abs(expected.centroids()[i]));
        }
        // Each blob centre has a centroid nearby: ~1,000 points of spread 1 give a mean within ~0.03.
        double[] centres = blobs.second();
        for (int c = 0; c < k; c++) {
            Point centre = new Point(centres[2 * c], centres[2 * c + 1]);
            int nearest = KMeans.nearest(centre, result.centroids());
            double distance = Math.hypot(centre.x() - result.centroids()[2 * nearest],
                    centre.y() - result.centroids()[2 * nearest + 1]);
            assertTrue(distance < 0.15, "blob " + c + " is " + distance + " from its centroid");
        }
    }

    @OnEveryEngine
    void stopsAtMaxIterations(Target target) {
        List<Point> points = KMeans.blobs(500, 3, 1).first();
        Result result = KMeans.cluster(points, KMeans.farthestFirst(points, 3), 1, 0, Engines.local(target));
        assertEquals(1, result.iterations());
    }
}
