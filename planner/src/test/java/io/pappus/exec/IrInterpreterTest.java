package io.pappus.exec;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.Intrinsic;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.SourceRef;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The interpreter on hand-built IR: control flow, Java arithmetic corner cases, helpers. */
class IrInterpreterTest {
    private final IrInterpreter interp = new IrInterpreter();

    private static LiftedLambda unit(Function main, Function... helpers) {
        return new LiftedLambda(main, List.of(helpers), 0, SourceRef.UNKNOWN);
    }

    private static Expr bin(BinOp op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r, op.isComparison() ? Type.BOOLEAN : l.type());
    }

    private static Expr.Const i(int v) {
        return new Expr.Const(Type.INT, v);
    }

    @Test
    void loopWithBreakAndContinueSumsOddNumbersBelowALimit() {
        // s = 0; i = 0; loop { if (i >= n) break; i++; if (i % 2 == 0) continue; s += i; } return s;
        Var n = new Var("p0", Type.INT);
        Var s = new Var("s", Type.INT);
        Var ix = new Var("i", Type.INT);
        List<Stmt> loop = List.of(
                new Stmt.If(bin(BinOp.GE, ix.read(), n.read()), List.of(new Stmt.Break("out")), List.of()),
                new Stmt.Assign("i", bin(BinOp.ADD, ix.read(), i(1))),
                new Stmt.If(bin(BinOp.EQ, bin(BinOp.REM, ix.read(), i(2)), i(0)),
                        List.of(new Stmt.Continue("top")), List.of()),
                new Stmt.Assign("s", bin(BinOp.ADD, s.read(), ix.read())));
        Function f = new Function("main", List.of(n), Type.INT, List.of(s, ix), List.of(
                new Stmt.Block("out", List.of(new Stmt.Loop("top", loop))),
                new Stmt.Return(s.read())));
        assertEquals(1 + 3 + 5 + 7 + 9, interp.call(unit(f), List.of(), 10));
        assertEquals(0, interp.call(unit(f), List.of(), 0));
    }

    @Test
    void javaArithmeticCornerCases() {
        Var a = new Var("p0", Type.INT);
        Var b = new Var("p1", Type.INT);
        Function div = new Function("main", List.of(a, b), Type.INT, List.of(),
                List.of(new Stmt.Return(bin(BinOp.DIV, a.read(), b.read()))));
        assertEquals(Integer.MIN_VALUE, interp.call(unit(div), List.of(), Integer.MIN_VALUE, -1));
        assertThrows(ArithmeticException.class, () -> interp.call(unit(div), List.of(), 1, 0));

        Var d = new Var("p0", Type.DOUBLE);
        Function toInt = new Function("main", List.of(d), Type.INT, List.of(),
                List.of(new Stmt.Return(new Expr.Cast(d.read(), Type.INT))));
        assertEquals(0, interp.call(unit(toInt), List.of(), Double.NaN));
        assertEquals(Integer.MAX_VALUE, interp.call(unit(toInt), List.of(), 1e300));
        assertEquals(Integer.MIN_VALUE, interp.call(unit(toInt), List.of(), Double.NEGATIVE_INFINITY));

        Function nanCompare = new Function("main", List.of(d), Type.BOOLEAN, List.of(),
                List.of(new Stmt.Return(bin(BinOp.NE, d.read(), d.read()))));
        assertEquals(true, interp.call(unit(nanCompare), List.of(), Double.NaN));
        assertEquals(false, interp.call(unit(nanCompare), List.of(), 1.0));

        Var l = new Var("p0", Type.LONG);
        Function shift = new Function("main", List.of(l), Type.LONG, List.of(),
                List.of(new Stmt.Return(new Expr.Binary(BinOp.SHL, l.read(), i(65), Type.LONG))));
        assertEquals(2L, interp.call(unit(shift), List.of(), 1L));
    }

    @Test
    void zeroDivisorsThrowForEveryIntegerOperation() {
        Var x = new Var("p0", Type.INT);
        Var y = new Var("p0", Type.LONG);
        Function floorMod = new Function("main", List.of(x), Type.INT, List.of(), List.of(new Stmt.Return(
                new Expr.Call(Intrinsic.FLOOR_MOD, List.of(i(1), x.read()), Type.INT))));
        Function floorDiv = new Function("main", List.of(x), Type.INT, List.of(), List.of(new Stmt.Return(
                new Expr.Call(Intrinsic.FLOOR_DIV, List.of(i(1), x.read()), Type.INT))));
        Function rem = new Function("main", List.of(y), Type.LONG, List.of(), List.of(new Stmt.Return(
                new Expr.Binary(BinOp.REM, new Expr.Const(Type.LONG, 1L), y.read(), Type.LONG))));
        for (int k = 0; k < 3; k++) {  // and again, once every layout is cached
            assertEquals(1, interp.call(unit(floorMod), List.of(), 5));
            assertThrows(ArithmeticException.class, () -> interp.call(unit(floorMod), List.of(), 0));
            assertThrows(ArithmeticException.class, () -> interp.call(unit(floorDiv), List.of(), 0));
            assertEquals(1L, interp.call(unit(rem), List.of(), 4L));
            assertThrows(ArithmeticException.class, () -> interp.call(unit(rem), List.of(), 0L));
        }
    }

    @Test
    void helpersStructsArraysAndIntrinsics() {
        Type.Struct point = new Type.Struct("io.pappus.exec.P",
                List.of(new Type.Field("x", Type.DOUBLE), new Type.Field("y", Type.DOUBLE)));
        Var p = new Var("p0", point);
        Var arr = new Var("c0", new Type.Array(Type.DOUBLE));
        Function norm = new Function("norm", List.of(new Var("a", Type.DOUBLE), new Var("b", Type.DOUBLE)),
                Type.DOUBLE, List.of(), List.of(new Stmt.Return(new Expr.Call(Intrinsic.HYPOT,
                List.of(new Expr.Local("a", Type.DOUBLE), new Expr.Local("b", Type.DOUBLE)), Type.DOUBLE))));
        Expr x = new Expr.GetField(p.read(), 0, Type.DOUBLE);
        Expr y = new Expr.GetField(p.read(), 1, Type.DOUBLE);
        Expr scaled = bin(BinOp.MUL, new Expr.Invoke("norm", List.of(x, y), Type.DOUBLE),
                new Expr.ArrayGet(arr.read(), i(1), Type.DOUBLE));
        Function main = new Function("main", List.of(arr, p), point, List.of(), List.of(new Stmt.Return(
                new Expr.New(point, List.of(scaled, new Expr.Cast(new Expr.ArrayLength(arr.read()), Type.DOUBLE))))));
        LiftedLambda lambda = new LiftedLambda(main, List.of(norm), 1, SourceRef.UNKNOWN);
        Object[] out = (Object[]) interp.call(lambda, List.of(new double[] {0, 2, 0}), (Object) new Object[] {3.0, 4.0});
        assertEquals(10.0, out[0]);
        assertEquals(3.0, out[1]);
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> interp.call(lambda, List.of(new double[] {1}), (Object) new Object[] {3.0, 4.0}));
    }
}
