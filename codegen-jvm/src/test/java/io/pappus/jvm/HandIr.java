package io.pappus.jvm;

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

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built IR for test lambdas, until the lifter lands: a Lifting that knows given objects. */
final class HandIr implements Lifting {
    private final Map<Object, LiftResult> known = new IdentityHashMap<>();

    HandIr with(Object fn, LiftResult r) {
        known.put(fn, r);
        return this;
    }

    @Override
    public LiftResult lift(Object fn, List<Type> argTypes) {
        LiftResult r = known.get(fn);
        return r != null ? r : new LiftResult.Opaque("not hand-built", SourceRef.UNKNOWN);
    }

    static Expr.Local x(Type t) {
        return new Expr.Local("x", t);
    }

    static Expr c(double v) {
        return new Expr.Const(Type.DOUBLE, v);
    }

    static Expr bin(BinOp op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r, op.isComparison() ? Type.BOOLEAN : l.type());
    }

    /** One-expression lambda over params named x (and y), with captures c0.. first. */
    static LiftResult.Lifted fn(Type result, Expr body, List<Var> captures, List<Object> values, Var... args) {
        List<Var> params = new ArrayList<>(captures);
        params.addAll(List.of(args));
        Function main = new Function("main", params, result, List.of(), List.of(new Stmt.Return(body)));
        return new LiftResult.Lifted(new LiftedLambda(main, List.of(), captures.size(), SourceRef.UNKNOWN), values);
    }

    static LiftResult.Lifted fn(Type result, Expr body, Var... args) {
        return fn(result, body, List.of(), List.of(), args);
    }

    static LiftResult.Lifted lifted(Function main, int captures, List<Object> values, Function... helpers) {
        return new LiftResult.Lifted(new LiftedLambda(main, List.of(helpers), captures, SourceRef.UNKNOWN), values);
    }
}
