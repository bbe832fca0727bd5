package io.pappus.benchmarks;

import io.pappus.benchmarks.KMeans4.Point4;
import io.pappus.benchmarks.KMeans4.Sum4;
import io.pappus.jvm.exec.ChunkRunner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.Collectors;

/** W3's k-means without Pappus: plain loops over flat accumulators, and parallel streams. */
final class KMeans4Baselines {
    private static final ForkJoinPool POOL = new ForkJoinPool(ChunkRunner.threads());

    private KMeans4Baselines() {
    }

    /** @return the centroids after {@code iterations} steps, one thread or over Pappus' chunks */
    static double[] handLoop(Point4[] points, double[] initial, int iterations, boolean parallel) {
        int k = initial.length / 4;
        double[] centroids = initial;
        for (int it = 0; it < iterations; it++) {
            double[] current = centroids;
            double[] acc;  // per centroid: sum a, b, c, d, count
            if (parallel) {
                int[] b = ChunkRunner.chunks(points.length);
                List<ForkJoinTask<double[]>> tasks = new ArrayList<>();
                for (int t = 0; t + 1 < b.length; t++) {
                    int lo = b[t];
                    int hi = b[t + 1];
                    tasks.add(POOL.submit(() -> accumulate(points, lo, hi, current, k)));
                }
                acc = new double[5 * k];
                for (ForkJoinTask<double[]> t : tasks) {
                    double[] part = t.join();
                    for (int i = 0; i < acc.length; i++) {
                        acc[i] += part[i];
                    }
                }
            } else {
                acc = accumulate(points, 0, points.length, current, k);
            }
            double[] next = current.clone();
            for (int c = 0; c < k; c++) {
                KMeans4.move(next, c, new Sum4(acc[5 * c], acc[5 * c + 1], acc[5 * c + 2], acc[5 * c + 3],
                        (long) acc[5 * c + 4]));
            }
            centroids = next;
        }
        return centroids;
    }

    private static double[] accumulate(Point4[] points, int lo, int hi, double[] centroids, int k) {
        double[] acc = new double[5 * k];
        for (int i = lo; i < hi; i++) {
            Point4 p = points[i];
            int c = KMeans4.nearest(p, centroids);
            acc[5 * c] += p.a();
            acc[5 * c + 1] += p.b();
            acc[5 * c + 2] += p.c();
            acc[5 * c + 3] += p.d();
            acc[5 * c + 4]++;
        }
        return acc;
    }

    /** @return the centroids, each step a parallel stream grouped by nearest centroid */
    static double[] parallelStream(Point4[] points, double[] initial, int iterations) {
        double[] centroids = initial;
        for (int it = 0; it < iterations; it++) {
            double[] current = centroids;
            Map<Integer, Sum4> sums = Arrays.stream(points).parallel().collect(Collectors.groupingBy(
                    p -> KMeans4.nearest(p, current), Collectors.reducing(Sum4.ZERO, Sum4.ZERO::plus, Sum4::plus)));
            double[] next = current.clone();
            sums.forEach((c, s) -> KMeans4.move(next, c, s));
            centroids = next;
        }
        return centroids;
    }
}
