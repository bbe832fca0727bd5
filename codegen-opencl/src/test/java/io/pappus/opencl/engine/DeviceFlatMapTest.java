package io.pappus.opencl.engine;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.opencl.OclEngine;
import io.pappus.testing.Point;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lifted flatMap runs on the device and gives the reference's elements in the reference's
 * order, bit for bit: fused into the kernel of the fragment that reads it (each work-item runs
 * the function, then the fragment's stages on each slot), or, where the fragment only collects
 * its output, as a breaker (its function as a kernel returning a count and slots, then a prefix
 * sum places the elements); what follows it stays on the device. Opaque functions keep it on
 * the JVM with their reason. {@link DeviceFlatMapFusionTest} covers the fused reductions.
 */
class DeviceFlatMapTest {
    private final Engine reference = Engines.local(Target.REFERENCE);
    private final OclEngine ocl = (OclEngine) Engines.local(Target.OPENCL);

    /** @return n doubles in [-2, 2), every 7th one NaN, a zero, an infinity or 0.5 */
    static double[] doubles(int n, long seed) {
        Random rnd = new Random(seed);
        double[] special = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5};
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i % 7 == 0 ? special[rnd.nextInt(special.length)] : rnd.nextDouble() * 4 - 2;
        }
        return xs;
    }

    /** Asserts equal lists of doubles, bit for bit (NaN payloads and -0.0 included). */
    static void assertBits(List<Double> expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Double.doubleToLongBits(expected.get(i)), Double.doubleToLongBits(actual.get(i)), "at " + i);
        }
    }

    @Test
    void listsOfEveryLengthComeOutInInputAndListOrderFusedIntoTheReadingFragment() {
        long before = ocl.runLog().breakerRuns("flatMap");
        double c = 0.5;
        DataSet<Double> q = DataSet.from(doubles(50_000, 11)).map(x -> x * 2.0)
                .flatMap(x -> x > c ? List.of(x, -x, x * 3) : x < -1 ? List.<Double>of() : List.of(x))
                .map(y -> y + 1.0);
        assertBits(q.on(reference).toList(), q.on(ocl).toList());
        assertEquals(q.on(reference).count(), q.on(ocl).count());
        assertEquals(0, ocl.runLog().breakerRuns("flatMap") - before, "fused: no separate flatMap run");
        String explain = ocl.explain(q.node(), new Terminal.ToList<>());
        assertTrue(explain.contains("input: flatMap of fragment(s) 2 fused into this fragment's kernel on OpenCL device"),
                explain);
        assertTrue(explain.contains("edge from fragment 2: read by fragment 1's kernel, into which the flatMap is fused;"
                + " stays on the device"), explain);
        assertTrue(explain.contains("last run: fragment 2 -> 1: stayed on the device for fragment 1's kernel"), explain);
    }

    @Test
    void intsWithACapturedValueFeedADeviceSortAndRecordsExpandFieldByField() {
        int k = 1_000_000_007;  // wraps: the device must add as Java does
        int[] is = new Random(4).ints(20_000, -500, 500).toArray();
        DataSet<Integer> q = DataSet.from(is).flatMap(i -> i % 3 == 0 ? List.<Integer>of() : List.of(i, i + k, i * 2))
                .filter(i -> i % 5 != 0).orderBy(i -> i % 100);
        assertEquals(q.on(reference).toList(), q.on(ocl).toList());
        assertEquals(q.on(reference).reduce(0, Integer::sum), q.on(ocl).reduce(0, Integer::sum));
        List<Point> ps = new ArrayList<>();
        Random rnd = new Random(9);
        for (int i = 0; i < 3000; i++) {
            ps.add(new Point(rnd.nextInt(100) - 50, i % 11 == 0 ? -0.0 : rnd.nextDouble()));
        }
        DataSet<Point> swapped = DataSet.from(ps).flatMap(p -> p.x() > 0 ? List.of(p, new Point(p.y(), p.x())) : List.of(p));
        assertEquals(swapped.on(reference).toList(), swapped.on(ocl).toList());
        long before = ocl.runLog().breakerRuns("flatMap");
        assertEquals(swapped.on(reference).count(), swapped.on(ocl).count());  // fused: a count of the slots
        assertEquals(before, ocl.runLog().breakerRuns("flatMap"));
        String explain = ocl.explain(swapped.node(), new Terminal.ToList<>());
        assertTrue(explain.contains("input: flatMap of fragment(s) 2 runs on OpenCL"), explain);
        assertTrue(explain.contains("not fused into this fragment's kernel: the fragment has no stage or reduction"), explain);
    }

    @Test
    void emptyInputAndAllEmptyListsGiveNothing() {
        DataSet<Double> none = DataSet.from(new double[0]).flatMap(x -> List.of(x, x));
        assertEquals(List.of(), none.on(ocl).toList());
        DataSet<Double> allEmpty = DataSet.from(doubles(1000, 11)).flatMap(x -> Math.abs(x) > 5 && !Double.isInfinite(x) ? List.of(x) : List.<Double>of());
        assertEquals(allEmpty.on(reference).toList(), allEmpty.on(ocl).toList());
        assertEquals(0, allEmpty.on(ocl).toList().size());
    }

    @Test
    void aFailingElementThrowsJavasExceptionAndOpaqueFunctionsStayOnTheJvm() {
        int[] is = {3, 2, 1, 0, -1};
        DataSet<Integer> q = DataSet.from(is).flatMap(i -> List.of(i, 12 / i));
        ArithmeticException expected = assertThrows(ArithmeticException.class, () -> q.on(reference).toList());
        ArithmeticException actual = assertThrows(ArithmeticException.class, () -> q.on(ocl).toList());
        assertEquals(expected.getMessage(), actual.getMessage());
        DataSet<Double> opaque = DataSet.from(doubles(100, 11)).flatMap(x -> Arrays.asList(x, x + 1));
        String explain = ocl.explain(opaque.node(), new Terminal.ToList<>());
        assertTrue(explain.contains("opaque flatMap function at"), explain);
        assertBits(opaque.on(reference).toList(), opaque.on(ocl).toList());
    }
}
