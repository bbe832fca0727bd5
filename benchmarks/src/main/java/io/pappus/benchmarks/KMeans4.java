package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Pair;

import java.util.List;
import java.util.Random;

/**
 * W3's k-means in four dimensions, written as a Pappus user would: the samples' 2-d
 * {@code KMeans} with a 4-d point. A fixed number of iterations, so every variant does the
 * same work.
 */
final class KMeans4 {
    /** A point in four dimensions. */
    record Point4(double a, double b, double c, double d) {
    }

    /** The running sum of a cluster's points. */
    record Sum4(double a, double b, double c, double d, long n) {
        static final Sum4 ZERO = new Sum4(0, 0, 0, 0, 0);

        Sum4 plus(Point4 p) {
            return new Sum4(a + p.a(), b + p.b(), c + p.c(), d + p.d(), n + 1);
        }

        Sum4 plus(Sum4 o) {
            return new Sum4(a + o.a, b + o.b, c + o.c, d + o.d, n + o.n);
        }
    }

    private KMeans4() {
    }

    /** @return the index of the centroid nearest to {@code p}; centroids flat, 4 numbers each */
    static int nearest(Point4 p, double[] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length / 4; c++) {
            double da = p.a() - centroids[4 * c];
            double db = p.b() - centroids[4 * c + 1];
            double dc = p.c() - centroids[4 * c + 2];
            double dd = p.d() - centroids[4 * c + 3];
            double distance = da * da + db * db + dc * dc + dd * dd;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    /** @return {@code iterations} Lloyd steps on Pappus over a cached data set */
    static double[] pappus(Point4[] points, double[] initial, int iterations, Engine engine, boolean cache) {
        DataSet<Point4> data = DataSet.from(points).on(engine);
        DataSet<Point4> source = cache ? data.cache() : data;
        double[] centroids = initial;
        for (int i = 0; i < iterations; i++) {
            double[] current = centroids;
            List<Pair<Integer, Sum4>> sums = source.groupBy(p -> nearest(p, current))
                    .aggregate(Sum4.ZERO, (s, p) -> new Sum4(s.a() + p.a(), s.b() + p.b(), s.c() + p.c(),
                                    s.d() + p.d(), s.n() + 1),
                            (x, y) -> new Sum4(x.a() + y.a(), x.b() + y.b(), x.c() + y.c(), x.d() + y.d(),
                                    x.n() + y.n()))
                    .toList();
            double[] next = current.clone();
            for (Pair<Integer, Sum4> g : sums) {
                move(next, g.first(), g.second());
            }
            centroids = next;
        }
        return centroids;
    }

    /** Moves centroid {@code c} to the mean of its points; one without points stays put. */
    static void move(double[] centroids, int c, Sum4 s) {
        if (s.n() > 0) {
            centroids[4 * c] = s.a() / s.n();
            centroids[4 * c + 1] = s.b() / s.n();
            centroids[4 * c + 2] = s.c() / s.n();
            centroids[4 * c + 3] = s.d() / s.n();
        }
    }

    /**
     * {@code k} blobs (standard deviation 1) with centres uniform in [-10, 10)^4, shuffled.
     *
     * @return the points
     */
    static Point4[] blobs(int n, int k, long seed) {
        Random rnd = new Random(seed);
        double[] centres = rnd.doubles(4L * k, -10, 10).toArray();
        Point4[] points = new Point4[n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(k);
            points[i] = new Point4(centres[4 * c] + rnd.nextGaussian(), centres[4 * c + 1] + rnd.nextGaussian(),
                    centres[4 * c + 2] + rnd.nextGaussian(), centres[4 * c + 3] + rnd.nextGaussian());
        }
        return points;
    }

    /** @return the first {@code k} points, flat: deterministic starting centroids */
    static double[] firstK(Point4[] points, int k) {
        double[] c = new double[4 * k];
        for (int i = 0; i < k; i++) {
            c[4 * i] = points[i].a();
            c[4 * i + 1] = points[i].b();
            c[4 * i + 2] = points[i].c();
            c[4 * i + 3] = points[i].d();
        }
        return c;
    }
}
