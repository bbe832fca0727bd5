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

/** Small helpers to build IR by hand in tests. */
public final class IrBuild {
    private IrBuild() {
    }

    /** @return {@code l op r} with the left operand's type (boolean for comparisons) */
    public static Expr bin(BinOp op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r, op.isComparison() ? Type.BOOLEAN : l.type());
    }

    /** @return an int literal */
    public static Expr.Const i(int v) {
        return new Expr.Const(Type.INT, v);
    }

    /** @return a double literal */
    public static Expr.Const d(double v) {
        return new Expr.Const(Type.DOUBLE, v);
    }

    /** @return a lambda {@code (p0) -> body} with no captures */
    public static LiftedLambda fn(Type arg, Type result, java.util.function.Function<Expr, Expr> body) {
        Var p = new Var("p0", arg);
        return new LiftedLambda(new Function("main", List.of(p), result, List.of(),
                List.of(new Stmt.Return(body.apply(p.read())))), List.of(), 0, SourceRef.UNKNOWN);
    }

    /** @return a lambda {@code (p0, p1) -> body} with no captures */
    public static LiftedLambda fn2(Type a, Type b, Type result, java.util.function.BiFunction<Expr, Expr, Expr> body) {
        Var p = new Var("p0", a);
        Var q = new Var("p1", b);
        return new LiftedLambda(new Function("main", List.of(p, q), result, List.of(),
                List.of(new Stmt.Return(body.apply(p.read(), q.read())))), List.of(), 0, SourceRef.UNKNOWN);
    }
}
