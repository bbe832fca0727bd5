package io.pappus.place;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.Stmt;
import io.pappus.ir.Var;

import java.util.List;

/**
 * A lifted lambda's shape without its constants (for history keys: {@code x -> x * 2.0} and
 * {@code x -> x * 3.0} cost the same) and its work per call, about one unit per operation,
 * ten for a math call, four for a division, a loop body counted sixteen times.
 */
final class IrShape {
    static final double CALL = 10;
    static final double DIVIDE = 4;
    static final double LOOP = 16;
    private final StringBuilder shape = new StringBuilder();
    private double work;

    private IrShape() {
    }

    /** @return {shape, work} of a lambda and the helpers it calls */
    static IrShape of(LiftedLambda l) {
        IrShape s = new IrShape();
        s.function(l.main(), 1);
        for (Function h : l.helpers()) {
            s.function(h, 0);  // a helper's cost is counted where it is invoked
        }
        return s;
    }

    String shape() {
        return shape.toString();
    }

    double work() {
        return work;
    }

    private void function(Function f, double weight) {
        shape.append(f.name()).append('(');
        for (Var p : f.params()) {
            shape.append(p.type().show()).append(' ');
        }
        shape.append(")->").append(f.result().show()).append('{');
        stmts(f.body(), weight);
        shape.append('}');
    }

    private void stmts(List<Stmt> body, double weight) {
        for (Stmt s : body) {
            stmt(s, weight);
        }
    }

    private void stmt(Stmt s, double weight) {
        shape.append(s.getClass().getSimpleName()).append('(');
        if (s instanceof Stmt.Assign a) {
            shape.append(a.local()).append('=');
            expr(a.value(), weight);
        } else if (s instanceof Stmt.Eval e) {
            expr(e.value(), weight);
        } else if (s instanceof Stmt.Return r) {
            if (r.value() != null) {
                expr(r.value(), weight);
            }
        } else if (s instanceof Stmt.If i) {
            expr(i.cond(), weight);
            stmts(i.then(), weight);
            shape.append('|');
            stmts(i.otherwise(), weight);
        } else if (s instanceof Stmt.Block b) {
            stmts(b.body(), weight);
        } else if (s instanceof Stmt.Loop l) {
            stmts(l.body(), weight * LOOP);
        } else if (!(s instanceof Stmt.Break || s instanceof Stmt.Continue)) {
            throw new AssertionError(s);
        }
        shape.append(')');
    }

    private void expr(Expr e, double weight) {
        if (e instanceof Expr.Const c) {
            shape.append("K:").append(c.type().show());
            return;
        } else if (e instanceof Expr.Local l) {
            shape.append(l.name());
            return;
        }
        shape.append(e.getClass().getSimpleName());
        if (e instanceof Expr.Binary b) {
            shape.append(':').append(b.op());
            work += weight * (b.op() == BinOp.DIV || b.op() == BinOp.REM ? DIVIDE : 1);
        } else if (e instanceof Expr.Unary u) {
            shape.append(':').append(u.op());
            work += weight;
        } else if (e instanceof Expr.Call c) {
            shape.append(':').append(c.fn());
            work += weight * CALL;
        } else if (e instanceof Expr.Invoke i) {
            shape.append(':').append(i.function());
            work += weight;
        } else if (e instanceof Expr.GetField g) {
            shape.append(':').append(g.index());
        } else {
            work += weight * 0.5;
        }
        shape.append(':').append(e.type().show()).append('(');
        for (Expr c : Expr.children(e)) {
            expr(c, weight);
            shape.append(',');
        }
        shape.append(')');
    }
}
