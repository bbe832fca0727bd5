package io.pappus.opencl;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.SourceRef;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.ir.Var;

import java.util.List;

import static io.pappus.opencl.IrBuild.bin;
import static io.pappus.opencl.IrBuild.d;
import static io.pappus.opencl.IrBuild.fn;
import static io.pappus.opencl.IrBuild.i;

/** Hand-built IR of typical lambdas, shared by golden and pipeline tests. */
public final class Lambdas {
    /** {@code Point(double x, double y)}. */
    public static final Type.Struct POINT = new Type.Struct("demo.Point",
            List.of(new Type.Field("x", Type.DOUBLE), new Type.Field("y", Type.DOUBLE)));

    private Lambdas() {
    }

    /** @return {@code x -> x * x} on double */
    public static LiftedLambda square() {
        return fn(Type.DOUBLE, Type.DOUBLE, x -> bin(BinOp.MUL, x, x));
    }

    /** @return {@code x -> x > 0.25} */
    public static LiftedLambda aboveQuarter() {
        return fn(Type.DOUBLE, Type.BOOLEAN, x -> bin(BinOp.GT, x, d(0.25)));
    }

    /** @return {@code p -> new Point(p.y() * 2.0, -p.x())} */
    public static LiftedLambda swapPoint() {
        return fn(POINT, POINT, p -> new Expr.New(POINT, List.of(
                bin(BinOp.MUL, new Expr.GetField(p, 1, Type.DOUBLE), d(2.0)),
                new Expr.Unary(io.pappus.ir.UnOp.NEG, new Expr.GetField(p, 0, Type.DOUBLE), Type.DOUBLE))));
    }

    /**
     * @return {@code x -> x > 0.25 ? List.of(x, -x) : List.of()} on double, lifted as a flatMap
     *         function returning a fan ({@code io.pappus.lift.FanOut}) of two slots
     */
    public static LiftedLambda pairOrNothing() {
        Type.Struct fan = io.pappus.lift.FanOut.type(Type.DOUBLE, 2);
        return fn(Type.DOUBLE, fan, x -> new Expr.Select(bin(BinOp.GT, x, d(0.25)),
                new Expr.New(fan, List.of(i(2), x, new Expr.Unary(io.pappus.ir.UnOp.NEG, x, Type.DOUBLE))),
                new Expr.New(fan, List.of(i(0), d(0.0), d(0.0))), fan));
    }

    /** @return {@code x -> x / 7} on int */
    public static LiftedLambda divideBySeven() {
        return fn(Type.INT, Type.INT, x -> bin(BinOp.DIV, x, i(7)));
    }

    /**
     * {@code (captured double[] w, x) -> { double s = 0; for (int k = 0; k < w.length; k++) s += w[k] * x; return s; }},
     * as structured IR: block/loop with break and continue.
     *
     * @return the lambda
     */
    public static LiftedLambda weightedByCapturedArray() {
        Var w = new Var("w", new Type.Array(Type.DOUBLE));
        Var x = new Var("x", Type.DOUBLE);
        Var s = new Var("s", Type.DOUBLE);
        Var k = new Var("k", Type.INT);
        List<Stmt> body = List.of(
                new Stmt.If(bin(BinOp.GE, k.read(), new Expr.ArrayLength(w.read())), List.of(new Stmt.Break("done")), List.of()),
                new Stmt.Assign("s", bin(BinOp.ADD, s.read(),
                        bin(BinOp.MUL, new Expr.ArrayGet(w.read(), k.read(), Type.DOUBLE), x.read()))),
                new Stmt.Assign("k", bin(BinOp.ADD, k.read(), i(1))),
                new Stmt.Continue("top"));
        Function main = new Function("main", List.of(w, x), Type.DOUBLE, List.of(s, k), List.of(
                new Stmt.Block("done", List.of(new Stmt.Loop("top", body))),
                new Stmt.Return(s.read())));
        return new LiftedLambda(main, List.of(), 1, new SourceRef("demo.Weights", "lambda$main$0", "Weights.java", 12));
    }

    /** @return {@code x -> helper(x) + 1} where {@code helper(v) = v * 3} is a lifted static method */
    public static LiftedLambda withHelper() {
        Var v = new Var("v", Type.LONG);
        Function helper = new Function("triple", List.of(v), Type.LONG, List.of(),
                List.of(new Stmt.Return(bin(BinOp.MUL, v.read(), new Expr.Const(Type.LONG, 3L)))));
        Var x = new Var("p0", Type.LONG);
        Function main = new Function("main", List.of(x), Type.LONG, List.of(), List.of(new Stmt.Return(
                bin(BinOp.ADD, new Expr.Invoke("triple", List.of(x.read()), Type.LONG), new Expr.Const(Type.LONG, 1L)))));
        return new LiftedLambda(main, List.of(helper), 0, SourceRef.UNKNOWN);
    }
}
