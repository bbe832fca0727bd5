package io.pappus.opencl;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.Intrinsic;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.ir.UnOp;
import io.pappus.opencl.codegen.OclMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.pappus.opencl.IrBuild.bin;
import static io.pappus.opencl.IrBuild.fn;
import static io.pappus.opencl.IrBuild.i;

/**
 * Every operator, cast and intrinsic on OpenCL against the IR interpreter, over edge and
 * random values: the element is a struct {a, b} so both operands come from columns.
 */
class JavaSemanticsDifferentialTest {

    private static Type.Struct pair(Type t) {
        return new Type.Struct("test.Pair", List.of(new Type.Field("a", t), new Type.Field("b", t)));
    }

    private static void binary(Type t, BinOp op, Object[] cols) {
        Type.Struct p = pair(t);
        var lambda = fn(p, op.isComparison() ? Type.BOOLEAN : t, e -> new Expr.Binary(op,
                new Expr.GetField(e, 0, t), new Expr.GetField(e, 1, t), op.isComparison() ? Type.BOOLEAN : t));
        Differential.check(lambda, List.of(), 0, cols);
    }

    @ParameterizedTest
    @EnumSource(BinOp.class)
    void intOperators(BinOp op) {
        int[] a = EdgeData.ints(300, 1);
        int[] b = EdgeData.ints(300, 2);
        if (op == BinOp.DIV || op == BinOp.REM) {
            for (int k = 0; k < b.length; k++) {
                b[k] = b[k] == 0 ? 3 : b[k];
            }
            a = a.clone();
            for (int k = 0; k < a.length; k++) {
                a[k] = a[k] == 0 ? 5 : a[k]; // the edge cross product pairs 0 with 0 otherwise
            }
        }
        binary(Type.INT, op, EdgeData.pairs(a, b, EdgeData.INT_EDGES.length));
    }

    @ParameterizedTest
    @EnumSource(BinOp.class)
    void longOperators(BinOp op) {
        long[] a = EdgeData.longs(300, 3);
        long[] b = EdgeData.longs(300, 4);
        if (op == BinOp.DIV || op == BinOp.REM) {
            for (int k = 0; k < b.length; k++) {
                b[k] = b[k] == 0 ? 3 : b[k];
                a[k] = a[k] == 0 ? 5 : a[k];
            }
        }
        binary(Type.LONG, op, EdgeData.pairs(a, b, EdgeData.LONG_EDGES.length));
    }

    @ParameterizedTest
    @EnumSource(value = BinOp.class, names = {"ADD", "SUB", "MUL", "DIV", "REM", "LT", "LE", "GT", "GE", "EQ", "NE"})
    void doubleOperators(BinOp op) {
        binary(Type.DOUBLE, op, EdgeData.pairs(EdgeData.doubles(500, 5), EdgeData.doubles(500, 6),
                EdgeData.DOUBLE_EDGES.length));
    }

    @ParameterizedTest
    @EnumSource(value = BinOp.class, names = {"ADD", "SUB", "MUL", "DIV", "REM", "LT", "LE", "GT", "GE", "EQ", "NE"})
    void floatOperators(BinOp op) {
        binary(Type.FLOAT, op, EdgeData.pairs(EdgeData.floats(500, 7), EdgeData.floats(500, 8),
                EdgeData.FLOAT_EDGES.length));
    }

    @Test
    void negationWrapsAndKeepsNegativeZero() {
        Differential.check(fn(Type.INT, Type.INT, x -> new Expr.Unary(UnOp.NEG, x, Type.INT)), List.of(), 0,
                EdgeData.ints(100, 9));
        Differential.check(fn(Type.LONG, Type.LONG, x -> new Expr.Unary(UnOp.NEG, x, Type.LONG)), List.of(), 0,
                EdgeData.longs(100, 9));
        Differential.check(fn(Type.DOUBLE, Type.DOUBLE, x -> new Expr.Unary(UnOp.NEG, x, Type.DOUBLE)), List.of(), 0,
                EdgeData.doubles(100, 9));
    }

    @Test
    void castsFromDouble() {
        for (PrimKind to : List.of(PrimKind.INT, PrimKind.LONG, PrimKind.FLOAT, PrimKind.BYTE, PrimKind.SHORT, PrimKind.CHAR)) {
            Type t = Type.of(to);
            Differential.check(fn(Type.DOUBLE, t.equals(Type.FLOAT) ? t : t, x -> new Expr.Cast(x, t)), List.of(), 0,
                    EdgeData.doubles(300, 10));
        }
    }

    @Test
    void castsFromFloatLongAndInt() {
        for (PrimKind to : List.of(PrimKind.INT, PrimKind.LONG, PrimKind.DOUBLE, PrimKind.BYTE, PrimKind.CHAR)) {
            Differential.check(fn(Type.FLOAT, Type.of(to), x -> new Expr.Cast(x, Type.of(to))), List.of(), 0,
                    EdgeData.floats(300, 11));
        }
        for (PrimKind to : List.of(PrimKind.INT, PrimKind.FLOAT, PrimKind.DOUBLE, PrimKind.SHORT)) {
            Differential.check(fn(Type.LONG, Type.of(to), x -> new Expr.Cast(x, Type.of(to))), List.of(), 0,
                    EdgeData.longs(300, 12));
        }
        for (PrimKind to : List.of(PrimKind.LONG, PrimKind.FLOAT, PrimKind.DOUBLE, PrimKind.BYTE, PrimKind.SHORT,
                PrimKind.CHAR, PrimKind.BOOLEAN)) {
            Differential.check(fn(Type.INT, Type.of(to), x -> new Expr.Cast(x, Type.of(to))), List.of(), 0,
                    EdgeData.ints(300, 13));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Intrinsic.class, names = {"SQRT", "CBRT", "EXP", "EXPM1", "LOG", "LOG10", "LOG1P", "SIN",
        "COS", "TAN", "ASIN", "ACOS", "ATAN", "SINH", "COSH", "TANH", "FLOOR", "CEIL", "RINT", "ROUND", "ABS",
        "SIGNUM", "TO_RADIANS", "TO_DEGREES", "IS_NAN", "IS_INFINITE", "IS_FINITE", "DOUBLE_TO_RAW_LONG_BITS",
        "DOUBLE_TO_LONG_BITS"})
    void unaryDoubleIntrinsicsWithinTheirUlpBound(Intrinsic f) {
        Type result = switch (f) {
            case ROUND, DOUBLE_TO_RAW_LONG_BITS, DOUBLE_TO_LONG_BITS -> Type.LONG;
            case IS_NAN, IS_INFINITE, IS_FINITE -> Type.BOOLEAN;
            default -> Type.DOUBLE;
        };
        Differential.check(fn(Type.DOUBLE, result, x -> new Expr.Call(f, List.of(x), result)), List.of(),
                OclMath.ulpBound(f), EdgeData.doubles(2000, 14));
    }

    @ParameterizedTest
    @EnumSource(value = Intrinsic.class, names = {"ATAN2", "HYPOT", "POW", "MIN", "MAX", "COMPARE"})
    void binaryDoubleIntrinsicsWithinTheirUlpBound(Intrinsic f) {
        Type.Struct p = pair(Type.DOUBLE);
        Type result = f == Intrinsic.COMPARE ? Type.INT : Type.DOUBLE;
        Differential.check(fn(p, result, e -> new Expr.Call(f, List.of(new Expr.GetField(e, 0, Type.DOUBLE),
                new Expr.GetField(e, 1, Type.DOUBLE)), result)), List.of(), OclMath.ulpBound(f),
                EdgeData.pairs(EdgeData.doubles(1000, 15), EdgeData.doubles(1000, 16), EdgeData.DOUBLE_EDGES.length));
    }

    @ParameterizedTest
    @EnumSource(value = Intrinsic.class, names = {"ABS", "MIN", "MAX", "SIGNUM", "COMPARE", "ROUND", "IS_NAN",
        "FLOAT_TO_RAW_INT_BITS", "FLOAT_TO_INT_BITS"})
    void floatIntrinsics(Intrinsic f) {
        Type.Struct p = pair(Type.FLOAT);
        Type result = switch (f) {
            case COMPARE, ROUND, FLOAT_TO_INT_BITS, FLOAT_TO_RAW_INT_BITS -> Type.INT;
            case IS_NAN -> Type.BOOLEAN;
            default -> Type.FLOAT;
        };
        Differential.check(fn(p, result, e -> new Expr.Call(f, f.arity() == 2
                ? List.of(new Expr.GetField(e, 0, Type.FLOAT), new Expr.GetField(e, 1, Type.FLOAT))
                : List.of(new Expr.GetField(e, 0, Type.FLOAT)), result)), List.of(), 0,
                EdgeData.pairs(EdgeData.floats(500, 17), EdgeData.floats(500, 18), EdgeData.FLOAT_EDGES.length));
    }

    @ParameterizedTest
    @EnumSource(value = Intrinsic.class, names = {"ABS", "MIN", "MAX", "SIGNUM", "COMPARE", "FLOOR_DIV", "FLOOR_MOD",
        "BIT_COUNT", "LEADING_ZEROS", "TRAILING_ZEROS"})
    void integerIntrinsics(Intrinsic f) {
        for (Type t : List.of(Type.INT, Type.LONG)) {
            Type.Struct p = pair(t);
            Type result = switch (f) {
                case SIGNUM, COMPARE, BIT_COUNT, LEADING_ZEROS, TRAILING_ZEROS -> Type.INT;
                default -> t;
            };
            Object a = t == Type.INT ? EdgeData.ints(300, 19) : EdgeData.longs(300, 19);
            Object b = t == Type.INT ? EdgeData.ints(300, 20) : EdgeData.longs(300, 20);
            Object[] cols = EdgeData.pairs(a, b, 8);
            if (f == Intrinsic.FLOOR_DIV || f == Intrinsic.FLOOR_MOD) {
                for (int k = 0; k < java.lang.reflect.Array.getLength(cols[1]); k++) {
                    if (((Number) java.lang.reflect.Array.get(cols[1], k)).longValue() == 0) {
                        java.lang.reflect.Array.set(cols[1], k, t == Type.INT ? (Object) 7 : (Object) 7L);
                    }
                }
            }
            Differential.check(fn(p, result, e -> new Expr.Call(f, f.arity() == 2
                    ? List.of(new Expr.GetField(e, 0, t), new Expr.GetField(e, 1, t))
                    : List.of(new Expr.GetField(e, 0, t)), result)), List.of(), 0, cols);
        }
    }

    @Test
    void divisionByZeroThrowsArithmeticExceptionNamingTheFirstElement() {
        Type.Struct p = pair(Type.INT);
        var div = fn(p, Type.INT, e -> bin(BinOp.DIV, new Expr.GetField(e, 0, Type.INT), new Expr.GetField(e, 1, Type.INT)));
        int[] a = new int[5000];
        int[] b = new int[5000];
        java.util.Arrays.fill(a, 10);
        java.util.Arrays.fill(b, 2);
        b[3777] = 0;
        b[4999] = 0;
        ArithmeticException ex = org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
                () -> OclPipeline.run(OclTestDevice.get(), List.of(Stage.map(div, List.of())), List.of(a, b), Sink.columns()));
        org.junit.jupiter.api.Assertions.assertEquals(3777L, ((io.pappus.exec.ElementFailure) ex.getSuppressed()[0]).index());
        var rem = fn(Type.LONG, Type.LONG, x -> bin(BinOp.REM, new Expr.Const(Type.LONG, 1L), x));
        Differential.check(rem, List.of(), 0, new long[] {5, 4, 0, 0});
        var mod = fn(Type.INT, Type.INT, x -> new Expr.Call(Intrinsic.FLOOR_MOD, List.of(i(1), x), Type.INT));
        // Math.floorMod(1, 0) throws in Java; checked directly (see the report on the interpreter)
        ArithmeticException e = org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
                () -> OclPipeline.run(OclTestDevice.get(), List.of(Stage.map(mod, List.of())),
                        List.of(new int[] {5, 4, 3, 0, 0}), Sink.columns()));
        org.junit.jupiter.api.Assertions.assertEquals(3L, ((io.pappus.exec.ElementFailure) e.getSuppressed()[0]).index());
    }
}
