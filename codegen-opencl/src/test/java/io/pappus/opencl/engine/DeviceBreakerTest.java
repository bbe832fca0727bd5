package io.pappus.opencl.engine;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.opencl.OclEngine;
import io.pappus.testing.Point;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * orderBy, distinct and groupBy run on the device (the run log's breaker counters move and
 * explain says so) and give exactly the reference's answer, order included: a stable sort with
 * NaN, -0.0 and ties, first-occurrence distinct and groups, in-order group folds.
 */
class DeviceBreakerTest {
    private final Engine reference = Engines.local(Target.REFERENCE);
    private final OclEngine ocl = (OclEngine) Engines.local(Target.OPENCL);

    private static double[] data(int n) {
        Random rnd = new Random(42);
        double[] xs = new double[n];
        double[] special = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < n; i++) {
            xs[i] = i % 9 == 0 ? special[rnd.nextInt(special.length)] : rnd.nextInt(400) / 4.0 - 50;
        }
        return xs;
    }

    @Test
    void orderByAndDescendingAreStableAndRunOnTheDevice() {
        long before = ocl.runLog().breakerRuns("orderBy");
        DataSet<Double> xs = DataSet.from(data(3000)).map(x -> x * 2.0);
        DataSet<Double> up = xs.orderBy(x -> Math.floor(x / 10.0));
        DataSet<Double> down = xs.filter(x -> x != 4.0).orderByDescending(x -> ((int) (double) x) % 7);
        assertSame(up.on(reference).toList(), up.on(ocl).toList());
        assertSame(down.on(reference).toList(), down.on(ocl).toList());
        assertEquals(2, ocl.runLog().breakerRuns("orderBy") - before);
        String explain = ocl.explain(up.node(), new Terminal.ToList<>());
        assertTrue(explain.contains("runs on OpenCL device"), explain);
        assertTrue(explain.contains("radix sort"), explain);
        assertTrue(explain.contains("edge from fragment 2: stays on the device"), explain);
        assertTrue(explain.matches("(?s).*last breaker run: kernels [0-9.]+ ms \\([1-9][0-9]*\\), transfers.*"), explain);
    }

    @Test
    void orderByRecordsCarriesEveryColumnAndFeedsADeviceMap() {
        long before = ocl.runLog().breakerRuns("orderBy");
        List<Point> ps = new ArrayList<>();
        Random rnd = new Random(5);
        for (int i = 0; i < 2000; i++) {
            ps.add(new Point(rnd.nextInt(50), i));
        }
        DataSet<Double> q = DataSet.from(ps).orderByDescending(p -> p.x()).map(p -> p.x() * 100000 + p.y());
        assertEquals(q.on(reference).toList(), q.on(ocl).toList());
        assertEquals(q.on(reference).count(), q.on(ocl).count());
        assertEquals(2, ocl.runLog().breakerRuns("orderBy") - before);
    }

    @Test
    void distinctRunsOnTheDeviceInFirstOccurrenceOrder() {
        long before = ocl.runLog().breakerRuns("distinct");
        DataSet<Double> q = DataSet.from(data(5000)).distinct();
        assertSame(q.on(reference).toList(), q.on(ocl).toList());
        DataSet<Long> ls = DataSet.from(new long[] {5, 3, 5, Long.MIN_VALUE, 3, 9, Long.MAX_VALUE, 9}).distinct();
        assertEquals(ls.on(reference).toList(), ls.on(ocl).toList());
        assertEquals(2, ocl.runLog().breakerRuns("distinct") - before);
    }

    @Test
    void groupByCountAndReduceRunOnTheDevice() {
        long before = ocl.runLog().breakerRuns("groupBy");
        DataSet<Double> xs = DataSet.from(data(4000));
        DataSet<Pair<Long, Long>> counts = xs.groupBy(x -> (long) (x / 3.0)).count();
        DataSet<Pair<Double, Double>> sums = xs.groupBy(x -> x).reduce(Double::sum);
        DataSet<Pair<Integer, Integer>> mins = DataSet.from(new int[] {4, -2, 9, 4, 7, -2, 13, 0})
                .groupBy(x -> x % 3).reduce(Math::min);
        assertEquals(counts.on(reference).toList(), counts.on(ocl).toList());
        assertEquals(sums.on(reference).toList(), sums.on(ocl).toList());
        assertEquals(mins.on(reference).toList(), mins.on(ocl).toList());
        assertEquals(3, ocl.runLog().breakerRuns("groupBy") - before);
    }

    @Test
    void joinRunsOnTheDeviceInTheReferenceOrder() {
        long before = ocl.runLog().breakerRuns("join");
        Random rnd = new Random(9);
        int[] a = new int[3000];
        int[] b = new int[500];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextInt(1000) - 500;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextInt(1000) - 500;
        }
        DataSet<Integer> q = DataSet.from(a).join(DataSet.from(b).filter(y -> y % 3 != 0), x -> x & 63, y -> y & 63,
                (x, y) -> x * 1000 + y);
        assertEquals(q.on(reference).toList(), q.on(ocl).toList());
        DataSet<Point> pts = DataSet.from(data(400)).join(DataSet.from(data(300)), x -> x, y -> y,
                (x, y) -> new Point(x, -y));
        assertEquals(pts.on(reference).toList(), pts.on(ocl).toList());
        DataSet<Integer> none = DataSet.from(a).join(DataSet.from(new int[0]), x -> x, y -> y, (x, y) -> x + y);
        assertEquals(List.of(), none.on(ocl).toList());
        assertEquals(3, ocl.runLog().breakerRuns("join") - before);
        assertTrue(ocl.explain(q.node(), new Terminal.ToList<>()).contains("binary search per left key"));
    }

    @Test
    void zipRunsOnTheDeviceUpToTheShorterInput() {
        long before = ocl.runLog().breakerRuns("zip");
        DataSet<Double> xs = DataSet.from(data(1000));
        DataSet<Double> q = xs.zip(xs.filter(x -> x > 0.0), (a, b) -> a * 3.0 - b);
        assertSame(q.on(reference).toList(), q.on(ocl).toList());
        assertEquals(1, ocl.runLog().breakerRuns("zip") - before);
    }

    @Test
    void joinResultThatDividesByZeroThrowsJavasException() {
        DataSet<Integer> q = DataSet.from(new int[] {1, 2, 3}).join(DataSet.from(new int[] {2, 0, 3}), x -> x % 2,
                y -> y % 2, (x, y) -> x / y);
        org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class, () -> q.on(ocl).toList());
    }

    @Test
    void groupFoldsWithTheUsersLambdaRunOnTheDevice() {
        long before = ocl.runLog().breakerRuns("groupBy");
        int[] xs = new int[3000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (i * 7919) % 1001 - 500;
        }
        DataSet<Pair<Integer, Integer>> red = DataSet.from(xs).groupBy(x -> x % 7).reduce((a, b) -> a * 31 + b);
        DataSet<Pair<Integer, Long>> agg = DataSet.from(xs).groupBy(x -> x & 15)
                .aggregate(3L, (s, x) -> s * 3 + x, Long::sum);
        List<Point> ps = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ps.add(new Point(i % 13, i * 0.5));
        }
        DataSet<Pair<Double, Double>> recs = DataSet.from(ps).groupBy(p -> p.x())
                .aggregate(0.0, (s, p) -> s + p.x() * p.y(), Double::sum);
        assertEquals(red.on(reference).toList(), red.on(ocl).toList());
        assertEquals(agg.on(reference).toList(), agg.on(ocl).toList());
        assertEquals(recs.on(reference).toList(), recs.on(ocl).toList());  // exact: the same fold order
        assertEquals(3, ocl.runLog().breakerRuns("groupBy") - before);
    }

    @Test
    void stringGroupsStayOnTheJvmAndSayWhy() {
        long before = ocl.runLog().breakerRuns("groupBy");
        DataSet<Pair<Integer, Long>> q = DataSet.from(List.of("a", "bb", "c", "dd", "eee")).groupBy(s -> s.length()).count();
        assertEquals(q.on(reference).toList(), q.on(ocl).toList());
        assertEquals(0, ocl.runLog().breakerRuns("groupBy") - before);
        assertTrue(ocl.explain(q.node(), new Terminal.ToList<>()).contains("which has object columns"));
    }

    /** Doubles compared by their bits, so -0.0 and NaN must match exactly. */
    private static void assertSame(List<Double> expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Double.doubleToLongBits(expected.get(i)), Double.doubleToLongBits(actual.get(i)), "at " + i);
        }
    }
}
