package io.pappus.benchmarks;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.benchmarks.KMeans4.Point4;

import java.util.List;

/** W3: k-means over {@code n} 4-d points, k clusters, a fixed number of iterations. */
final class W3 {
    private W3() {
    }

    static List<Row> run(int n, int k, int iterations, int reps) throws Exception {
        Point4[] points = KMeans4.blobs(n, k, 7);
        double[] initial = KMeans4.firstK(points, k);
        Engine jvm = Engines.local(Target.JVM);
        List<Variant> variants = List.of(
                Variant.anchor("hand loop, 1 thread", () -> KMeans4Baselines.handLoop(points, initial, iterations,
                        false)),
                Variant.anchor("hand loop, parallel over the same chunks",
                        () -> KMeans4Baselines.handLoop(points, initial, iterations, true)),
                Variant.anchor("Stream.parallel() groupingBy + reducing",
                        () -> KMeans4Baselines.parallelStream(points, initial, iterations)),
                Variant.pappus("Pappus JVM, cache() (layout once per run)",
                        () -> KMeans4.pappus(points, initial, iterations, jvm, true)),
                Variant.pappus("Pappus JVM, no cache (layout every iteration)",
                        () -> KMeans4.pappus(points, initial, iterations, jvm, false)));
        String size = n + " points, k=" + k + ", " + iterations + " iterations";
        // Sums in another order move a centroid by a few ulps an iteration; 1e-9 leaves room.
        return Measure.group("W3", size, variants, a -> (double[]) a, 1e-9, reps);
    }
}
