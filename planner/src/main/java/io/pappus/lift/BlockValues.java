package io.pappus.lift;

import io.pappus.ir.Expr;
import io.pappus.ir.Stmt;

import java.util.ArrayList;
import java.util.List;

/**
 * A block whose only work is to decide one local's value becomes one assignment of a
 * conditional expression. javac compiles a boolean {@code &&} or {@code ||} used as a value
 * into jumps, which the structurer turns into
 * {@code block b { if (c1) { if (c2) { v = 1; break b; } } v = 0; }}; this makes it
 * {@code v = c1 ? (c2 ? 1 : 0) : 0}, which later folds read as {@code c1 & c2} or
 * {@code c1 ? c2 : false}. Loops over one expression are what predicated and vector loops and
 * device kernels can use; control flow they cannot.
 *
 * <p>Meaning is kept: the conditions are tested in the same order on every path, so one that
 * throws (an integer division) throws on exactly the same inputs; the assigned values must be
 * unable to throw, because the expression evaluates only the value that survives where the block
 * evaluated each assignment on its path. The body may hold only {@code if}s, assignments to the
 * one local (not reading it) and breaks out of this block, and every path must assign it.
 */
final class BlockValues {
    /** Expressions larger than this stay control flow: each {@code if} copies what follows it. */
    private static final int MAX_NODES = 64;

    private BlockValues() {
    }

    static List<Stmt> fold(List<Stmt> list) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : list) {
            Stmt.Assign a = s instanceof Stmt.Block b ? asAssign(b) : null;
            out.add(a != null ? a : s);
        }
        return out;
    }

    private static Stmt.Assign asAssign(Stmt.Block b) {
        String local = firstAssigned(b.body());
        if (local == null) {
            return null;
        }
        Expr v = value(b.body(), b.label(), local, null);
        return v != null && size(v) <= MAX_NODES ? new Stmt.Assign(local, v) : null;
    }

    private static String firstAssigned(List<Stmt> list) {
        for (Stmt s : list) {
            if (s instanceof Stmt.Assign a) {
                return a.local();
            }
            if (s instanceof Stmt.If i) {
                String inThen = firstAssigned(i.then());
                if (inThen != null) {
                    return inThen;
                }
                String inElse = firstAssigned(i.otherwise());
                if (inElse != null) {
                    return inElse;
                }
            }
        }
        return null;
    }

    /**
     * @param current the local's value so far on this path, or null when not yet assigned
     * @return its value where this path leaves the block (a break or the end), or null when the
     *         statements are not of the allowed kinds or a path leaves it unassigned
     */
    private static Expr value(List<Stmt> list, String label, String local, Expr current) {
        for (int k = 0; k < list.size(); k++) {
            Stmt s = list.get(k);
            if (s instanceof Stmt.Assign a && a.local().equals(local) && !Exprs.reads(a.value(), local)
                    && !Exprs.canThrow(a.value())) {
                current = a.value();
            } else if (s instanceof Stmt.Break br && br.label().equals(label)) {
                return current;
            } else if (s instanceof Stmt.If i) {
                List<Stmt> rest = list.subList(k + 1, list.size());
                Expr t = value(concat(i.then(), rest), label, local, current);
                Expr f = t == null ? null : value(concat(i.otherwise(), rest), label, local, current);
                if (f == null || !t.type().equals(f.type()) || size(t) + size(f) > MAX_NODES) {
                    return null;
                }
                return t.equals(f) && !Exprs.canThrow(i.cond()) ? t : Exprs.simplifySelect(i.cond(), t, f, t.type());
            } else {
                return null;
            }
        }
        return current;
    }

    private static List<Stmt> concat(List<Stmt> a, List<Stmt> b) {
        List<Stmt> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static int size(Expr e) {
        int n = 1;
        for (Expr c : Exprs.children(e)) {
            n += size(c);
        }
        return n;
    }
}
