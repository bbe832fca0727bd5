package io.pappus.jvm;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Fn;
import io.pappus.api.Fn2;
import io.pappus.api.Pred;
import io.pappus.api.Target;
import io.pappus.ir.BinOp;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.pappus.jvm.HandIr.bin;
import static io.pappus.jvm.HandIr.c;
import static io.pappus.jvm.HandIr.fn;
import static io.pappus.jvm.HandIr.x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** W1 (map, filter, sum) on the predicated path, with NaN and infinities, against Java. */
class W1Test {
    static final Var X = new Var("x", Type.DOUBLE);
    static final Fn<Double, Double> SQUARE = x -> x * x;
    static final Pred<Double> ABOVE = x -> x > 0.25;
    static final Fn2<Double, Double, Double> SUM = Double::sum;

    static HandIr w1Ir() {
        return new HandIr()
                .with(SQUARE, fn(Type.DOUBLE, bin(BinOp.MUL, x(Type.DOUBLE), x(Type.DOUBLE)), X))
                .with(ABOVE, fn(Type.BOOLEAN, bin(BinOp.GT, x(Type.DOUBLE), c(0.25)), X))
                .with(SUM, fn(Type.DOUBLE, bin(BinOp.ADD, x(Type.DOUBLE), new io.pappus.ir.Expr.Local("y", Type.DOUBLE)),
                        X, new Var("y", Type.DOUBLE)));
    }

    static double sequential(double[] xs) {
        double s = 0.0;
        for (double x : xs) {
            double y = x * x;
            if (y > 0.25) {
                s += y;
            }
        }
        return s;
    }

    /** |reordered - sequential| <= 2 (n-1) eps sum|y|: see Predication. */
    static void assertClose(double expected, double actual, double[] xs) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual);
            return;
        }
        double abs = 0;
        for (double x : xs) {
            abs += Math.abs(x * x);
        }
        double bound = 2.0 * xs.length * Math.ulp(1.0) / 2 * abs;
        assertTrue(Math.abs(expected - actual) <= bound, expected + " vs " + actual + " bound " + bound);
    }

    @Test
    void predicatedSumMatchesJavaOnLargeInput() {
        Engine jvm = new JvmEngine(w1Ir());
        double[] xs = new Random(1).doubles(1_000_003).toArray();
        double r = DataSet.from(xs).map(SQUARE).filter(ABOVE).on(jvm).reduce(0.0, SUM);
        assertClose(sequential(xs), r, xs);
        assertTrue(jvm.explain(DataSet.from(xs).map(SQUARE).filter(ABOVE).node(),
                new io.pappus.api.query.Terminal.Reduce<>(0.0, SUM)).contains("predicated"));
    }

    @Test
    void nanAndInfinityFlowThroughTheMask() {
        Engine jvm = new JvmEngine(w1Ir());
        double[] xs = {0.1, Double.NaN, 0.9, -0.2};
        assertEquals(0.81, DataSet.from(xs).map(SQUARE).filter(ABOVE).on(jvm).reduce(0.0, SUM), 1e-15);
        Pred<Double> notBelow = x -> !(x <= 0.25);  // keeps NaN
        Engine keepsNan = new JvmEngine(w1Ir().with(notBelow, fn(Type.BOOLEAN, new io.pappus.ir.Expr.Unary(
                io.pappus.ir.UnOp.NOT, bin(BinOp.LE, x(Type.DOUBLE), c(0.25)), Type.BOOLEAN), X)));
        assertEquals(Double.NaN, DataSet.from(xs).map(SQUARE).filter(notBelow).on(keepsNan).reduce(0.0, SUM));
        double[] ys = {0.1, Double.POSITIVE_INFINITY, 0.9};
        assertEquals(Double.POSITIVE_INFINITY, DataSet.from(ys).map(SQUARE).filter(ABOVE).on(jvm).reduce(0.0, SUM));
        double[] nothing = {0.1, Double.NaN, 0.2};
        // NaN * NaN is NaN, NaN > 0.25 is false: dropped, so the sum is exactly the identity
        assertEquals(-0.0, DataSet.from(nothing).map(SQUARE).filter(ABOVE).on(jvm).reduce(-0.0, SUM));
        assertEquals(0.0, DataSet.from(new double[0]).map(SQUARE).filter(ABOVE).on(jvm).reduce(0.0, SUM));
    }

    @Test
    void signedZerosAsInJavaOverManyChunks() {
        // dropped elements add +0.0 in the fast loop; a chunk summing to zero is redone keeping -0.0
        Engine jvm = io.pappus.api.Engines.local(io.pappus.api.Target.JVM);
        Engine ref = io.pappus.api.Engines.local(io.pappus.api.Target.REFERENCE);
        double[] xs = new double[200_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 1 + i % 13;
        }
        for (double identity : new double[] {-0.0, 0.0}) {
            DataSet<Double> zeros = DataSet.from(xs).map(x -> x * -0.0).filter(x -> x <= 0.0);
            assertEquals(zeros.on(ref).reduce(identity, Double::sum), zeros.on(jvm).reduce(identity, Double::sum));
            DataSet<Double> none = DataSet.from(xs).map(x -> x * 2).filter(x -> x > 1e9);
            assertEquals(none.on(ref).reduce(identity, Double::sum), none.on(jvm).reduce(identity, Double::sum));
            assertEquals(none.on(ref).sum(x -> x), none.on(jvm).sum(x -> x));
        }
        // one chunk's terms cancel to +0.0, the rest are -0.0: +0.0, as in Java
        double[] ys = xs.clone();
        ys[10] = 5;
        ys[11] = -5;
        DataSet<Double> mixed = DataSet.from(ys).map(x -> x > 0 && x < 5 ? x * -0.0 : x).filter(x -> x <= 5.0);
        assertEquals(mixed.on(ref).reduce(-0.0, Double::sum), mixed.on(jvm).reduce(-0.0, Double::sum));
        io.pappus.api.Fn2<Double, Double, Double> add = Double::sum;
        assertTrue(jvm.explain(DataSet.from(xs).map(x -> x * -0.0).filter(x -> x <= 0.0).node(),
                new io.pappus.api.query.Terminal.Reduce<>(-0.0, add)).contains("predicated loop"));
    }

    @Test
    void opaqueLambdasRunInsideTheCompiledLoop() {
        Engine jvm = Engines.local(Target.JVM);
        double[] xs = new Random(2).doubles(100_000).toArray();
        List<Double> out = DataSet.from(xs).map(SQUARE).filter(ABOVE).on(jvm).toList();
        List<Double> ref = DataSet.from(xs).map(SQUARE).filter(ABOVE).on(Engines.local(Target.REFERENCE)).toList();
        assertEquals(ref, out);
        assertEquals(ref.size(), DataSet.from(xs).map(SQUARE).filter(ABOVE).on(jvm).count());
    }
}
