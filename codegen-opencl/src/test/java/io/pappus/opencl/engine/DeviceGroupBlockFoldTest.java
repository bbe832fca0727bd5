package io.pappus.opencl.engine;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.opencl.OclEngine;
import io.pappus.testing.Results;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two-level group fold (blocks of a group folded in parallel, partials combined in block
 * order) on the device against the reference: integers exact, groups in first-occurrence order;
 * a group of one block (up to 1024 elements) bit for bit; a larger group's floating-point sums
 * within the bound the JVM backend's chunked groups use, 4m ulps for m nonnegative terms (any
 * summation order of nonnegative terms is within 2(m-1) u relative of another).
 */
class DeviceGroupBlockFoldTest {
    private final Engine reference = Engines.local(Target.REFERENCE);
    private final OclEngine ocl = (OclEngine) Engines.local(Target.OPENCL);

    /** Running sums of a price: two doubles and a count. */
    record Sums(double total, double squares, long count) {
    }

    private static double[] prices(int n, long seed) {
        Random rnd = new Random(seed);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = 900 + rnd.nextInt(10_000_000) / 100.0;
        }
        return xs;
    }

    private static int[] ints(int n, long seed) {
        return new Random(seed).ints(n).toArray();
    }

    private static DataSet<Pair<Integer, Sums>> sums(DataSet<Double> xs, int groups) {
        return xs.groupBy(x -> (int) (x * 7) % groups)
                .aggregate(new Sums(0, 0, 0), (s, x) -> new Sums(s.total() + x, s.squares() + x * x, s.count() + 1),
                        (a, b) -> new Sums(a.total() + b.total(), a.squares() + b.squares(), a.count() + b.count()));
    }

    /** Runs {@code q} on both engines, checks the device ran a groupBy, and compares within {@code ulps}. */
    private <T> void same(DataSet<T> q, int ulps) {
        long before = ocl.runLog().breakerRuns("groupBy");
        List<T> want = q.on(reference).toList();
        List<T> got = q.on(ocl).toList();
        assertEquals(1, ocl.runLog().breakerRuns("groupBy") - before, "groupBy ran on the device");
        Results.assertSameOrdered(want, got, ulps);
    }

    @Test
    void fewHugeGroupsFoldInBlocks() {
        int n = 300_000;
        DataSet<Integer> is = DataSet.from(ints(n, 1));
        // ints wrap as Java's: +, min, max (recognised ops) and xor (a translated user reduce) are exact
        same(is.groupBy(x -> Math.floorMod(x, 3)).reduce(Integer::sum), 0);
        same(is.groupBy(x -> Math.floorMod(x, 3)).reduce(Math::min), 0);
        same(is.groupBy(x -> x & 3).reduce((a, b) -> a ^ b), 0);
        same(is.map(x -> (long) x * x).groupBy(x -> (int) (x & 1)).reduce(Long::sum), 0);
        DataSet<Double> xs = DataSet.from(prices(n, 2));
        // three groups of ~100,000 nonnegative terms
        same(xs.groupBy(x -> (int) (x * 7) % 3).reduce(Double::sum), 4 * n);
        same(xs.groupBy(x -> (int) (x * 7) % 3).reduce(Math::max), 0);
        same(sums(xs, 3), 4 * n);
        same(xs.groupBy(x -> (int) (x * 7) % 3).aggregate(0L, (c, x) -> c + (long) (double) x, Long::sum), 0);
    }

    @Test
    void manySmallGroupsAreTheInOrderFoldBitForBit() {
        DataSet<Double> xs = DataSet.from(prices(200_000, 3));
        // ~4 elements a group: every group is one block, so no partials are combined
        same(sums(xs, 50_000), 0);
        same(xs.groupBy(x -> (int) (x * 7) % 50_000).reduce(Double::sum), 0);
    }

    @Test
    void oneHugeGroupAmongManySmallOnes() {
        double[] ps = prices(200_000, 4);
        for (int i = 0; i < ps.length; i += 2) {
            ps[i] = 7.0;  // half the elements in one group of 100,000, the rest in ~10,000 small ones
        }
        DataSet<Double> xs = DataSet.from(ps);
        same(xs.groupBy(x -> x == 7.0 ? -1 : (int) (x * 7) % 10_000).reduce(Double::sum), 4 * ps.length);
        same(sums(xs.map(x -> x == 7.0 ? x : x + 1), 10_000), 4 * ps.length);
        same(xs.map(x -> (int) (double) x).groupBy(x -> x == 7 ? -1 : x % 10_000).reduce(Integer::sum), 0);
    }

    @Test
    void emptyAndOneElement() {
        same(sums(DataSet.from(new double[0]), 3), 0);
        same(DataSet.from(new int[0]).groupBy(x -> x % 3).reduce(Integer::sum), 0);
        same(sums(DataSet.from(new double[] {2.5}), 3), 0);
        same(DataSet.from(new int[] {-4}).groupBy(x -> x % 3).reduce((a, b) -> a ^ b), 0);
    }

    @Test
    void aCombineThatDoesNotTranslateFoldsEachGroupWholeBitForBit() {
        DataSet<Double> xs = DataSet.from(prices(300_000, 5));
        double[] weight = {1.0};
        // the combine captures an array: not translated, so each group is one in-order fold, as the reference's
        same(xs.groupBy(x -> (int) (x * 7) % 3).aggregate(0.0, (s, x) -> s + x, (a, b) -> a + b * weight[0]), 0);
    }
}
