package io.pappus.opencl.engine;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.opencl.OclEngine;
import io.pappus.testing.Point;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fragments that should run on the device really do (the engine's run counter moves and
 * explain() shows device kernel time), and those that should not say why. Engines.local may
 * share one engine between tests, so runs are counted as differences.
 */
class DevicePlacementTest {
    private final Engine reference = Engines.local(Target.REFERENCE);

    private static OclEngine ocl() {
        return (OclEngine) Engines.local(Target.OPENCL);
    }

    @Test
    void mapFilterReduceRunsOnTheDeviceAndExplainShowsItsTimes() {
        OclEngine e = ocl();
        long before = e.runLog().deviceRuns();
        double[] xs = new double[100_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (i % 1000) / 1000.0;
        }
        DataSet<Double> q = DataSet.from(xs).map(x -> x * x).filter(x -> x > 0.25);
        double expected = q.on(reference).reduce(0.0, Double::sum);
        double actual = q.on(e).reduce(0.0, Double::sum);
        assertEquals(expected, actual, 1e-9 * Math.abs(expected));
        assertEquals(1, e.runLog().deviceRuns() - before);
        String explain = e.explain(q.node(), new io.pappus.api.query.Terminal.Reduce<>(0.0, Double::sum));
        assertTrue(explain.contains("runs on: OpenCL device " + e.device().name()), explain);
        assertTrue(explain.contains("/* 001 */"), explain);
        assertTrue(explain.matches("(?s).*last run: kernels [0-9.]+ ms \\([1-9][0-9]*\\).*"), explain);
        assertTrue(!explain.contains("kernels 0.000 ms"), explain);
    }

    @Test
    void countSumAverageMinMaxAndToListRunOnTheDevice() {
        OclEngine e = ocl();
        long before = e.runLog().deviceRuns();
        int[] xs = {5, -3, 8, 0, 12, 7, -9, 4};
        DataSet<Integer> q = DataSet.from(xs).map(x -> x * 3).filter(x -> x % 2 == 0);
        assertEquals(q.on(reference).count(), q.on(e).count());
        assertEquals(q.on(reference).sum(x -> x), q.on(e).sum(x -> x));
        assertEquals(q.on(reference).average(x -> x), q.on(e).average(x -> x));
        assertEquals(q.on(reference).reduce(Integer::max), q.on(e).reduce(Integer::max));
        assertEquals(q.on(reference).reduce(100, Math::min), q.on(e).reduce(100, Math::min));
        assertEquals(q.on(reference).toList(), q.on(e).toList());
        assertEquals(6, e.runLog().deviceRuns() - before);
    }

    @Test
    void recordColumnsRunOnTheDevice() {
        OclEngine e = ocl();
        long before = e.runLog().deviceRuns();
        List<Point> ps = List.of(new Point(1, 2), new Point(-3, 4), new Point(5, -6));
        DataSet<Point> q = DataSet.from(ps).map(p -> new Point(p.x() * 2, p.y() + 1)).filter(p -> p.x() > 0);
        assertEquals(q.on(reference).toList(), q.on(e).toList());
        assertEquals(1, e.runLog().deviceRuns() - before);
    }

    @Test
    void generalReduceAndGroupByRunOnTheJvmAndSayWhy() {
        OclEngine e = ocl();
        long before = e.runLog().deviceRuns();
        int[] xs = {1, 2, 3, 4, 5, 6};
        DataSet<Integer> q = DataSet.from(xs).map(x -> x + 1);
        assertEquals(q.on(reference).reduce((a, b) -> a ^ b), q.on(e).reduce((a, b) -> a ^ b));
        assertEquals(0, e.runLog().deviceRuns() - before);
        String why = e.explain(q.node(), new io.pappus.api.query.Terminal.ReduceOptional<Integer>((a, b) -> a ^ b));
        assertTrue(why.contains("general reduce has no device kernel yet"), why);
        Optional<Integer> any = q.on(e).reduce(Integer::sum);
        assertEquals(q.on(reference).reduce(Integer::sum), any);
        assertEquals(1, e.runLog().deviceRuns() - before);
    }
}
