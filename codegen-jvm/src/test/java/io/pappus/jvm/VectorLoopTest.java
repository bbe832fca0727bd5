package io.pappus.jvm;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Fn2;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.jvm.codegen.VectorSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Vector loops (jdk.incubator.vector) against Java on the values that break careless SIMD code:
 * NaN, infinities, signed zeros, subnormals, lengths that are not whole vectors. Runs twice in
 * the build: with the module (vector lanes) and without it (the scalar predicated loop), and
 * checks each time that the loop it expects is the one generated.
 */
class VectorLoopTest {
    private static final Engine JVM = Engines.local(Target.JVM);
    private static final Engine REF = Engines.local(Target.REFERENCE);
    private static final Fn2<Double, Double, Double> ADD = Double::sum;
    /** The pipelines below with a vector form: all (6, 7: && and || lift to & and |; 3, 4: == and | of comparisons fold to boolean operators). */
    private static final java.util.Set<Integer> LANEWISE = java.util.Set.of(0, 1, 2, 3, 4, 5, 6, 7);

    @Test
    void theModuleDecidesTheLoop() {
        boolean module = ModuleLayer.boot().findModule(VectorSupport.MODULE).isPresent();
        assertEquals(module && !"off".equals(System.getProperty("pappus.jvm.vector")), VectorSupport.enabled());
        String explain = JVM.explain(DataSet.from(new double[10]).map(x -> x * x).filter(x -> x > 0.25).node(),
                new Terminal.Reduce<>(0.0, ADD));
        assertEquals(VectorSupport.enabled(), explain.contains("vector lanes"), explain);
        assertTrue(explain.contains("predicated branch-free loop"), explain);
    }

    @Test
    void sumsAgreeWithJavaOnEdgeValuesAndOddLengths() {
        double k = 0.375;
        List<Function<DataSet<Double>, DataSet<Double>>> pipelines = List.of(
                d -> d.map(x -> x * x).filter(x -> x > 0.25),
                d -> d.map(x -> x * k + 1.0).filter(x -> x > k).filter(x -> x < 3.0),
                d -> d.map(x -> -x / 3.0).filter(x -> x != -0.1),
                d -> d.map(x -> x > 0.5 ? x : -x).filter(x -> x >= 0.25 == x <= 0.75),
                d -> d.filter(x -> x < 0.1 | x > 0.9).map(x -> x - k),
                d -> d.map(x -> x > 0.5 ? x : -x).filter(x -> !(x <= 0.25)),
                d -> d.filter(x -> x > 0.1 && x < 0.9).map(x -> x * 3.0),
                d -> d.map(x -> x - 0.5).filter(x -> x < -0.4 || x > 0.4 || x == k));
        for (int n : new int[] {0, 1, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1000, 4099}) {
            double[] xs = data(n, n);
            for (int p = 0; p < pipelines.size(); p++) {
                DataSet<Double> jvm = pipelines.get(p).apply(DataSet.from(xs).on(JVM));
                DataSet<Double> ref = pipelines.get(p).apply(DataSet.from(xs).on(REF));
                String where = "pipeline " + p + ", n = " + n;
                List<Double> terms = ref.toList();
                assertEquals(ref.count(), jvm.count(), where);
                assertClose(ref.reduce(0.0, ADD), jvm.reduce(0.0, ADD), terms, where);
                assertClose(ref.reduce(-0.0, ADD), jvm.reduce(-0.0, ADD), terms, where);
                assertClose(ref.sum(x -> x * 2.0), jvm.sum(x -> x * 2.0), terms, where);
                if (!terms.isEmpty()) {
                    assertClose(ref.average(x -> x), jvm.average(x -> x), terms, where);
                }
                if (n == 4099) {
                    String explain = jvm.engine().explain(jvm.node(), new Terminal.Reduce<>(0.0, ADD));
                    boolean lanes = VectorSupport.enabled() && LANEWISE.contains(p);
                    assertEquals(lanes, explain.contains("vector lanes"), where + "\n" + explain);
                }
            }
        }
    }

    @Test
    void capturedConstantsAreBoundPerRun() {
        double[] xs = data(100_003, 7);
        for (double limit : new double[] {0.1, 0.5, 0.9}) {
            double expected = DataSet.from(xs).on(REF).filter(x -> x > limit).map(x -> x * limit).reduce(0.0, ADD);
            DataSet<Double> q = DataSet.from(xs).on(JVM).filter(x -> x > limit).map(x -> x * limit);
            List<Double> terms = DataSet.from(xs).on(REF).filter(x -> x > limit).map(x -> x * limit).toList();
            assertClose(expected, q.reduce(0.0, ADD), terms, "limit " + limit);
            assertEquals(DataSet.from(xs).on(REF).filter(x -> x > limit).count(),
                    DataSet.from(xs).on(JVM).filter(x -> x > limit).count());
        }
    }

    /** Random values in [0, 1) with NaN, infinities, signed zeros and subnormals sprinkled in. */
    private static double[] data(int n, long seed) {
        Random r = new Random(seed);
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
                Double.MIN_VALUE, -Double.MIN_VALUE, 0.25, 0.5, 0.75, 0.9, 0.1};
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = r.nextInt(8) == 0 ? special[r.nextInt(special.length)] : r.nextDouble();
        }
        return xs;
    }

    /** NaN and infinities exactly; finite sums within 2 (n-1) eps sum|x| (see Predication). */
    private static void assertClose(double expected, double actual, List<Double> terms, String where) {
        boolean zeros = terms.stream().allMatch(t -> t == 0.0);
        if (Double.isNaN(expected) || Double.isInfinite(expected) || zeros) {
            assertEquals(expected, actual, where);  // a sum of zeros keeps Java's sign: JUnit tells them apart
            return;
        }
        double abs = 0;
        for (double t : terms) {
            abs += Math.abs(t) * 2.0;
        }
        double bound = 2.0 * terms.size() * Math.ulp(1.0) / 2 * abs;
        assertTrue(Math.abs(expected - actual) <= bound, where + ": " + expected + " vs " + actual + " bound " + bound);
    }
}
