package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Lloyd's k-means on points in the plane: each iteration assigns every point to its nearest
 * centroid and moves each centroid to the mean of its points, until no centroid moves more than
 * {@code eps} or {@code maxIterations} have run. The points are {@code cache()}d, so an engine
 * lays them out (or copies them to a device) once, not once per iteration.
 *
 * <pre>
 * java io.pappus.samples.KMeans --points=1000000 --k=8 --explain
 * </pre>
 */
public final class KMeans {
    /** A point in the plane. */
    record Point(double x, double y) {
    }

    /** The running sum of a cluster's points; immutable, as a group's seed must be. */
    record Sum(double x, double y, long n) {
    }

    /**
     * @param centroids  the final centroids, flat: x0, y0, x1, y1, ...
     * @param iterations how many iterations ran
     */
    record Result(double[] centroids, int iterations) {
    }

    private KMeans() {
    }

    /**
     * The index of the centroid nearest to {@code p}, a plain loop over a flat array: the lifter
     * inlines it, and a flat {@code double[]} travels to a device as one buffer.
     *
     * @param p         the point
     * @param centroids x0, y0, x1, y1, ...
     * @return the index of the nearest centroid; the lowest index on a tie
     */
    static int nearest(Point p, double[] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length / 2; c++) {
            double dx = p.x() - centroids[2 * c];
            double dy = p.y() - centroids[2 * c + 1];
            double distance = dx * dx + dy * dy;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    /**
     * @param points        the points
     * @param initial       the starting centroids, flat
     * @param maxIterations the most iterations to run
     * @param eps           stop once no centroid moves further than this
     * @param engine        where to run
     * @return the centroids and the iteration count
     */
    static Result cluster(List<Point> points, double[] initial, int maxIterations, double eps, Engine engine) {
        DataSet<Point> cached = DataSet.from(points).on(engine).cache();
        double[] centroids = initial.clone();
        int iteration = 0;
        try (Progress progress = Progress.start("k-means", maxIterations)) {
            while (iteration < maxIterations) {
                iteration++;
                double[] current = centroids;
                centroids = moveCentroids(current, clusterSums(cached, current).toList());
                progress.step();
                if (maxShift(current, centroids) < eps) {
                    break;
                }
            }
        }
        return new Result(centroids, iteration);
    }

    /**
     * One iteration's query: the points grouped by nearest centroid, each group summed.
     *
     * @param points    the points
     * @param centroids the centroids, flat; the lambda captures the array
     * @return (centroid index, sum of its points), one per non-empty cluster
     */
    static DataSet<Pair<Integer, Sum>> clusterSums(DataSet<Point> points, double[] centroids) {
        return points.groupBy(p -> nearest(p, centroids))
                .aggregate(new Sum(0, 0, 0),
                        (s, p) -> new Sum(s.x() + p.x(), s.y() + p.y(), s.n() + 1),
                        (a, b) -> new Sum(a.x() + b.x(), a.y() + b.y(), a.n() + b.n()));
    }

    /** @return each centroid moved to the mean of its points; one without points stays put */
    private static double[] moveCentroids(double[] old, List<Pair<Integer, Sum>> sums) {
        double[] next = old.clone();
        for (Pair<Integer, Sum> group : sums) {
            Sum s = group.second();
            next[2 * group.first()] = s.x() / s.n();
            next[2 * group.first() + 1] = s.y() / s.n();
        }
        return next;
    }

    static double maxShift(double[] a, double[] b) {
        double max = 0;
        for (int c = 0; c < a.length / 2; c++) {
            max = Math.max(max, Math.hypot(a[2 * c] - b[2 * c], a[2 * c + 1] - b[2 * c + 1]));
        }
        return max;
    }

    /** @return the same algorithm with plain loops and arrays */
    static Result clusterPlainJava(List<Point> points, double[] initial, int maxIterations, double eps) {
        int k = initial.length / 2;
        double[] centroids = initial.clone();
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            double[] sumX = new double[k];
            double[] sumY = new double[k];
            long[] n = new long[k];
            for (Point p : points) {
                int c = nearest(p, centroids);
                sumX[c] += p.x();
                sumY[c] += p.y();
                n[c]++;
            }
            double[] next = centroids.clone();
            for (int c = 0; c < k; c++) {
                if (n[c] > 0) {
                    next[2 * c] = sumX[c] / n[c];
                    next[2 * c + 1] = sumY[c] / n[c];
                }
            }
            boolean converged = maxShift(centroids, next) < eps;
            centroids = next;
            if (converged) {
                break;
            }
        }
        return new Result(centroids, iteration);
    }

    /**
     * {@code k} round blobs (standard deviation 1) whose centres sit evenly on a circle of radius
     * 8, shuffled together.
     *
     * @return the points and the blob centres, flat
     */
    static Pair<List<Point>, double[]> blobs(int n, int k, long seed) {
        double[] centres = new double[2 * k];
        for (int c = 0; c < k; c++) {
            centres[2 * c] = 8 * Math.cos(2 * Math.PI * c / k);
            centres[2 * c + 1] = 8 * Math.sin(2 * Math.PI * c / k);
        }
        Random rnd = new Random(seed);
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(k);
            points.add(new Point(centres[2 * c] + rnd.nextGaussian(), centres[2 * c + 1] + rnd.nextGaussian()));
        }
        return Pair.of(points, centres);
    }

    /**
     * Starting centroids by farthest-first traversal: the first point, then each time the point
     * farthest from all centroids so far. Deterministic, and it starts in every blob when the
     * blobs are apart.
     *
     * @return {@code k} points, flat
     */
    static double[] farthestFirst(List<Point> points, int k) {
        double[] chosen = new double[2 * k];
        double[] distance = new double[points.size()];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        Point next = points.get(0);
        for (int c = 0; c < k; c++) {
            chosen[2 * c] = next.x();
            chosen[2 * c + 1] = next.y();
            int farthest = 0;
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                distance[i] = Math.min(distance[i], Math.hypot(p.x() - next.x(), p.y() - next.y()));
                if (distance[i] > distance[farthest]) {
                    farthest = i;
                }
            }
            next = points.get(farthest);
        }
        return chosen;
    }

    /**
     * Runs the sample and checks it: the same iteration count as plain Java and every centroid
     * within 1e-9 relative (an engine may add a cluster's points in another order).
     *
     * @return the outcome
     */
    static Outcome run(int n, int k, int maxIterations, Engine engine) {
        List<Point> points = blobs(n, k, 7).first();
        double[] initial = farthestFirst(points, k);
        double eps = 1e-6;
        long t0 = System.nanoTime();
        Result result = cluster(points, initial, maxIterations, eps, engine);
        double pappusMillis = Outcome.millisSince(t0);
        t0 = System.nanoTime();
        Result expected = clusterPlainJava(points, initial, maxIterations, eps);
        double plainMillis = Outcome.millisSince(t0);
        boolean ok = result.iterations() == expected.iterations();
        for (int i = 0; i < initial.length; i++) {
            ok &= Outcome.close(result.centroids()[i], expected.centroids()[i], 1e-9);
        }
        StringBuilder text = new StringBuilder(result.iterations() + " iterations, centroids");
        for (int c = 0; c < k; c++) {
            text.append(String.format(" (%.2f, %.2f)", result.centroids()[2 * c], result.centroids()[2 * c + 1]));
        }
        return new Outcome("k-means (" + n + " points, k=" + k + ")", text.toString(), ok, pappusMillis, plainMillis);
    }

    /**
     * @param args {@code --points=N} (default 20,000), {@code --k=K} (default 4),
     *             {@code --iterations=I} (at most; default 20), {@code --explain}
     */
    public static void main(String[] args) {
        Flags flags = Flags.parse(args, Set.of("points", "k", "iterations"));
        int n = flags.intValue("points", 20_000);
        int k = flags.intValue("k", 4);
        run(n, k, flags.intValue("iterations", 20), Engines.defaultEngine()).print(System.out);
        if (flags.explain()) {
            List<Point> points = blobs(n, k, 7).first();
            System.out.println(clusterSums(DataSet.from(points).cache(), farthestFirst(points, k)).explain());
        }
    }
}
