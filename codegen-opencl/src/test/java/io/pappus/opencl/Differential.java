package io.pappus.opencl;

import io.pappus.exec.ElementFailure;
import io.pappus.exec.IrInterpreter;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.Type;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a one-argument lambda as an OpenCL map over columns and, element by element, through
 * the {@link IrInterpreter}: integers and booleans must be equal, floating point within the
 * given ulps (0 = the same bits but for NaN payloads), and an element the interpreter throws
 * on must make the kernel throw the same exception type naming the first such element.
 */
public final class Differential {
    private static final IrInterpreter INTERP = new IrInterpreter();

    private Differential() {
    }

    /**
     * @param lambda   the lambda (argument: a primitive, or a struct whose leaves are the columns)
     * @param captures captured values
     * @param ulps     allowed distance for floating point results
     * @param columns  input columns
     */
    public static void check(LiftedLambda lambda, List<Object> captures, int ulps, Object... columns) {
        int n = Array.getLength(columns[0]);
        List<Object> expected = new ArrayList<>();
        int firstFailure = -1;
        Class<? extends RuntimeException> failure = null;
        for (int i = 0; i < n; i++) {
            try {
                expected.add(INTERP.call(lambda, captures, element(lambda.args().get(0).type(), columns, i)));
            } catch (ArithmeticException | ArrayIndexOutOfBoundsException e) {
                firstFailure = i;
                failure = e.getClass();
                break;
            }
        }
        List<Stage> stages = List.of(Stage.map(lambda, captures));
        if (firstFailure >= 0) {
            RuntimeException e = assertThrows(failure,
                    () -> OclPipeline.run(OclTestDevice.get(), stages, List.of(columns), Sink.columns()));
            assertEquals(firstFailure, ((ElementFailure) e.getSuppressed()[0]).index(), "first failing element");
            return;
        }
        OclResult r;
        try {
            r = OclPipeline.run(OclTestDevice.get(), stages, List.of(columns), Sink.columns());
        } catch (RuntimeException e) {
            throw new AssertionError("Java threw nothing on " + n + " elements, OpenCL did, for\n"
                    + io.pappus.ir.IrPrinter.print(lambda), e);
        }
        for (int i = 0; i < n; i++) {
            Object want = expected.get(i);
            Object[] leaves = want instanceof Object[] a ? a : new Object[] {want};
            for (int j = 0; j < leaves.length; j++) {
                Object got = Array.get(r.columns().get(j), i);
                if (!close(leaves[j], got, ulps)) {
                    fail("element " + i + " (" + describe(columns, i) + ") leaf " + j + ": Java " + leaves[j]
                            + ", OpenCL " + got + " (bound " + ulps + " ulp)");
                }
            }
        }
    }

    private static Object element(Type t, Object[] columns, int i) {
        if (t instanceof Type.Struct s) {
            Object[] fields = new Object[s.fields().size()];
            for (int f = 0; f < fields.length; f++) {
                fields[f] = Array.get(columns[f], i);
            }
            return fields;
        }
        return Array.get(columns[0], i);
    }

    private static String describe(Object[] columns, int i) {
        List<Object> xs = new ArrayList<>();
        for (Object c : columns) {
            Object v = Array.get(c, i);
            xs.add(v instanceof Double d ? d + " [" + Long.toHexString(Double.doubleToRawLongBits(d)) + "]" : v);
        }
        return xs.toString();
    }

    /**
     * @return whether an OpenCL result matches Java's: equal, both NaN, or within {@code ulps}
     *     ulps of the larger magnitude
     */
    public static boolean close(Object want, Object got, int ulps) {
        if (want instanceof Double a) {
            double b = ((Number) got).doubleValue();
            return closeDouble(a, b, ulps, Math.ulp(Math.max(Math.abs(a), Math.abs(b))));
        } else if (want instanceof Float a) {
            float b = (Float) got;
            return closeDouble(a, b, ulps, Math.ulp(Math.max(Math.abs(a), Math.abs(b))));
        }
        return integral(want).equals(integral(got));
    }

    private static Object integral(Object v) {
        if (v instanceof Character c) {
            return (long) c;
        }
        return v instanceof Number x ? (Object) x.longValue() : v;
    }

    private static boolean closeDouble(double a, double b, int ulps, double ulp) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (ulps == 0 || Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
        }
        assertTrue(ulp > 0);
        return Math.abs(a - b) <= ulps * ulp;
    }
}
