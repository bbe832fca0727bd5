package io.pappus.benchmarks;

import io.pappus.api.Fn;
import io.pappus.api.Fn2;
import io.pappus.api.Pred;
import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.SourceRef;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import io.pappus.lift.LiftResult;
import io.pappus.plan.Lifting;

import java.util.List;

/**
 * W1's lambdas (the benchmarks run them through the real lifter) and their IR built by hand, as
 * the lifter produces it, kept to cross-check the lifter's output for {@code x -> x * x}, {@code x -> x > c} (c captured) and
 * {@code Double::sum}. Other lambdas stay opaque.
 */
public final class W1Ir implements Lifting {
    /** {@code x -> x * x}. */
    public static final Fn<Double, Double> SQUARE = x -> x * x;
    /** {@code Double::sum}. */
    public static final Fn2<Double, Double, Double> SUM = Double::sum;

    /**
     * @param c the threshold, captured
     * @return {@code x -> x > c}
     */
    public static Pred<Double> above(double c) {
        return x -> x > c;
    }

    @Override
    public LiftResult lift(Object fn, List<Type> argTypes) {
        Var x = new Var("x", Type.DOUBLE);
        Expr lx = x.read();
        if (fn == SQUARE) {
            return lifted(List.of(x), Type.DOUBLE, new Expr.Binary(BinOp.MUL, lx, lx, Type.DOUBLE), 0, List.of());
        } else if (fn == SUM) {
            Var y = new Var("y", Type.DOUBLE);
            return lifted(List.of(x, y), Type.DOUBLE, new Expr.Binary(BinOp.ADD, lx, y.read(), Type.DOUBLE), 0, List.of());
        } else if (fn instanceof Pred<?> p && fn.getClass().getName().startsWith(W1Ir.class.getName())) {
            Var c = new Var("c", Type.DOUBLE);
            Object value = captured(fn);
            return lifted(List.of(c, x), Type.BOOLEAN, new Expr.Binary(BinOp.GT, lx, c.read(), Type.BOOLEAN), 1,
                    List.of(value));
        }
        return new LiftResult.Opaque("not in the hand-built W1 set", SourceRef.UNKNOWN);
    }

    private static Object captured(Object fn) {
        try {
            var f = fn.getClass().getDeclaredFields()[0];
            f.setAccessible(true);
            return f.get(fn);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LiftResult lifted(List<Var> params, Type result, Expr body, int captures, List<Object> values) {
        Function main = new Function("main", params, result, List.of(), List.of(new Stmt.Return(body)));
        return new LiftResult.Lifted(new LiftedLambda(main, List.of(), captures, SourceRef.UNKNOWN), values);
    }
}
