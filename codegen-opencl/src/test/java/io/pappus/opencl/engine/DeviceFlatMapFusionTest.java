package io.pappus.opencl.engine;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.opencl.OclEngine;
import io.pappus.testing.Point;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lifted flatMap fused into the kernel of the fragment that reads it: each work-item runs the
 * flatMap function on its element, then the fragment's maps, filters and sink on each element
 * of the list. Reductions run as one kernel launch and equal the reference (integers exactly,
 * double sums within the reordering bound of {@link ChunkedStreamingTest}); collects come out
 * in input order, then list order, bit for bit; a failing element throws Java's exception; a
 * tiny device budget streams the flatMap's input in chunks with the same answers.
 */
class DeviceFlatMapFusionTest {
    private static final String BUDGET = "pappus.opencl.maxBufferBytes";
    private final Engine reference = Engines.local(Target.REFERENCE);
    private final OclEngine ocl = (OclEngine) Engines.local(Target.OPENCL);

    @AfterEach
    void noBudget() {
        System.clearProperty(BUDGET);
    }

    /** The last device run was one kernel launch in one chunk, and no flatMap breaker ran since {@code breakers}. */
    private void assertOneKernel(long breakers) {
        assertEquals(breakers, ocl.runLog().breakerRuns("flatMap"), "the flatMap ran as a separate breaker");
        assertEquals(1, ocl.runLog().latest().orElseThrow().chunks());
        assertEquals(1, ocl.runLog().latest().orElseThrow().timings().kernelLaunches(), "kernel launches of the fused run");
    }

    @Test
    void flatMapMapFilterIntoSumCountAndMinRunsAsOneKernel() {
        int k = 1_000_000_007;  // wraps: the device must add as Java does
        int[] is = new Random(5).ints(40_000, -1000, 1000).toArray();
        DataSet<Integer> q = DataSet.from(is).flatMap(i -> i % 3 == 0 ? List.<Integer>of() : List.of(i, i + k, i * 2))
                .map(i -> i * 7).filter(i -> i % 5 != 0);
        long breakers = ocl.runLog().breakerRuns("flatMap");
        assertEquals(q.on(reference).reduce(0, Integer::sum), q.on(ocl).reduce(0, Integer::sum));
        assertOneKernel(breakers);
        assertEquals(q.on(reference).count(), q.on(ocl).count());
        assertOneKernel(breakers);
        assertEquals(q.on(reference).reduce(Math::min), q.on(ocl).reduce(Math::min));
        assertOneKernel(breakers);
        String explain = ocl.explain(q.node(), new Terminal.Reduce<>(0, Integer::sum));
        assertTrue(explain.contains("input: flatMap of fragment(s) 2 fused into this fragment's kernel"), explain);
        assertTrue(explain.contains("flatMap1"), explain);

        double c = 0.25;
        DataSet<Double> d = DataSet.from(DeviceFlatMapTest.doubles(60_000, 3))
                .flatMap(x -> x > c ? List.of(x, -x, x * 3) : x < -1 ? List.<Double>of() : List.of(x))
                .map(y -> y * 1.5 + 0.5).filter(y -> y > -2.0);
        double want = d.on(reference).sum(y -> y);
        double got = d.on(ocl).sum(y -> y);
        assertOneKernel(breakers);
        double abs = d.on(reference).map(Math::abs).reduce(0.0, Double::sum);
        assertEquals(want, got, 2 * 180_000 * 0x1p-53 * abs);  // the reordering bound, as ChunkedStreamingTest
        assertEquals(d.on(reference).count(), d.on(ocl).count());
        assertEquals(d.on(reference).reduce(Math::min), d.on(ocl).reduce(Math::min));  // the filter drops NaN
        DataSet<Double> withNaN = DataSet.from(DeviceFlatMapTest.doubles(5_000, 8)).flatMap(x -> List.of(x, x * 2)).map(y -> y - 1.0);
        assertEquals(withNaN.on(reference).reduce(Math::min), withNaN.on(ocl).reduce(Math::min));
        assertEquals(withNaN.on(reference).reduce(Math::max), withNaN.on(ocl).reduce(Math::max));
        assertOneKernel(breakers);
    }

    @Test
    void collectThroughTheFusedKernelKeepsInputThenListOrderBitForBit() {
        long breakers = ocl.runLog().breakerRuns("flatMap");
        DataSet<Double> q = DataSet.from(DeviceFlatMapTest.doubles(30_000, 12)).flatMap(x -> x > 1 ? List.of(x, -x, x / 3) : List.of(-x))
                .filter(y -> !(y > 1.5));  // keeps NaN, -0.0 and 0.0 (negated: 0.0 and -0.0)
        List<Double> expected = q.on(reference).toList();
        DeviceFlatMapTest.assertBits(expected, q.on(ocl).toList());
        assertTrue(expected.stream().anyMatch(v -> v.isNaN()), "the data holds NaN");
        assertTrue(expected.stream().anyMatch(v -> Double.doubleToLongBits(v) == Double.doubleToLongBits(-0.0)));
        assertEquals(breakers, ocl.runLog().breakerRuns("flatMap"));
        assertTrue(ocl.explain(q.node(), new Terminal.ToList<>()).contains("fused into this fragment's kernel"));

        List<Point> ps = new ArrayList<>();
        Random rnd = new Random(9);
        for (int i = 0; i < 3000; i++) {
            ps.add(new Point(rnd.nextInt(100) - 50, i % 11 == 0 ? -0.0 : rnd.nextDouble()));
        }
        DataSet<Point> swapped = DataSet.from(ps)
                .flatMap(p -> p.x() > 0 ? List.of(p, new Point(p.y(), p.x())) : p.x() < -40 ? List.<Point>of() : List.of(p))
                .map(p -> new Point(p.x() + 1, -p.y()));
        assertEquals(swapped.on(reference).toList(), swapped.on(ocl).toList());
        assertEquals(breakers, ocl.runLog().breakerRuns("flatMap"));
        DataSet<Double> none = DataSet.from(new double[0]).flatMap(x -> List.of(x, x)).map(x -> x + 1);
        assertEquals(List.of(), none.on(ocl).toList());
        assertEquals(0.0, none.on(ocl).sum(x -> x));
    }

    @Test
    void aFailingElementInTheFunctionOrALaterStageThrowsJavasException() {
        int[] is = {3, 2, 1, 0, -1, 0};
        DataSet<Integer> inFunction = DataSet.from(is).flatMap(i -> List.of(i, 12 / i)).map(i -> i + 1);
        DataSet<Integer> inStage = DataSet.from(is).flatMap(i -> List.of(i + 1, i)).map(i -> 12 / i);
        for (DataSet<Integer> q : List.of(inFunction, inStage)) {
            ArithmeticException expected = assertThrows(ArithmeticException.class, () -> q.on(reference).reduce(0, Integer::sum));
            ArithmeticException actual = assertThrows(ArithmeticException.class, () -> q.on(ocl).reduce(0, Integer::sum));
            assertEquals(expected.getMessage(), actual.getMessage());
            expected = assertThrows(ArithmeticException.class, () -> q.on(reference).toList());
            actual = assertThrows(ArithmeticException.class, () -> q.on(ocl).toList());
            assertEquals(expected.getMessage(), actual.getMessage());
            assertTrue(ocl.explain(q.node(), new Terminal.ToList<>()).contains("fused into this fragment's kernel"));
        }
    }

    @Test
    void aTinyDeviceBudgetStreamsTheFlatMapsInputInChunks() {
        System.setProperty(BUDGET, Integer.toString(64 << 10));
        int n = 100_003;
        int[] xs = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i * 7919 % 10007 - 5000;
        }
        DataSet<Integer> q = DataSet.from(xs).flatMap(x -> x % 4 == 0 ? List.of(x, x * 3, -x) : List.of(x))
                .filter(x -> x % 5 != 0).map(x -> x * 31);
        assertEquals(q.on(reference).toList(), q.on(ocl).toList());
        assertTrue(ocl.runLog().latest().orElseThrow().chunks() > 1, "streamed in more than one chunk");
        assertEquals(q.on(reference).reduce(0, Integer::sum), q.on(ocl).reduce(0, Integer::sum));
        assertTrue(ocl.runLog().latest().orElseThrow().chunks() > 1);
        assertEquals(q.on(reference).count(), q.on(ocl).count());
        assertEquals(q.on(reference).reduce(Math::max), q.on(ocl).reduce(Math::max));
        DataSet<Double> d = DataSet.from(DeviceFlatMapTest.doubles(n, 21)).flatMap(x -> List.of(x, x * x)).filter(y -> y > 0.25);
        double want = d.on(reference).sum(y -> y);
        double abs = d.on(reference).map(Math::abs).reduce(0.0, Double::sum);
        assertEquals(want, d.on(ocl).sum(y -> y), 2 * 2 * n * 0x1p-53 * abs);
        assertTrue(ocl.runLog().latest().orElseThrow().chunks() > 1);
        DeviceFlatMapTest.assertBits(d.on(reference).toList(), d.on(ocl).toList());
    }
}
