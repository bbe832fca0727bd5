package io.pappus.jvm;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * zip inside the fused loop: both sides read at the same index, the zip's function inlined
 * before the stages; every answer compared with the reference engine's.
 */
class JvmZipFusionTest {
    record Point(double x, double y) {
    }

    private final Engine jvm = Engines.local(Target.JVM);
    private final Engine ref = Engines.local(Target.REFERENCE);
    private final double[] xs = new Random(3).doubles(70_001).toArray();
    private final int[] ks = new Random(4).ints(50_000, -1000, 1000).toArray();

    @Test
    void zipOfTwoSourcesIsOneLoopAndAgreesWithReference() {
        DataSet<Double> q = DataSet.from(xs).zip(DataSet.from(ks), (x, k) -> x * k).filter(v -> v > 10.0);
        String plan = q.on(jvm).explain();
        assertTrue(plan.contains("zip fused into this loop"), plan);
        assertTrue(plan.contains("zip_"), plan);
        assertFalse(plan.contains("runs with reference semantics"), plan);
        assertEquals(q.on(ref).toList(), q.on(jvm).toList());
        assertEquals(q.on(ref).count(), q.on(jvm).count());
        double a = q.on(ref).reduce(0.0, Double::sum);
        double b = q.on(jvm).reduce(0.0, Double::sum);
        assertEquals(a, b, 1e-9 * Math.abs(a));
    }

    @Test
    void recordsAndStagesOnBothSides() {
        List<Point> ps = new java.util.ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            ps.add(new Point(i * 0.5, -i));
        }
        DataSet<Point> left = DataSet.from(ps).map(p -> new Point(p.y(), p.x() + 1));
        DataSet<Double> right = DataSet.from(xs).filter(x -> x > 0.3).map(x -> x * 2);
        DataSet<Pair<Double, Double>> q = left.zip(right, (p, r) -> Pair.of(p.x() * r, p.y()))
                .filter(pr -> pr.first() < -5.0);
        assertEquals(q.on(ref).toList(), q.on(jvm).toList());
        assertEquals(q.on(ref).take(17).toList(), q.on(jvm).take(17).toList());
    }

    @Test
    void zipOfAZipAndCapturedValuesReuseTheClass() {
        for (int c = 1; c <= 3; c++) {
            int k = c;
            DataSet<Integer> q = DataSet.from(ks).zip(DataSet.from(ks).map(x -> x + k), (a, b) -> a * 31 + b)
                    .zip(DataSet.from(xs), (a, x) -> a + (int) (x * k));
            assertEquals(q.on(ref).toList(), q.on(jvm).toList());
            assertEquals(q.on(ref).reduce(0, Integer::sum), q.on(jvm).reduce(0, Integer::sum));
        }
    }

    @Test
    void opaqueZipFunctionIsCalledFromTheLoop() {
        String tag = "t";
        DataSet<Integer> q = DataSet.from(ks).zip(DataSet.from(xs), (k, x) -> (tag + k + x).length());
        assertEquals(q.on(ref).toList(), q.on(jvm).toList());
    }
}
