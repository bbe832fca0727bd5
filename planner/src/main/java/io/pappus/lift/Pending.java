package io.pappus.lift;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.Type;
import io.pappus.ir.UnOp;

/**
 * Operand stack entries that are not yet IR values: a comparison result that javac almost
 * always feeds straight into a conditional jump, and an object under construction.
 */
sealed interface Pending {

    /**
     * The int result of LCMP, FCMPL/DCMPL ({@code nanResult} -1) or FCMPG/DCMPG (+1).
     *
     * @param left      first operand
     * @param right     second operand
     * @param nanResult what an unordered comparison yields: -1, +1, or 0 for LCMP (never NaN)
     */
    record Compare(Expr left, Expr right, int nanResult) implements Pending {

        /**
         * @param op a jump's comparison of this result with zero
         * @return the same test on the operands, NaN included (JLS 15.20.1)
         */
        Expr test(BinOp op) {
            if (nanResult < 0) {
                // NaN gives -1: true for < <= !=, so < and <= are negations of ordered tests
                return switch (op) {
                    case LT -> not(BinOp.GE);
                    case LE -> not(BinOp.GT);
                    default -> cmp(op);
                };
            }
            if (nanResult > 0) {
                return switch (op) {
                    case GT -> not(BinOp.LE);
                    case GE -> not(BinOp.LT);
                    default -> cmp(op);
                };
            }
            return cmp(op);
        }

        /** @return the -1/0/1 value when javac uses the result as an int */
        Expr value() {
            Expr inner = new Expr.Select(cmp(BinOp.EQ), Exprs.intConst(0), Exprs.intConst(nanResult > 0 ? 1 : -1), Type.INT);
            return nanResult > 0
                    ? new Expr.Select(cmp(BinOp.LT), Exprs.intConst(-1), inner, Type.INT)
                    : new Expr.Select(cmp(BinOp.GT), Exprs.intConst(1), inner, Type.INT);
        }

        private Expr cmp(BinOp op) {
            return new Expr.Binary(op, left, right, Type.BOOLEAN);
        }

        private Expr not(BinOp op) {
            return new Expr.Unary(UnOp.NOT, cmp(op), Type.BOOLEAN);
        }
    }

    /**
     * The result of NEW before its constructor ran (identity matters: DUP copies the same one).
     *
     * @param internalName the class
     */
    final class Uninit implements Pending {
        final String internalName;

        Uninit(String internalName) {
            this.internalName = internalName;
        }
    }
}
