package io.pappus.opencl.codegen;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.Intrinsic;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.util.List;

/** Which IR expressions may throw, so a translation never drops one silently. */
final class OclEffects {
    private OclEffects() {
    }

    static boolean mayFail(Expr e) {
        if (e instanceof Expr.Const || e instanceof Expr.Local) {
            return false;
        } else if (e instanceof Expr.Unary u) {
            return mayFail(u.operand());
        } else if (e instanceof Expr.Binary b) {
            boolean integral = b.left().type() instanceof Type.Prim p && p.kind().computational() != PrimKind.FLOAT
                    && p.kind().computational() != PrimKind.DOUBLE;
            return integral && (b.op() == BinOp.DIV || b.op() == BinOp.REM) || mayFail(b.left()) || mayFail(b.right());
        } else if (e instanceof Expr.Cast c) {
            return mayFail(c.operand());
        } else if (e instanceof Expr.Select s) {
            return mayFail(s.cond()) || mayFail(s.ifTrue()) || mayFail(s.ifFalse());
        } else if (e instanceof Expr.Call c) {
            return c.fn() == Intrinsic.FLOOR_DIV || c.fn() == Intrinsic.FLOOR_MOD || any(c.args());
        } else if (e instanceof Expr.New n) {
            return any(n.args());
        } else if (e instanceof Expr.GetField g) {
            return mayFail(g.target());
        } else if (e instanceof Expr.ArrayLength a) {
            return mayFail(a.array());
        }
        return true; // Invoke, ArrayGet
    }

    private static boolean any(List<Expr> es) {
        for (Expr e : es) {
            if (mayFail(e)) {
                return true;
            }
        }
        return false;
    }
}
