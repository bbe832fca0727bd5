package io.pappus.jvm;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.jvm.exec.BreakerCounters;
import io.pappus.testing.Point;
import io.pappus.testing.Results;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each native breaker against the reference engine, asserting through {@link BreakerCounters}
 * and explain that it really ran natively: NaN and -0.0 keys, ties, empty input, many groups.
 */
class JvmNativeBreakerTest {
    private static final Engine JVM = Engines.local(Target.JVM);
    private static final Engine REF = Engines.local(Target.REFERENCE);
    private static final double[] ODD = {0.0, -0.0, Double.NaN, 1.5, -0.0, Double.longBitsToDouble(0x7ff8000000000123L),
        0.0, 1.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -2.0, Double.NaN};

    static <T> void sameNatively(String op, DataSet<T> q, boolean ordered) {
        sameNatively(op, q, ordered, 0);
    }

    /** @param ulps the allowed float distance: chunks merged with combine reorder each group's sum */
    static <T> void sameNatively(String op, DataSet<T> q, boolean ordered, int ulps) {
        long before = BreakerCounters.nativeRuns(op);
        List<T> got = q.on(JVM).toList();
        assertTrue(BreakerCounters.nativeRuns(op) > before, op + " did not run natively");
        List<T> want = q.on(REF).toList();
        if (ordered) {
            Results.assertSameOrdered(want, got, ulps);
        } else if (ulps == 0) {  // exact: a set compare, fast for many groups
            assertEquals(want.size(), got.size());
            assertEquals(new HashSet<>(want), new HashSet<>(got));
        } else {
            Results.assertSameUnordered(want, got, ulps);
        }
        String explain = JVM.explain(q.node(), new Terminal.ToList<>());
        assertTrue(explain.contains("runs natively over columns"));
        assertFalse(explain.contains("reference semantics"), explain);
    }

    @Test
    void groupByCountKeepsNanOneGroupAndNegativeZeroApart() {
        DataSet<Pair<Double, Long>> q = DataSet.from(ODD).groupBy(x -> x).count();
        sameNatively("groupBy", q, false);
        assertEquals(7, q.on(JVM).toList().size());  // 0.0, -0.0, NaN, 1.5, -inf, +inf, -2.0
    }

    @Test
    void groupByAggregateAndReduceOverManyGroups() {
        double[] xs = new Random(5).doubles(200_000).toArray();
        // ~40 nonnegative terms per group (at most ~100): any summation order is within 4m ulps
        sameNatively("groupBy", DataSet.from(xs).groupBy(x -> (int) (x * 5_000))
                .aggregate(0.0, (s, x) -> s + x * 2.0, Double::sum), false, 400);
        sameNatively("groupBy", DataSet.from(xs).groupBy(x -> (int) (x * 50_000)).count(), false);
        sameNatively("groupBy", DataSet.from(xs).groupBy(x -> (long) (x * 100_000) % 77_777L)
                .reduce((a, b) -> Math.min(a, b)), false);  // reduce's op must be associative
        // two groups of ~100,000 nonnegative terms: any order is within 4m ulps (2(m-1) u relative, both ways)
        sameNatively("groupBy", DataSet.from(xs).map(x -> new Point(x, -x)).groupBy(p -> p.x() > 0.5)
                .aggregate(new Point(0.0, 1.0), (a, p) -> new Point(a.x() + p.x(), Math.max(a.y(), p.y())),
                        (a, b) -> new Point(a.x() + b.x(), Math.max(a.y(), b.y()))), false, 4 * xs.length);
        sameNatively("groupBy", DataSet.from(new double[0]).groupBy(x -> x > 0).count(), false);
    }

    @Test
    void orderByIsStableWithDoubleCompareOrder() {
        List<Point> ps = new ArrayList<>();
        for (int i = 0; i < ODD.length * 3; i++) {
            ps.add(new Point(ODD[i % ODD.length], i));
        }
        sameNatively("orderBy", DataSet.from(ps).orderBy(p -> p.x()), true);
        sameNatively("orderBy", DataSet.from(ps).orderByDescending(p -> p.x()), true);
        sameNatively("orderBy", DataSet.from(ps).orderBy(p -> (int) p.y() % 3), true);
        sameNatively("orderBy", DataSet.from(new double[0]).orderBy(x -> x), true);
        double[] big = new Random(9).doubles(100_000).map(x -> Math.floor(x * 100)).toArray();
        sameNatively("orderBy", DataSet.from(big).map(x -> new Point(x, 1.0)).orderByDescending(p -> p.x()), true);
    }

    @Test
    void distinctKeepsFirstOccurrences() {
        sameNatively("distinct", DataSet.from(ODD).distinct(), true);
        sameNatively("distinct", DataSet.from(new int[] {3, 1, 3, 2, 1}).distinct(), true);
        sameNatively("distinct", DataSet.from(new long[0]).distinct(), true);
    }

    @Test
    void joinOnPrimitiveKeys() {
        List<Point> left = new ArrayList<>();
        List<Point> right = new ArrayList<>();
        Random r = new Random(2);
        for (int i = 0; i < 3000; i++) {
            left.add(new Point(r.nextInt(500), i));
            right.add(new Point(r.nextInt(700), -i));
        }
        sameNatively("join", DataSet.from(left).join(DataSet.from(right), p -> (int) p.x(), o -> (int) o.x(),
                (a, b) -> new Point(a.y(), b.y())), true);
        sameNatively("join", DataSet.from(ODD).join(DataSet.from(ODD), x -> x, y -> y, (a, b) -> a + b * 2), true);
        sameNatively("join", DataSet.from(new double[0]).join(DataSet.from(ODD), x -> x, y -> y, (a, b) -> a), true);
    }

    @Test
    void takeStopsScanningEarly() {
        double[] xs = new Random(4).doubles(2_000_000).toArray();
        Supplier<DataSet<Double>> q = () -> DataSet.from(xs).map(x -> x * 3.0).filter(x -> x > 1.0).take(10);
        long before = BreakerCounters.takeScanned();
        sameNatively("take", q.get(), true);
        long scanned = BreakerCounters.takeScanned() - before;
        assertTrue(scanned < xs.length / 10, "take scanned " + scanned);
        sameNatively("take", DataSet.from(xs).take(0), true);
        sameNatively("take", DataSet.from(new double[] {1, 2, 3}).filter(x -> x > 1).take(5), true);
        sameNatively("take", DataSet.from(xs).filter(x -> x > 0.5).take(1_500_000), true);
    }
}
