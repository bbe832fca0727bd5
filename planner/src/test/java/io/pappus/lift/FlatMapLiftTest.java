package io.pappus.lift;

import io.pappus.api.Fn;
import io.pappus.exec.IrInterpreter;
import io.pappus.ir.IrPrinter;
import io.pappus.ir.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * flatMap functions lift to a {@link FanOut}: list literals become a count and slots, and the
 * IR interpreter gives back the very list the Java function returns.
 */
class FlatMapLiftTest {
    private final IrInterpreter interpreter = new IrInterpreter();

    private static LiftResult.Lifted lift(Object fn, Type arg) {
        LiftResult r = LambdaLifter.shared().liftFlatMap(fn, List.of(arg));
        return assertInstanceOf(LiftResult.Lifted.class, r, () -> r.toString());
    }

    private static String opaque(Object fn, Type arg) {
        LiftResult r = LambdaLifter.shared().liftFlatMap(fn, List.of(arg));
        return assertInstanceOf(LiftResult.Opaque.class, r, () -> "lifted: " + r).reason();
    }

    /** Runs the lifted function and the Java one on each input; they must give equal lists. */
    private <T> void same(Fn<T, ? extends Iterable<?>> fn, Type arg, List<T> inputs) {
        LiftResult.Lifted l = lift(fn, arg);
        for (T x : inputs) {
            List<Object> java = new ArrayList<>();
            fn.apply(x).forEach(java::add);
            Object ir = interpreter.call(l.ir(), l.captures(), IrValues.toIr(x, arg));
            assertEquals(java, FanOut.toJava(ir, l.resultType(), getClass().getClassLoader()),
                    () -> "input " + x + "\n" + IrPrinter.print(l.ir()));
        }
    }

    @Test
    void conditionalLiteralsOfDifferentSizesShareOneFan() {
        Fn<Double, List<Double>> f = x -> x > 0.5 ? List.of(x, x * 2, -x) : List.of(x);
        LiftResult.Lifted l = lift(f, Type.DOUBLE);
        assertEquals(FanOut.type(Type.DOUBLE, 3), l.resultType());
        same(f, Type.DOUBLE, List.of(0.25, 0.75, Double.NaN, -0.0));
    }

    @Test
    void anEmptyListBeforeTheFirstElementTakesTheElementsTypeOnASecondLift() {
        Fn<Long, List<Long>> f = x -> {
            if (x % 3 == 0) {
                return List.of();
            }
            return List.of(x, x + 1);
        };
        assertEquals(FanOut.type(Type.LONG, 2), lift(f, Type.LONG).resultType());
        same(f, Type.LONG, List.of(0L, 1L, 2L, 3L, Long.MAX_VALUE));
    }

    @Test
    void singletonAndEmptyListsOfCollectionsAndRecords() {
        Fn<Integer, List<Integer>> f = i -> i < 0 ? Collections.emptyList() : Collections.singletonList(i * 7);
        same(f, Type.INT, List.of(-1, 0, 5, Integer.MAX_VALUE));
        Fn<Point, List<Point>> g = p -> List.of(p, new Point(p.y(), p.x()));
        same(g, LiftCorpus.POINT, List.of(new Point(1, 2), new Point(-0.0, Double.NaN)));
    }

    @Test
    void listsThatAreReadOrNotLiteralsStayOpaque() {
        Fn<Double, List<Double>> reads = x -> List.of(x, x).size() > 1 ? List.of(x) : List.of();
        assertTrue(opaque(reads, Type.DOUBLE).contains("calls java.util.List.size"), opaque(reads, Type.DOUBLE));
        Fn<Double, List<Double>> varargs = x -> List.of(x, x, x, x, x, x, x, x, x, x, x);
        assertTrue(opaque(varargs, Type.DOUBLE).contains("allocates an array"), opaque(varargs, Type.DOUBLE));
        Fn<Double, List<Object>> mixed = x -> x > 0 ? List.of(x) : List.of(1);
        assertTrue(opaque(mixed, Type.DOUBLE).contains("flatMap returns lists of"), opaque(mixed, Type.DOUBLE));
        Fn<Double, List<Double>> built = x -> {
            List<Double> out = new ArrayList<>();
            out.add(x);
            return out;
        };
        assertTrue(opaque(built, Type.DOUBLE).contains("java.util.ArrayList"), opaque(built, Type.DOUBLE));
    }

    @Test
    void aPlainLambdaDoesNotLiftListLiterals() {
        Fn<Double, List<Double>> f = x -> List.of(x);
        assertInstanceOf(LiftResult.Opaque.class, LambdaLifter.shared().lift(f, List.of(Type.DOUBLE)));
        assertInstanceOf(LiftResult.Lifted.class, LambdaLifter.shared().liftFlatMap(f, List.of(Type.DOUBLE)));
    }
}
