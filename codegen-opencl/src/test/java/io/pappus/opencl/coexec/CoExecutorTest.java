package io.pappus.opencl.coexec;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.jvm.JvmEngine;
import io.pappus.lift.LambdaLifter;
import io.pappus.opencl.OclTestDevice;
import io.pappus.opencl.exec.DevicePlacer;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.plan.LogicalPlanner;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.FragmentPlanner;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM and the OpenCL device share one fragment through one queue, and the combined result
 * is the one device's: exact for integers and collected elements, floating-point sums within
 * the regrouping bound. Rates are set so that both devices take several chunks.
 */
class CoExecutorTest {
    private static final int N = 400_000;
    private final JvmEngine jvm = new JvmEngine(LambdaLifter.shared()::lift);
    private final Engine reference = Engines.local(Target.REFERENCE);

    private CoExecutor.Result shared(DataSet<?> ds, Terminal<?> t) {
        DeviceInfo device = OclTestDevice.get();
        Fragment f = new FragmentPlanner().cut(new LogicalPlanner(LambdaLifter.shared()::lift).plan(ds.node(), t));
        DevicePlacer.Placed placed = new DevicePlacer(device, null).place(f);
        assertTrue(placed.onDevice(), placed.reason());
        // equal, slow predicted rates: each device starts with the smallest chunks
        CoExecutor.Result r = CoExecutor.run(f, t, placed, device, jvm, 1e-6, 1e-6);
        long total = 0;
        for (CoExecutor.DeviceRun run : r.runs()) {
            assertTrue(run.chunks() > 0, "each device took work: " + r.runs());
            total += run.elements();
        }
        assertEquals(N, total, "every element taken once");
        return r;
    }

    private static int[] ints() {
        int[] xs = new int[N];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < N; i++) {
            xs[i] = r.nextInt();
        }
        return xs;
    }

    @Test
    void integerReduceIsExact() {
        DataSet<Integer> ds = DataSet.from(ints()).map(x -> x * 31 + 7).filter(x -> (x & 3) != 0);
        Terminal.Reduce<Integer> t = new Terminal.Reduce<>(0, Integer::sum);
        assertEquals(ds.on(reference).reduce(0, Integer::sum), shared(ds, t).value());
    }

    @Test
    void countAndMaxAreExact() {
        DataSet<Integer> ds = DataSet.from(ints()).filter(x -> x % 5 == 1);
        assertEquals(ds.on(reference).count(), shared(ds, new Terminal.Count()).value());
        Terminal.ReduceOptional<Integer> max = new Terminal.ReduceOptional<>(Math::max);
        assertEquals(ds.on(reference).reduce(Math::max), shared(ds, max).value());
    }

    @Test
    void collectKeepsInputOrder() {
        DataSet<Long> ds = DataSet.from(ints()).map(x -> (long) x * x).filter(x -> x % 3 == 0);
        Object got = shared(ds, new Terminal.ToList<>()).value();
        assertEquals(ds.on(reference).toList(), got);
    }

    @Test
    void doubleSumIsWithinTheRegroupingBound() {
        double[] xs = new double[N];
        for (int i = 0; i < N; i++) {
            xs[i] = Math.sin(i) * 1000;
        }
        DataSet<Double> ds = DataSet.from(xs).map(x -> x * 1.5 + 0.25);
        double expected = ds.on(reference).sum(x -> x);
        double got = (Double) shared(ds, new Terminal.Sum(SUMMAND)).value();
        double abs = 0;
        for (double x : xs) {
            abs += Math.abs(x * 1.5 + 0.25);
        }
        double u = Math.ulp(1.0) / 2;
        double gamma = N * u / (1 - N * u);
        assertEquals(expected, got, 2 * gamma * abs);
    }

    @Test
    void emptyInputGivesTheIdentity() {
        DataSet<Integer> ds = DataSet.from(new int[0]).map(x -> x + 1);
        Fragment f = new FragmentPlanner().cut(new LogicalPlanner(LambdaLifter.shared()::lift)
                .plan(ds.node(), new Terminal.Reduce<>(5, Integer::sum)));
        DeviceInfo device = OclTestDevice.get();
        DevicePlacer.Placed placed = new DevicePlacer(device, null).place(f);
        CoExecutor.Result r = CoExecutor.run(f, new Terminal.Reduce<>(5, Integer::sum), placed, device, jvm, 1, 1);
        assertEquals(5, r.value());
    }

    private static final io.pappus.api.ToDoubleFn<Double> SUMMAND = x -> x;
}
