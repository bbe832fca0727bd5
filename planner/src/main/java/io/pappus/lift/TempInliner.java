package io.pappus.lift;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Inlines a lifter temporary ({@code s*}, {@code t*}) that is set once and read once, by the
 * very next statement, when moving the expression cannot change which exception is thrown;
 * then folds {@code (c ? 1 : 0) != 0} back to {@code c}.
 */
final class TempInliner {
    private TempInliner() {
    }

    static List<Stmt> run(List<Stmt> body) {
        Map<String, Integer> sets = new HashMap<>();
        Map<String, Integer> reads = new HashMap<>();
        forEachStmt(body, s -> {
            if (s instanceof Stmt.Assign a) {
                sets.merge(a.local(), 1, Integer::sum);
            }
            for (Expr e : topExprs(s)) {
                countReads(e, reads);
            }
        });
        return Cleanup.map(body, list -> inline(list, sets, reads));
    }

    private static List<Stmt> inline(List<Stmt> list, Map<String, Integer> sets, Map<String, Integer> reads) {
        List<Stmt> out = new ArrayList<>(list);
        for (int k = out.size() - 2; k >= 0; k--) {
            if (!(out.get(k) instanceof Stmt.Assign a) || !isTemp(a.local())
                    || sets.getOrDefault(a.local(), 0) != 1 || reads.getOrDefault(a.local(), 0) != 1) {
                continue;
            }
            Stmt next = out.get(k + 1);
            List<Expr> tops = topExprs(next);
            if (tops.isEmpty() || Exprs.countReads(tops.get(0), a.local()) != 1) {
                continue;
            }
            Expr top = tops.get(0);
            if (Exprs.canThrow(a.value())) {
                Expr hole = new Expr.Local("$hole", a.value().type());
                if (Exprs.canThrow(substitute(top, a.local(), hole)) || underSelectArm(top, a.local(), false)) {
                    continue;
                }
            }
            out.set(k + 1, replaceTop(next, simplify(substitute(top, a.local(), a.value()))));
            out.remove(k);
        }
        return out;
    }

    private static boolean isTemp(String name) {
        return name.length() > 1 && (name.charAt(0) == 's' || name.charAt(0) == 't') && Character.isDigit(name.charAt(1));
    }

    /** The expression a statement evaluates first and always (an if's condition, not its arms). */
    static List<Expr> topExprs(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            return List.of(a.value());
        } else if (s instanceof Stmt.Eval e) {
            return List.of(e.value());
        } else if (s instanceof Stmt.Return r) {
            return List.of(r.value());
        } else if (s instanceof Stmt.If i) {
            return List.of(i.cond());
        }
        return List.of();
    }

    private static Stmt replaceTop(Stmt s, Expr e) {
        if (s instanceof Stmt.Assign a) {
            return new Stmt.Assign(a.local(), e);
        } else if (s instanceof Stmt.Eval) {
            return new Stmt.Eval(e);
        } else if (s instanceof Stmt.Return) {
            return new Stmt.Return(e);
        }
        Stmt.If i = (Stmt.If) s;
        return new Stmt.If(e, i.then(), i.otherwise());
    }

    static void forEachStmt(List<Stmt> list, Consumer<Stmt> f) {
        for (Stmt s : list) {
            f.accept(s);
            if (s instanceof Stmt.If i) {
                forEachStmt(i.then(), f);
                forEachStmt(i.otherwise(), f);
            } else if (s instanceof Stmt.Block b) {
                forEachStmt(b.body(), f);
            } else if (s instanceof Stmt.Loop l) {
                forEachStmt(l.body(), f);
            }
        }
    }

    private static void countReads(Expr e, Map<String, Integer> reads) {
        if (e instanceof Expr.Local l) {
            reads.merge(l.name(), 1, Integer::sum);
        }
        for (Expr c : Exprs.children(e)) {
            countReads(c, reads);
        }
    }

    private static boolean underSelectArm(Expr e, String name, boolean inArm) {
        if (e instanceof Expr.Local l) {
            return inArm && l.name().equals(name);
        }
        if (e instanceof Expr.Select s) {
            return underSelectArm(s.cond(), name, inArm) || underSelectArm(s.ifTrue(), name, true)
                    || underSelectArm(s.ifFalse(), name, true);
        }
        for (Expr c : Exprs.children(e)) {
            if (underSelectArm(c, name, inArm)) {
                return true;
            }
        }
        return false;
    }

    static Expr substitute(Expr e, String name, Expr with) {
        if (e instanceof Expr.Local l) {
            return l.name().equals(name) ? with : e;
        } else if (e instanceof Expr.Const) {
            return e;
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), substitute(u.operand(), name, with), u.type());
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), substitute(b.left(), name, with), substitute(b.right(), name, with), b.type());
        } else if (e instanceof Expr.Cast c) {
            return new Expr.Cast(substitute(c.operand(), name, with), c.type());
        } else if (e instanceof Expr.Select s) {
            return new Expr.Select(substitute(s.cond(), name, with), substitute(s.ifTrue(), name, with),
                    substitute(s.ifFalse(), name, with), s.type());
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.fn(), all(c.args(), name, with), c.type());
        } else if (e instanceof Expr.Invoke i) {
            return new Expr.Invoke(i.function(), all(i.args(), name, with), i.type());
        } else if (e instanceof Expr.GetField g) {
            return new Expr.GetField(substitute(g.target(), name, with), g.index(), g.type());
        } else if (e instanceof Expr.New n) {
            return new Expr.New(n.type(), all(n.args(), name, with));
        } else if (e instanceof Expr.ArrayLength a) {
            return new Expr.ArrayLength(substitute(a.array(), name, with));
        } else if (e instanceof Expr.ArrayGet a) {
            return new Expr.ArrayGet(substitute(a.array(), name, with), substitute(a.index(), name, with), a.type());
        }
        throw new AssertionError(e);
    }

    private static List<Expr> all(List<Expr> es, String name, Expr with) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : es) {
            out.add(substitute(e, name, with));
        }
        return out;
    }

    /**
     * Folds the int round trip of a materialised boolean: {@code (c ? 1 : 0) != 0} is {@code c},
     * {@code ((c1 ? 1 : 0) | (c2 ? 1 : 0)) != 0} is {@code c1 | c2} (both sides still evaluated) and
     * {@code (c1 ? 1 : 0) == (c2 ? 1 : 0)} is {@code c1 == c2}.
     */
    static Expr simplify(Expr e) {
        if (e instanceof Expr.Binary b && (b.op() == BinOp.NE || b.op() == BinOp.EQ)
                && b.right() instanceof Expr.Const z && Integer.valueOf(0).equals(z.value())
                && b.left() instanceof Expr.Select s && isIntConstTree(s)) {
            Expr truth = truthOf(s);
            return b.op() == BinOp.NE ? truth : Exprs.not(truth);
        }
        if (e instanceof Expr.Binary b && (b.op() == BinOp.NE || b.op() == BinOp.EQ) && Exprs.isIntCategory(b.left().type())
                && Exprs.zeroOne(b.left()) && Exprs.zeroOne(b.right())) {
            // booleans javac computed as 0/1 ints: `(x > a | x < b) != 0`, `(x >= a) == (x <= b)`
            Expr l = Exprs.coerce(b.left(), Type.BOOLEAN);
            Expr r = b.right();
            if (r instanceof Expr.Const z && Integer.valueOf(0).equals(z.value())) {
                return b.op() == BinOp.NE ? l : Exprs.not(l);
            }
            return new Expr.Binary(b.op(), l, Exprs.coerce(r, Type.BOOLEAN), Type.BOOLEAN);
        }
        List<Expr> kids = Exprs.children(e);
        if (kids.isEmpty()) {
            return e;
        }
        Expr out = e;
        for (Expr k : kids) {
            Expr sk = simplify(k);
            if (sk != k) {
                out = replaceChild(out, k, sk);
            }
        }
        return out;
    }

    /** Rebuilds the operator nodes the fold can reach through; other nodes keep their children. */
    private static Expr replaceChild(Expr parent, Expr child, Expr with) {
        if (parent instanceof Expr.Select s) {
            return new Expr.Select(s.cond() == child ? with : s.cond(), s.ifTrue() == child ? with : s.ifTrue(),
                    s.ifFalse() == child ? with : s.ifFalse(), s.type());
        } else if (parent instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), b.left() == child ? with : b.left(), b.right() == child ? with : b.right(), b.type());
        } else if (parent instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), with, u.type());
        }
        return parent;
    }

    private static boolean isIntConstTree(Expr e) {
        if (e instanceof Expr.Const c) {
            return c.value() instanceof Integer;
        }
        return e instanceof Expr.Select s && isIntConstTree(s.ifTrue()) && isIntConstTree(s.ifFalse());
    }

    private static Expr truthOf(Expr e) {
        if (e instanceof Expr.Const c) {
            return Exprs.bool((Integer) c.value() != 0);
        }
        Expr.Select s = (Expr.Select) e;
        return Exprs.simplifySelect(s.cond(), truthOf(s.ifTrue()), truthOf(s.ifFalse()), Type.BOOLEAN);
    }
}
