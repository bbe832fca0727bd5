package io.pappus.lift;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.ir.UnOp;

import java.util.List;

/** Small constructors and queries on IR expressions that the lifter needs everywhere. */
final class Exprs {
    private Exprs() {
    }

    static Expr.Const intConst(int v) {
        return new Expr.Const(Type.INT, v);
    }

    static Expr.Const bool(boolean v) {
        return new Expr.Const(Type.BOOLEAN, v);
    }

    static boolean isKind(Type t, PrimKind k) {
        return t instanceof Type.Prim p && p.kind() == k;
    }

    /** @return whether values of {@code t} live in a JVM int (boolean, byte, short, char, int) */
    static boolean isIntCategory(Type t) {
        return t instanceof Type.Prim p && p.kind().computational() == PrimKind.INT;
    }

    /**
     * Converts an int-category value to the IR type the bytecode's context demands; on the JVM
     * these are all the same int, so no conversion changes a value.
     */
    static Expr coerce(Expr e, Type to) {
        if (to == null || e.type().equals(to) || !(to instanceof Type.Prim p) || !isIntCategory(e.type())
                || p.kind().computational() != PrimKind.INT) {
            return e;
        }
        if (p.kind() == PrimKind.BOOLEAN) {
            return toBoolean(e);
        }
        if (e.type().equals(Type.BOOLEAN)) {
            Expr asInt = new Expr.Select(e, intConst(1), intConst(0), Type.INT);
            return to.equals(Type.INT) ? asInt : new Expr.Cast(asInt, to);
        }
        if (e instanceof Expr.Const c) {
            return new Expr.Const(to, c.value());
        }
        if (to.equals(Type.INT)) {
            return e; // byte, short and char read as int without a conversion
        }
        return new Expr.Cast(e, to);
    }

    private static Expr toBoolean(Expr e) {
        if (e instanceof Expr.Const c) {
            return bool(((Integer) c.value()) != 0);
        }
        if (e instanceof Expr.Select s && isBoolConst(s.ifTrue()) && isBoolConst(s.ifFalse())) {
            return simplifySelect(boolCompare(s.cond()), toBoolean(s.ifTrue()), toBoolean(s.ifFalse()), Type.BOOLEAN);
        }
        if (e instanceof Expr.Binary b && isBitwise(b.op()) && zeroOne(b.left()) && zeroOne(b.right())) {
            // javac's `x > a | x < b`: ints of 0/1 combined bitwise are the booleans combined the same way
            // (both sides evaluated, as before)
            return new Expr.Binary(b.op(), toBoolean(b.left()), toBoolean(b.right()), Type.BOOLEAN);
        }
        return new Expr.Binary(BinOp.NE, e, zeroOf(e.type()), Type.BOOLEAN);
    }

    /** {@code (c1 ? 1 : 0) == (c2 ? 1 : 0)} is {@code c1 == c2} on booleans; other conditions stay. */
    private static Expr boolCompare(Expr cond) {
        if (cond instanceof Expr.Binary b && (b.op() == BinOp.EQ || b.op() == BinOp.NE)
                && isIntCategory(b.left().type()) && zeroOne(b.left()) && zeroOne(b.right())) {
            return new Expr.Binary(b.op(), toBoolean(b.left()), toBoolean(b.right()), Type.BOOLEAN);
        }
        return cond;
    }

    private static boolean isBitwise(BinOp op) {
        return op == BinOp.AND || op == BinOp.OR || op == BinOp.XOR;
    }

    /** @return whether {@code e} is an int that can only be 0 or 1 (a boolean as javac computes it) */
    static boolean zeroOne(Expr e) {
        if (e instanceof Expr.Const c) {
            return c.value() instanceof Integer i && (i == 0 || i == 1);
        }
        if (e instanceof Expr.Select s) {
            return isIntCategory(s.type()) && zeroOne(s.ifTrue()) && zeroOne(s.ifFalse());
        }
        if (e instanceof Expr.Binary b && isBitwise(b.op())) {
            return isIntCategory(b.type()) && zeroOne(b.left()) && zeroOne(b.right());
        }
        return false;
    }

    private static boolean isBoolConst(Expr e) {
        return e instanceof Expr.Const c && c.value() instanceof Integer i && (i == 0 || i == 1)
                || e.type().equals(Type.BOOLEAN);
    }

    static Expr.Const zeroOf(Type t) {
        return new Expr.Const(t, IrValues.zero(((Type.Prim) t).kind()));
    }

    /**
     * {@code c ? a : b}, folded when the arms are boolean constants; with one constant arm it is
     * {@code &} or {@code |} ({@code c ? a : false} is {@code c & a}, {@code c ? true : b} is
     * {@code c | b}) when the other arm is plain arithmetic and comparisons (it cannot throw and
     * costs little, so evaluating it always is unobservable), and no branch is left.
     */
    static Expr simplifySelect(Expr c, Expr a, Expr b, Type t) {
        if (t.equals(Type.BOOLEAN) && a instanceof Expr.Const ca && b instanceof Expr.Const cb) {
            if (Boolean.TRUE.equals(ca.value()) && Boolean.FALSE.equals(cb.value())) {
                return c;
            }
            if (Boolean.FALSE.equals(ca.value()) && Boolean.TRUE.equals(cb.value())) {
                return not(c);
            }
        }
        if (t.equals(Type.BOOLEAN) && c.type().equals(Type.BOOLEAN)) {
            if (b instanceof Expr.Const cb && cb.value() instanceof Boolean v && plain(a)) {
                // c ? a : false is c & a; c ? a : true is !c | a
                return v ? new Expr.Binary(BinOp.OR, not(c), a, Type.BOOLEAN) : new Expr.Binary(BinOp.AND, c, a, Type.BOOLEAN);
            }
            if (a instanceof Expr.Const ca && ca.value() instanceof Boolean v && plain(b)) {
                // c ? true : b is c | b; c ? false : b is !c & b
                return v ? new Expr.Binary(BinOp.OR, c, b, Type.BOOLEAN) : new Expr.Binary(BinOp.AND, not(c), b, Type.BOOLEAN);
            }
        }
        return new Expr.Select(c, a, b, t);
    }

    /** @return whether {@code e} is only constants, locals, record fields, operators, primitive casts and conditionals that cannot throw */
    private static boolean plain(Expr e) {
        boolean primCast = e instanceof Expr.Cast c && c.type() instanceof Type.Prim && c.operand().type() instanceof Type.Prim;
        if (!(e instanceof Expr.Const || e instanceof Expr.Local || e instanceof Expr.Unary || e instanceof Expr.Binary
                || e instanceof Expr.Select || e instanceof Expr.GetField || primCast) || canThrow(e)) {
            return false;
        }
        return children(e).stream().allMatch(Exprs::plain);
    }

    /** Logical negation, flipping integer comparisons (float ones only for == and !=: NaN). */
    static Expr not(Expr e) {
        if (e instanceof Expr.Unary u && u.op() == UnOp.NOT) {
            return u.operand();
        }
        if (e instanceof Expr.Const c && c.value() instanceof Boolean b) {
            return bool(!b);
        }
        // == and != are exact negations even with NaN; the ordered tests are not
        boolean exact = e instanceof Expr.Binary b0 && (b0.op() == BinOp.EQ || b0.op() == BinOp.NE);
        if (e instanceof Expr.Binary b && b.op().isComparison() && (exact || !isFloating(b.left().type()))) {
            return new Expr.Binary(flip(b.op()), b.left(), b.right(), Type.BOOLEAN);
        }
        return new Expr.Unary(UnOp.NOT, e, Type.BOOLEAN);
    }

    static boolean isFloating(Type t) {
        return t instanceof Type.Prim p && p.kind().isFloating();
    }

    private static BinOp flip(BinOp op) {
        return switch (op) {
            case LT -> BinOp.GE;
            case LE -> BinOp.GT;
            case GT -> BinOp.LE;
            case GE -> BinOp.LT;
            case EQ -> BinOp.NE;
            case NE -> BinOp.EQ;
            default -> throw new AssertionError(op);
        };
    }

    /** @return whether evaluating {@code e} may throw, so it must not be dropped or reordered */
    static boolean canThrow(Expr e) {
        if (e instanceof Expr.Binary b) {
            boolean intDiv = (b.op() == BinOp.DIV || b.op() == BinOp.REM) && !isFloating(b.left().type());
            return intDiv && !(b.right() instanceof Expr.Const c && !isZero(c))
                    || canThrow(b.left()) || canThrow(b.right());
        }
        if (e instanceof Expr.ArrayGet || e instanceof Expr.Invoke) {
            return true;
        }
        if (e instanceof Expr.Call c && (c.fn() == io.pappus.ir.Intrinsic.FLOOR_DIV
                || c.fn() == io.pappus.ir.Intrinsic.FLOOR_MOD)) {
            return true;
        }
        return children(e).stream().anyMatch(Exprs::canThrow);
    }

    private static boolean isZero(Expr.Const c) {
        return c.value() instanceof Number n && n.longValue() == 0;
    }

    /** @return whether {@code e} reads the local {@code name} */
    static boolean reads(Expr e, String name) {
        if (e instanceof Expr.Local l) {
            return l.name().equals(name);
        }
        return children(e).stream().anyMatch(c -> reads(c, name));
    }

    /** @return how often {@code e} reads the local {@code name} */
    static int countReads(Expr e, String name) {
        if (e instanceof Expr.Local l) {
            return l.name().equals(name) ? 1 : 0;
        }
        int n = 0;
        for (Expr c : children(e)) {
            n += countReads(c, name);
        }
        return n;
    }

    static List<Expr> children(Expr e) {
        return Expr.children(e);
    }
}
