package io.pappus.opencl.aparapi;

import com.aparapi.Kernel;
import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.opencl.OclEngine;
import io.pappus.opencl.OclTestDevice;
import io.pappus.opencl.exec.MemoryBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's Aparapi kernel as a stage between Pappus queries, on PoCL, in the same JVM as
 * JOCL: results match the same computation written as lambdas on the reference engine; it ran
 * through OpenCL on the engine's device; chunks follow the memory budget; and a kernel Aparapi
 * cannot translate is reported as a fallback, or fails when OpenCL is required. The device may
 * contract {@code x * x + 1.0} into one fused multiply-add (OpenCL allows it and Aparapi has no
 * switch for it), so values agree with Java's within 1 ulp.
 */
class AparapiStageTest {
    private final Engine reference = Engines.local(Target.REFERENCE);

    @AfterEach
    void reset() {
        System.clearProperty(MemoryBudget.PROPERTY);
    }

    /** out = in * in + 1, hand-written. */
    static final class SquarePlusOne extends Kernel implements ColumnKernel {
        private double[] in;
        private double[] out;

        @Override
        public void bind(Object[] inputs, Object[] outputs) {
            in = (double[]) inputs[0];
            out = (double[]) outputs[0];
        }

        @Override
        public void run() {
            int i = getGlobalId();
            out[i] = in[i] * in[i] + 1.0;
        }
    }

    /** Calls through an interface: Aparapi cannot translate it and reverts to its thread pool. */
    static final class ThroughAnInterface extends Kernel implements ColumnKernel {
        private final DoubleUnaryOperator f = x -> x * x + 1.0;
        private double[] in;
        private double[] out;

        @Override
        public void bind(Object[] inputs, Object[] outputs) {
            in = (double[]) inputs[0];
            out = (double[]) outputs[0];
        }

        @Override
        public void run() {
            int i = getGlobalId();
            out[i] = f.applyAsDouble(in[i]);
        }
    }

    private static void assertWithinOneUlp(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertTrue(Math.abs(want[i] - got[i]) <= Math.ulp(want[i]), "at " + i + ": " + got[i] + " vs " + want[i]);
        }
    }

    private static double[] data(int n) {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = ((i * 7919L) % 10007) / 10007.0 - 0.3;
        }
        return xs;
    }

    @Test
    void aHandWrittenKernelRunsBetweenTwoQueriesOnThePlacedDevice() {
        OclTestDevice.get();
        OclEngine e = (OclEngine) Engines.local(Target.OPENCL);
        DataSet<Double> upstream = DataSet.from(data(20_000)).filter(x -> x > 0.0);
        List<Double> want = upstream.on(reference).map(x -> x * x + 1.0).toList();
        try (AparapiStage<SquarePlusOne> stage = AparapiStage.of(new SquarePlusOne(), double.class).requireOpenCl(true)) {
            DataSet<Double> out = stage.mapToDouble(upstream, Double.class, e);
            assertWithinOneUlp(want.stream().mapToDouble(Double::doubleValue).toArray(),
                    out.on(reference).toList().stream().mapToDouble(Double::doubleValue).toArray());
            AparapiRun run = stage.lastRun();
            assertTrue(run.openCl(), run.explain());
            assertTrue(run.ranOn().contains(e.device().name()), run.explain());
            assertEquals(e.device().name(), run.device());
            double total = out.filter(x -> x > 1.25).on(e).reduce(0.0, Double::sum);
            double expected = DataSet.from(want.stream().mapToDouble(Double::doubleValue).toArray())
                    .filter(x -> x > 1.25).on(reference).reduce(0.0, Double::sum);
            assertEquals(expected, total, 1e-9 * Math.abs(expected));
        }
    }

    @Test
    void inputLargerThanTheBudgetRunsInChunks() {
        System.setProperty(MemoryBudget.PROPERTY, Integer.toString(32 << 10));
        double[] xs = data(30_000);
        try (AparapiStage<SquarePlusOne> stage = AparapiStage.of(new SquarePlusOne(), double.class)) {
            double[] out = (double[]) stage.run(OclTestDevice.get(), List.of(xs)).get(0);
            double[] want = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                want[i] = xs[i] * xs[i] + 1.0;
            }
            assertWithinOneUlp(want, out);
            assertTrue(stage.lastRun().chunks() > 1, stage.lastRun().explain());
            assertTrue(stage.lastRun().openCl(), stage.lastRun().explain());
        }
    }

    @Test
    void aFallbackToTheJavaThreadPoolIsReportedOrFails() {
        double[] xs = data(1000);
        try (AparapiStage<ThroughAnInterface> stage = AparapiStage.of(new ThroughAnInterface(), double.class)) {
            double[] out = (double[]) stage.run(OclTestDevice.get(), List.of(xs)).get(0);
            for (int i = 0; i < xs.length; i++) {
                assertEquals(xs[i] * xs[i] + 1.0, out[i], "the thread pool runs Java's arithmetic");
            }
            AparapiRun run = stage.lastRun();
            assertFalse(run.openCl(), run.explain());
            assertNotNull(run.fallbackWhy());
            assertTrue(run.explain().contains("FELL BACK"), run.explain());
        }
        try (AparapiStage<ThroughAnInterface> strict = AparapiStage.of(new ThroughAnInterface(), double.class)
                .requireOpenCl(true)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> strict.run(OclTestDevice.get(), List.of(xs)));
            assertTrue(e.getMessage().contains(ThroughAnInterface.class.getName()), e.getMessage());
        }
    }
}
