package io.pappus.opencl;

import io.pappus.exec.IrInterpreter;
import io.pappus.opencl.codegen.ReduceOp;
import io.pappus.opencl.runtime.DeviceInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fused pipelines: compaction keeps order, reductions match Java, captured arrays, structs. */
class PipelineTest {
    private final DeviceInfo device = OclTestDevice.get();
    private final IrInterpreter interp = new IrInterpreter();

    private static double[] randoms(int n, long seed) {
        Random r = new Random(seed);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = r.nextDouble() * 2 - 1;
        }
        return xs;
    }

    @Test
    void mapThenFilterKeepsJavaOrderAcrossManyBlocks() {
        for (int n : new int[] {0, 1, 511, 512, 513, 100_000, 1_000_003}) {
            double[] xs = randoms(n, n);
            List<Stage> stages = List.of(Stage.map(Lambdas.square(), List.of()), Stage.filter(Lambdas.aboveQuarter(), List.of()));
            OclResult r = OclPipeline.run(device, stages, List.of(xs), Sink.columns());
            double[] expected = java.util.Arrays.stream(xs).map(x -> x * x).filter(x -> x > 0.25).toArray();
            assertEquals(expected.length, r.count(), "n=" + n);
            assertArrayEquals(expected, (double[]) r.columns().get(0), "n=" + n);
        }
    }

    @Test
    void sumCountMinMaxMatchJava() {
        double[] xs = randoms(1_000_000, 7);
        xs[12345] = -0.0;
        List<Stage> stages = List.of(Stage.map(Lambdas.square(), List.of()), Stage.filter(Lambdas.aboveQuarter(), List.of()));
        double[] kept = java.util.Arrays.stream(xs).map(x -> x * x).filter(x -> x > 0.25).toArray();
        double javaSum = 0;
        double abs = 0;
        for (double k : kept) {
            javaSum += k;
            abs += Math.abs(k);
        }
        OclResult sum = OclPipeline.run(device, stages, List.of(xs), Sink.reduce(ReduceOp.SUM));
        double bound = 2.0 * kept.length * Math.ulp(1.0) / 2 * abs; // 2 n u sum|x|, see ReduceOp
        assertTrue(Math.abs((Double) sum.value() - javaSum) <= bound, sum.value() + " vs " + javaSum);
        assertEquals((long) kept.length, OclPipeline.run(device, stages, List.of(xs), Sink.reduce(ReduceOp.COUNT)).value());
        assertEquals(java.util.Arrays.stream(kept).min().orElseThrow(),
                OclPipeline.run(device, stages, List.of(xs), Sink.reduce(ReduceOp.MIN)).value());
        assertEquals(java.util.Arrays.stream(kept).max().orElseThrow(),
                OclPipeline.run(device, stages, List.of(xs), Sink.reduce(ReduceOp.MAX)).value());
    }

    @Test
    void minAndMaxFollowJavaForNegativeZeroAndNaN() {
        var id = IrBuild.fn(io.pappus.ir.Type.DOUBLE, io.pappus.ir.Type.DOUBLE, x -> x);
        List<Stage> st = List.of(Stage.map(id, List.of()));
        assertEquals(-0.0, OclPipeline.run(device, st, List.of(new double[] {0.0, -0.0, 0.0}), Sink.reduce(ReduceOp.MIN)).value());
        assertEquals(0.0, OclPipeline.run(device, st, List.of(new double[] {-0.0, 0.0, -0.0}), Sink.reduce(ReduceOp.MAX)).value());
        double[] withNaN = randoms(10_000, 3);
        withNaN[9000] = Double.NaN;
        assertTrue(Double.isNaN((Double) OclPipeline.run(device, st, List.of(withNaN), Sink.reduce(ReduceOp.MIN)).value()));
    }

    @Test
    void intSumWrapsLikeJava() {
        var id = IrBuild.fn(io.pappus.ir.Type.INT, io.pappus.ir.Type.INT, x -> x);
        int[] xs = new int[300_000];
        java.util.Arrays.fill(xs, Integer.MAX_VALUE / 1000);
        int javaSum = 0;
        for (int x : xs) {
            javaSum += x;
        }
        assertEquals(javaSum, OclPipeline.run(device, List.of(Stage.map(id, List.of())), List.of(xs), Sink.reduce(ReduceOp.SUM)).value());
    }

    @Test
    void loopOverCapturedArrayMatchesTheInterpreter() {
        double[] w = {0.5, -1.25, 2.0, 3.0};
        double[] xs = randoms(5000, 11);
        Differential.check(Lambdas.weightedByCapturedArray(), List.of(w), 0, xs);
        Differential.check(Lambdas.weightedByCapturedArray(), List.of(new double[0]), 0, xs);
    }

    @Test
    void structMapWritesOneColumnPerField() {
        double[] x = {1, 2, -0.0, Double.NaN};
        double[] y = {3, 4, 5, 6};
        OclResult r = OclPipeline.run(device, List.of(Stage.map(Lambdas.swapPoint(), List.of())), List.of(x, y), Sink.columns());
        assertArrayEquals(new double[] {6, 8, 10, 12}, (double[]) r.columns().get(0));
        assertArrayEquals(new double[] {-1, -2, 0.0, Double.NaN}, (double[]) r.columns().get(1));
        Differential.check(Lambdas.swapPoint(), List.of(), 0, x, y);
    }

    @Test
    void helperFunctionsAndLongMax() {
        long[] xs = EdgeData.longs(1000, 5);
        Differential.check(Lambdas.withHelper(), List.of(), 0, xs);
        long max = Long.MIN_VALUE;
        for (long x : xs) {
            max = Math.max(max, (Long) interp.call(Lambdas.withHelper(), List.of(), x));
        }
        assertEquals(max, OclPipeline.run(device, List.of(Stage.map(Lambdas.withHelper(), List.of())), List.of(xs),
                Sink.reduce(ReduceOp.MAX)).value());
    }

    @Test
    void unsupportedShapesSayWhy() {
        var strings = IrBuild.fn(io.pappus.ir.Type.STRING, io.pappus.ir.Type.INT, x -> IrBuild.i(1));
        String why = OclPipeline.ineligibility(device, List.of(Stage.map(strings, List.of())), Sink.columns()).orElseThrow();
        assertTrue(why.contains("String"), why);
        assertTrue(OclPipeline.ineligibility(device, List.of(Stage.map(Lambdas.swapPoint(), List.of())),
                Sink.reduce(ReduceOp.SUM)).orElseThrow().contains("struct"));
        List<Object> none = new ArrayList<>();
        assertThrows(IllegalArgumentException.class, () -> OclPipeline.run(device,
                List.of(Stage.map(Lambdas.square(), List.of())), none, Sink.columns()));
    }
}
