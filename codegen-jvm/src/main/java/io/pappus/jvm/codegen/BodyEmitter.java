package io.pappus.jvm.codegen;

import io.pappus.ir.Expr;
import io.pappus.ir.Stmt;

import java.util.List;

/**
 * Translates the IR's structured statements to Java: a {@code Block} becomes a labelled block
 * left by {@code break}, a {@code Loop} a labelled {@code while (true)}. Inline, a
 * {@code Return} assigns the result leaves and leaves the lambda's block; in a helper method it
 * is a plain {@code return}. Code after a statement that cannot complete is not written, since
 * Java rejects unreachable statements.
 */
final class BodyEmitter {
    private final Scope scope;
    private final ExprEmitter exprs;

    BodyEmitter(Scope scope) {
        this.scope = scope;
        this.exprs = new ExprEmitter(scope);
    }

    ExprEmitter exprs() {
        return exprs;
    }

    /** @return whether the list can complete normally */
    boolean emit(List<Stmt> body, JavaWriter w) {
        for (Stmt s : body) {
            if (!emit(s, w)) {
                return false;
            }
        }
        return true;
    }

    private boolean emit(Stmt s, JavaWriter w) {
        if (s instanceof Stmt.Assign a) {
            assign(scope.leaves(a.local()), exprs.leaves(a.value()), w);
            return true;
        } else if (s instanceof Stmt.Eval e) {
            for (JExpr x : exprs.leaves(e.value())) {
                w.line("io.pappus.jvm.runtime.Kernel.drop(" + x.text() + ");");
            }
            return true;
        } else if (s instanceof Stmt.If i) {
            w.open("if (" + exprs.truth(i.cond()).text() + ")");
            boolean a = emit(i.then(), w);
            boolean b = true;
            if (!i.otherwise().isEmpty()) {
                w.reopen("else");
                b = emit(i.otherwise(), w);
            }
            w.close();
            return a || b;
        } else if (s instanceof Stmt.Block b) {
            w.open(scope.label(b.label()) + ":");
            boolean c = emit(b.body(), w);
            w.close();
            return c || breaks(b.body(), b.label());
        } else if (s instanceof Stmt.Loop l) {
            w.open(scope.label(l.label()) + ": while (true)");
            emit(l.body(), w);
            w.close();
            return breaks(l.body(), l.label());
        } else if (s instanceof Stmt.Break b) {
            w.line("break " + scope.label(b.label()) + ";");
            return false;
        } else if (s instanceof Stmt.Continue c) {
            w.line("continue " + scope.label(c.label()) + ";");
            return false;
        } else if (s instanceof Stmt.Return r) {
            List<JExpr> v = exprs.leaves(r.value());
            if (scope.returnLabel == null) {
                w.line("return " + v.get(0).text() + ";");
            } else {
                assign(scope.resultNames, v, w);
                w.line("break " + scope.returnLabel + ";");
            }
            return false;
        }
        throw new AssertionError(s);
    }

    /** Assigns leaf by leaf, through temporaries when a struct's new value reads its old one. */
    private void assign(List<String> to, List<JExpr> values, JavaWriter w) {
        if (to.size() == 1) {
            w.line(to.get(0) + " = " + values.get(0).text() + ";");
            return;
        }
        w.open("");
        String[] tmp = new String[to.size()];
        for (int i = 0; i < tmp.length; i++) {
            tmp[i] = scope.temp();
            w.line(scope.kernel.javaTypeOf(to.get(i)) + " " + tmp[i] + " = " + values.get(i).text() + ";");
        }
        for (int i = 0; i < tmp.length; i++) {
            w.line(to.get(i) + " = " + tmp[i] + ";");
        }
        w.close();
    }

    /** @return whether some statement in {@code body} breaks to {@code label} */
    static boolean breaks(List<Stmt> body, String label) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Break b && b.label().equals(label)) {
                return true;
            } else if (s instanceof Stmt.If i && (breaks(i.then(), label) || breaks(i.otherwise(), label))) {
                return true;
            } else if (s instanceof Stmt.Block b && breaks(b.body(), label)) {
                return true;
            } else if (s instanceof Stmt.Loop l && breaks(l.body(), label)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the body writes to {@code name} */
    static boolean assigns(List<Stmt> body, String name) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a && a.local().equals(name)) {
                return true;
            } else if (s instanceof Stmt.If i && (assigns(i.then(), name) || assigns(i.otherwise(), name))) {
                return true;
            } else if (s instanceof Stmt.Block b && assigns(b.body(), name)) {
                return true;
            } else if (s instanceof Stmt.Loop l && assigns(l.body(), name)) {
                return true;
            }
        }
        return false;
    }

}
