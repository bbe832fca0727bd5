package io.pappus.opencl.exec;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.Intrinsic;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.Stmt;
import io.pappus.ir.Var;
import io.pappus.opencl.codegen.ReduceOp;

import java.util.List;
import java.util.Optional;

/**
 * Recognises a {@code reduce} lambda that the device's reduction tree computes with Java's
 * meaning: {@code (a, b) -> a + b}, {@code Math.min(a, b)} or {@code Math.max(a, b)} of its two
 * arguments, written directly or through a one-line static helper such as {@code Double::sum}
 * or {@code Integer::max}. Anything else (a conditional, a capture, a constant) stays a
 * general reduction and runs on the JVM: lifting never guesses, and neither does this.
 */
final class ReduceShape {
    private ReduceShape() {
    }

    /**
     * @param op the reduce lambda
     * @return SUM, MIN or MAX, or empty when the lambda is none of them
     */
    static Optional<ReduceOp> of(LiftedLambda op) {
        if (op.captureCount() != 0 || op.args().size() != 2) {
            return Optional.empty();
        }
        return of(op, op.main(), op.args().get(0).name(), op.args().get(1).name(), 0);
    }

    private static Optional<ReduceOp> of(LiftedLambda l, Function f, String a, String b, int depth) {
        if (depth > 2 || f.body().size() != 1 || !(f.body().get(0) instanceof Stmt.Return r) || r.value() == null) {
            return Optional.empty();
        }
        Expr e = r.value();
        if (e instanceof Expr.Binary bin && bin.op() == BinOp.ADD && args(bin.left(), bin.right(), a, b)) {
            return Optional.of(ReduceOp.SUM);
        } else if (e instanceof Expr.Call c && c.args().size() == 2 && args(c.args().get(0), c.args().get(1), a, b)) {
            if (c.fn() == Intrinsic.MIN) {
                return Optional.of(ReduceOp.MIN);
            } else if (c.fn() == Intrinsic.MAX) {
                return Optional.of(ReduceOp.MAX);
            }
        } else if (e instanceof Expr.Invoke inv && inv.args().size() == 2 && args(inv.args().get(0), inv.args().get(1), a, b)) {
            Function h = l.helper(inv.function());
            List<Var> ps = h.params();
            boolean straight = inv.args().get(0) instanceof Expr.Local x && x.name().equals(a);
            return ps.size() == 2 ? of(l, h, ps.get(straight ? 0 : 1).name(), ps.get(straight ? 1 : 0).name(), depth + 1)
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** Both operands are the two arguments, in either order (all three operations commute). */
    private static boolean args(Expr x, Expr y, String a, String b) {
        return x instanceof Expr.Local lx && y instanceof Expr.Local ly
                && (lx.name().equals(a) && ly.name().equals(b) || lx.name().equals(b) && ly.name().equals(a));
    }
}
