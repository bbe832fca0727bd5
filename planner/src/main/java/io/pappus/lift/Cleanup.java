package io.pappus.lift;

import io.pappus.ir.Expr;
import io.pappus.ir.Stmt;
import io.pappus.ir.Var;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Makes structured IR readable without changing its meaning: moves loop exits after their
 * loop, drops jumps that only fall through, unwraps blocks nobody leaves, turns
 * {@code if (c) x = a; else x = b;} into {@code x = c ? a : b}, and a block that only decides
 * one value into its expression ({@link BlockValues}), and inlines single-use temporaries. Runs to a fixed point.
 */
final class Cleanup {
    private Cleanup() {
    }

    static List<Stmt> run(List<Stmt> body) {
        for (int round = 0; round < 20; round++) {
            List<Stmt> next = body;
            next = map(next, Cleanup::hoistLoopExits);
            next = map(next, Cleanup::stripTrailingJumps);
            next = map(next, Cleanup::unwrapBlocks);
            next = map(next, Cleanup::guards);
            next = map(next, BlockValues::fold);
            next = map(next, Cleanup::selects);
            next = TempInliner.run(next);
            next = map(next, Cleanup::tidy);
            if (next.equals(body)) {
                return next;
            }
            body = next;
        }
        return body;
    }

    /** @return the locals the body uses, in declaration order */
    static List<Var> usedLocals(List<Stmt> body, List<Var> all) {
        Set<String> used = new HashSet<>();
        TempInliner.forEachStmt(body, s -> {
            if (s instanceof Stmt.Assign a) {
                used.add(a.local());
            }
            for (Expr e : TempInliner.topExprs(s)) {
                collect(e, used);
            }
        });
        return all.stream().filter(v -> used.contains(v.name())).toList();
    }

    private static void collect(Expr e, Set<String> used) {
        if (e instanceof Expr.Local l) {
            used.add(l.name());
        }
        for (Expr c : Exprs.children(e)) {
            collect(c, used);
        }
    }

    /** Applies {@code f} to every statement list, innermost first. */
    static List<Stmt> map(List<Stmt> list, UnaryOperator<List<Stmt>> f) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : list) {
            if (s instanceof Stmt.If i) {
                out.add(new Stmt.If(i.cond(), map(i.then(), f), map(i.otherwise(), f)));
            } else if (s instanceof Stmt.Block b) {
                out.add(new Stmt.Block(b.label(), map(b.body(), f)));
            } else if (s instanceof Stmt.Loop l) {
                out.add(new Stmt.Loop(l.label(), map(l.body(), f)));
            } else {
                out.add(s);
            }
        }
        return f.apply(out);
    }

    static boolean refers(List<Stmt> list, String label) {
        for (Stmt s : list) {
            if (s instanceof Stmt.Break b && b.label().equals(label)
                    || s instanceof Stmt.Continue c && c.label().equals(label)
                    || s instanceof Stmt.If i && (refers(i.then(), label) || refers(i.otherwise(), label))
                    || s instanceof Stmt.Block b2 && refers(b2.body(), label)
                    || s instanceof Stmt.Loop l && refers(l.body(), label)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code loop L { block B { H } rest }} where {@code rest} never repeats the loop becomes
     * {@code block B { loop L { H } } rest}: H never falls off its end (every path jumps), so
     * leaving B is the only way into rest either way. Likewise a final {@code if} arm that
     * never repeats the loop moves after it, replaced by {@code break L}. Both need arms that
     * end in explicit jumps, so this runs before fall-through jumps are stripped.
     */
    private static List<Stmt> hoistLoopExits(List<Stmt> list) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : list) {
            if (s instanceof Stmt.Loop l && l.body().size() >= 2 && l.body().get(0) instanceof Stmt.Block b) {
                List<Stmt> rest = l.body().subList(1, l.body().size());
                if (!refers(rest, l.label()) && !breaks(b.body(), l.label()) && endsInJump(b.body())) {
                    out.add(new Stmt.Block(b.label(), List.of(new Stmt.Loop(l.label(), b.body()))));
                    out.addAll(rest);
                    continue;
                }
            }
            if (s instanceof Stmt.Loop l && !l.body().isEmpty() && l.body().get(l.body().size() - 1) instanceof Stmt.If i) {
                List<Stmt> head = l.body().subList(0, l.body().size() - 1);
                if (!refers(i.otherwise(), l.label()) && refers(i.then(), l.label()) && endsInJump(i.otherwise())
                        && endsInJump(i.then()) && !isJustBreak(i.otherwise(), l.label())) {
                    List<Stmt> body = new ArrayList<>(head);
                    body.add(new Stmt.If(i.cond(), i.then(), List.of(new Stmt.Break(l.label()))));
                    out.add(new Stmt.Loop(l.label(), body));
                    out.addAll(i.otherwise());
                    continue;
                }
                if (!refers(i.then(), l.label()) && refers(i.otherwise(), l.label()) && endsInJump(i.then())
                        && endsInJump(i.otherwise()) && !isJustBreak(i.then(), l.label())) {
                    List<Stmt> body = new ArrayList<>(head);
                    body.add(new Stmt.If(i.cond(), List.of(new Stmt.Break(l.label())), i.otherwise()));
                    out.add(new Stmt.Loop(l.label(), body));
                    out.addAll(i.then());
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    private static boolean breaks(List<Stmt> list, String label) {
        for (Stmt s : list) {
            if (s instanceof Stmt.Break b && b.label().equals(label)
                    || s instanceof Stmt.If i && (breaks(i.then(), label) || breaks(i.otherwise(), label))
                    || s instanceof Stmt.Block b2 && breaks(b2.body(), label)
                    || s instanceof Stmt.Loop l && breaks(l.body(), label)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJustBreak(List<Stmt> list, String label) {
        return list.size() == 1 && list.get(0) instanceof Stmt.Break b && b.label().equals(label);
    }

    /** A jump to where control goes anyway: {@code break B} at the end of B, {@code continue L} at the end of L. */
    private static List<Stmt> stripTrailingJumps(List<Stmt> list) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : list) {
            if (s instanceof Stmt.Block b) {
                out.add(new Stmt.Block(b.label(), strip(b.body(), b.label(), false)));
            } else if (s instanceof Stmt.Loop l) {
                out.add(new Stmt.Loop(l.label(), strip(l.body(), l.label(), true)));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static List<Stmt> strip(List<Stmt> body, String label, boolean loop) {
        if (body.isEmpty()) {
            return body;
        }
        Stmt last = body.get(body.size() - 1);
        List<Stmt> head = new ArrayList<>(body.subList(0, body.size() - 1));
        if (!loop && last instanceof Stmt.Break b && b.label().equals(label)
                || loop && last instanceof Stmt.Continue c && c.label().equals(label)) {
            return head;
        }
        if (last instanceof Stmt.If i) {
            head.add(new Stmt.If(i.cond(), strip(i.then(), label, loop), strip(i.otherwise(), label, loop)));
            return head;
        }
        if (last instanceof Stmt.Block b) {
            head.add(new Stmt.Block(b.label(), strip(b.body(), label, loop)));
            return head;
        }
        return body;
    }

    private static List<Stmt> unwrapBlocks(List<Stmt> list) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : list) {
            if (s instanceof Stmt.Block b && !refers(b.body(), b.label())) {
                out.addAll(b.body());
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * {@code if (c) { jump } else { X }} becomes {@code if (c) { jump } X},
     * and an empty arm goes to the else side.
     */
    private static List<Stmt> guards(List<Stmt> list) {
        List<Stmt> out = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            Stmt s = list.get(k);
            if (s instanceof Stmt.If i && i.then().isEmpty() && !i.otherwise().isEmpty()) {
                s = i = new Stmt.If(Exprs.not(i.cond()), i.otherwise(), List.of());
            }
            if (s instanceof Stmt.If i && !i.otherwise().isEmpty()) {
                if (endsInJump(i.then())) {
                    out.add(new Stmt.If(i.cond(), i.then(), List.of()));
                    out.addAll(i.otherwise());
                    continue;
                }
                if (endsInJump(i.otherwise())) {
                    out.add(new Stmt.If(Exprs.not(i.cond()), i.otherwise(), List.of()));
                    out.addAll(i.then());
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    private static boolean endsInJump(List<Stmt> list) {
        if (list.isEmpty()) {
            return false;
        }
        Stmt last = list.get(list.size() - 1);
        return last instanceof Stmt.Break || last instanceof Stmt.Continue || last instanceof Stmt.Return
                || last instanceof Stmt.If i && endsInJump(i.then()) && endsInJump(i.otherwise());
    }

    private static List<Stmt> selects(List<Stmt> list) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : list) {
            if (s instanceof Stmt.If i && i.then().size() == 1 && i.otherwise().size() == 1
                    && i.then().get(0) instanceof Stmt.Assign a && i.otherwise().get(0) instanceof Stmt.Assign b
                    && a.local().equals(b.local()) && a.value().type().equals(b.value().type())) {
                out.add(new Stmt.Assign(a.local(), Exprs.simplifySelect(i.cond(), a.value(), b.value(), a.value().type())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Drops self-assignments and code after a jump. */
    private static List<Stmt> tidy(List<Stmt> list) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : list) {
            if (s instanceof Stmt.Assign a && a.value() instanceof Expr.Local l && l.name().equals(a.local())) {
                continue;
            }
            out.add(s);
            if (s instanceof Stmt.Break || s instanceof Stmt.Continue || s instanceof Stmt.Return) {
                break;
            }
        }
        return out;
    }
}
