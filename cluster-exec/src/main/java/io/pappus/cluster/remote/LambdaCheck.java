package io.pappus.cluster.remote;

import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.ir.Var;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a shipped lambda is well-formed IR before a member interprets or compiles it:
 * every local declared, every label enclosing its break, every helper present and called with
 * its arity, helpers not recursive, struct accesses in range, types complete, and the tree
 * small and shallow enough to evaluate without exhausting the member's stack.
 */
final class LambdaCheck {
    /** Deeper nesting than javac-compiled lambdas ever produce; bounds the interpreter's recursion. */
    static final int MAX_DEPTH = 256;
    /** IR nodes in one lambda, helpers included. */
    static final int MAX_NODES = 200_000;

    private final LiftedLambda unit;
    private final String where;
    private Set<String> declared;
    private final Deque<String> labels = new ArrayDeque<>();
    private int nodes;

    private LambdaCheck(LiftedLambda unit, String where) {
        this.unit = unit;
        this.where = where;
    }

    /**
     * @param f     the lambda with its captured values
     * @param args  the types the lambda is called with
     * @param where the operator, for messages
     * @throws InvalidTaskException naming the first problem
     */
    static void check(ShippedLambda f, List<Type> args, String where) {
        LiftedLambda ir = f.ir();
        if (ir == null || ir.main() == null) {
            throw new InvalidTaskException(where + ": no IR");
        }
        LambdaCheck c = new LambdaCheck(ir, where + " (lambda at " + ir.source() + ")");
        List<Var> params = ir.main().params();
        if (ir.captureCount() < 0 || ir.captureCount() > params.size()
                || f.captures().size() != ir.captureCount()) {
            throw c.invalid("has " + f.captures().size() + " captured values for " + ir.captureCount() + " captures");
        }
        for (int i = 0; i < ir.captureCount(); i++) {
            if (!IrValueCheck.conforms(f.captures().get(i), params.get(i).type())) {
                throw c.invalid("captured value " + i + " is not an IR value of type " + params.get(i).type().show());
            }
        }
        if (!ir.args().stream().map(Var::type).toList().equals(args)) {
            throw c.invalid("takes " + ir.args().stream().map(v -> v.type().show()).toList() + " but is called with "
                    + args.stream().map(Type::show).toList());
        }
        c.helpersAcyclic();
        c.function(ir.main());
        for (Function h : ir.helpers()) {
            c.function(h);
        }
    }

    private void helpersAcyclic() {
        Map<String, Function> byName = new HashMap<>();
        for (Function h : unit.helpers()) {
            if (byName.put(h.name(), h) != null) {
                throw invalid("has two helpers named " + h.name());
            }
        }
        // Helpers are few: a depth-first search over the call graph finds recursion.
        Set<String> done = new HashSet<>();
        for (Function h : unit.helpers()) {
            visit(h, byName, new HashSet<>(), done);
        }
    }

    private void visit(Function f, Map<String, Function> byName, Set<String> onPath, Set<String> done) {
        if (done.contains(f.name())) {
            return;
        }
        if (!onPath.add(f.name())) {
            throw invalid("helper " + f.name() + " is recursive");
        }
        for (String callee : callees(f.body(), new HashSet<>())) {
            Function g = byName.get(callee);
            if (g == null) {
                throw invalid("calls missing helper " + callee);
            }
            visit(g, byName, onPath, done);
        }
        onPath.remove(f.name());
        done.add(f.name());
    }

    private static Set<String> callees(List<Stmt> body, Set<String> out) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a) {
                callees(a.value(), out);
            } else if (s instanceof Stmt.Eval e) {
                callees(e.value(), out);
            } else if (s instanceof Stmt.Return r) {
                callees(r.value(), out);
            } else if (s instanceof Stmt.If i) {
                callees(i.cond(), out);
                callees(i.then(), out);
                callees(i.otherwise(), out);
            } else if (s instanceof Stmt.Block b) {
                callees(b.body(), out);
            } else if (s instanceof Stmt.Loop l) {
                callees(l.body(), out);
            }
        }
        return out;
    }

    private static void callees(Expr e, Set<String> out) {
        if (e instanceof Expr.Invoke inv) {
            out.add(inv.function());
        }
        for (Expr c : Expr.children(e)) {
            callees(c, out);
        }
    }

    private void function(Function f) {
        declared = new HashSet<>();
        for (Var v : f.params()) {
            declare(v, f);
        }
        for (Var v : f.locals()) {
            declare(v, f);
        }
        complete(f.result(), f.name() + " result");
        statements(f.body(), 1);
    }

    private void declare(Var v, Function f) {
        if (v == null || v.name() == null || !declared.add(v.name())) {
            throw invalid(f.name() + " declares " + (v == null ? "a null variable" : v.name() + " twice"));
        }
        complete(v.type(), v.name());
    }

    private void statements(List<Stmt> body, int depth) {
        for (Stmt s : body) {
            statement(s, depth);
        }
    }

    private void statement(Stmt s, int depth) {
        count(depth);
        if (s instanceof Stmt.Assign a) {
            local(a.local());
            expr(a.value(), depth + 1);
        } else if (s instanceof Stmt.Eval e) {
            expr(e.value(), depth + 1);
        } else if (s instanceof Stmt.Return r) {
            expr(r.value(), depth + 1);
        } else if (s instanceof Stmt.If i) {
            expr(i.cond(), depth + 1);
            statements(i.then(), depth + 1);
            statements(i.otherwise(), depth + 1);
        } else if (s instanceof Stmt.Block b) {
            labelled(b.label(), b.body(), depth);
        } else if (s instanceof Stmt.Loop l) {
            labelled(l.label(), l.body(), depth);
        } else if (s instanceof Stmt.Break b) {
            target(b.label());
        } else if (s instanceof Stmt.Continue c) {
            target(c.label());
        } else if (s == null) {
            throw invalid("has a null statement");
        } else {
            throw new AssertionError(s);
        }
    }

    private void labelled(String label, List<Stmt> body, int depth) {
        labels.push(label == null ? "" : label);
        statements(body, depth + 1);
        labels.pop();
    }

    private void target(String label) {
        if (!labels.contains(label)) {
            throw invalid("breaks to label " + label + " that does not enclose it");
        }
    }

    private void expr(Expr e, int depth) {
        count(depth);
        if (e == null) {
            throw invalid("has a null expression");
        }
        if (e instanceof Expr.Local l) {
            local(l.name());
        } else if (e instanceof Expr.Const c) {
            if (!IrValueCheck.conforms(c.value(), c.type())) {
                throw invalid("has a constant " + c.value() + " that is not of type " + c.type().show());
            }
        } else if (e instanceof Expr.Invoke inv) {
            int arity = unit.helpers().stream().filter(h -> h.name().equals(inv.function()))
                    .findFirst().orElseThrow(() -> invalid("calls missing helper " + inv.function())).params().size();
            if (arity != inv.args().size()) {
                throw invalid("calls " + inv.function() + " with " + inv.args().size() + " arguments, not " + arity);
            }
        } else if (e instanceof Expr.GetField g) {
            if (!(g.target().type() instanceof Type.Struct s) || g.index() < 0 || g.index() >= s.fields().size()) {
                throw invalid("reads field " + g.index() + " of " + g.target().type().show());
            }
        } else if (e instanceof Expr.New n) {
            if (n.type() == null || n.args().size() != n.type().fields().size()) {
                throw invalid("builds a struct with the wrong number of fields");
            }
        } else if (e instanceof Expr.Call c && c.args().isEmpty()) {
            throw invalid("calls " + c.fn() + " without arguments");
        }
        if (!(e instanceof Expr.ArrayLength)) {
            complete(e.type(), "an expression");
        }
        for (Expr c : Expr.children(e)) {
            expr(c, depth + 1);
        }
    }

    private void local(String name) {
        if (!declared.contains(name)) {
            throw invalid("uses undeclared local " + name);
        }
    }

    private void count(int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid("nests deeper than " + MAX_DEPTH);
        }
        if (++nodes > MAX_NODES) {
            throw invalid("has more than " + MAX_NODES + " IR nodes");
        }
    }

    private void complete(Type t, String what) {
        if (!PipelineCheck.complete(t)) {
            throw invalid(what + " has type " + (t == null ? "null" : t.show())
                    + ", which names a Java object only the user's classes can read");
        }
    }

    private InvalidTaskException invalid(String message) {
        return new InvalidTaskException(where + " " + message);
    }
}
