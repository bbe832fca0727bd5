package io.pappus.exec;

import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import io.pappus.lift.IrValues;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates lifted IR directly, with Java semantics. It is the executable meaning of the IR:
 * tests run it beside the user's original lambda, so a lifter bug shows up as a difference
 * instead of being shared by every backend, and it is the last fallback when code generation
 * fails. Values are IR values (see {@link IrValues}).
 *
 * <pre>{@code
 * Object y = new IrInterpreter().call(lifted.ir(), lifted.captures(), 2.0);
 * }</pre>
 */
public final class IrInterpreter {
    private final Map<Function, Map<String, Integer>> slots = new ConcurrentHashMap<>();

    /**
     * Calls a lifted lambda.
     *
     * @param ir       the lambda
     * @param captures its captured values, in IR form
     * @param args     its arguments, in IR form
     * @return the result, in IR form
     */
    public Object call(LiftedLambda ir, List<Object> captures, Object... args) {
        Object[] all = new Object[captures.size() + args.length];
        for (int i = 0; i < captures.size(); i++) {
            all[i] = captures.get(i);
        }
        System.arraycopy(args, 0, all, captures.size(), args.length);
        return invoke(ir, ir.main(), all);
    }

    private Object invoke(LiftedLambda unit, Function f, Object[] args) {
        if (args.length != f.params().size()) {
            throw new IllegalArgumentException(f.name() + " takes " + f.params().size() + " arguments, got " + args.length);
        }
        Map<String, Integer> index = slots.computeIfAbsent(f, IrInterpreter::layout);
        Object[] frame = new Object[index.size()];
        System.arraycopy(args, 0, frame, 0, args.length);
        for (int i = 0; i < f.locals().size(); i++) {
            frame[args.length + i] = defaultValue(f.locals().get(i).type());
        }
        Frame fr = new Frame(unit, index, frame);
        Signal s = fr.run(f.body());
        if (s == null || s.kind != Signal.Kind.RETURN) {
            throw new IllegalStateException("function " + f.name() + " of lambda at " + unit.source()
                    + " ended without return");
        }
        return s.value;
    }

    private static Map<String, Integer> layout(Function f) {
        Map<String, Integer> m = new HashMap<>();
        for (Var v : f.params()) {
            m.put(v.name(), m.size());
        }
        for (Var v : f.locals()) {
            m.put(v.name(), m.size());
        }
        return m;
    }

    private static Object defaultValue(Type t) {
        return t instanceof Type.Prim p ? IrValues.zero(p.kind()) : null;
    }

    /** How a statement list ended, when not by falling off its end. */
    private record Signal(Kind kind, String label, Object value) {
        enum Kind { BREAK, CONTINUE, RETURN }
    }

    /** One activation of one function. */
    private final class Frame {
        private final LiftedLambda unit;
        private final Map<String, Integer> index;
        private final Object[] values;

        Frame(LiftedLambda unit, Map<String, Integer> index, Object[] values) {
            this.unit = unit;
            this.index = index;
            this.values = values;
        }

        Signal run(List<Stmt> body) {
            for (Stmt s : body) {
                Signal sig = exec(s);
                if (sig != null) {
                    return sig;
                }
            }
            return null;
        }

        private Signal exec(Stmt s) {
            if (s instanceof Stmt.Assign a) {
                values[slot(a.local())] = eval(a.value());
                return null;
            } else if (s instanceof Stmt.Eval e) {
                eval(e.value());
                return null;
            } else if (s instanceof Stmt.If i) {
                return run(Semantics.truth(eval(i.cond())) ? i.then() : i.otherwise());
            } else if (s instanceof Stmt.Block b) {
                Signal sig = run(b.body());
                return sig != null && sig.kind == Signal.Kind.BREAK && sig.label.equals(b.label()) ? null : sig;
            } else if (s instanceof Stmt.Loop l) {
                while (true) {
                    Signal sig = run(l.body());
                    if (sig == null || sig.kind == Signal.Kind.CONTINUE && sig.label.equals(l.label())) {
                        continue;
                    }
                    return sig.kind == Signal.Kind.BREAK && sig.label.equals(l.label()) ? null : sig;
                }
            } else if (s instanceof Stmt.Break b) {
                return new Signal(Signal.Kind.BREAK, b.label(), null);
            } else if (s instanceof Stmt.Continue c) {
                return new Signal(Signal.Kind.CONTINUE, c.label(), null);
            } else if (s instanceof Stmt.Return r) {
                return new Signal(Signal.Kind.RETURN, null, eval(r.value()));
            }
            throw new AssertionError(s);
        }

        private int slot(String name) {
            Integer i = index.get(name);
            if (i == null) {
                throw new IllegalStateException("undeclared local " + name + " in lambda at " + unit.source());
            }
            return i;
        }

        private Object eval(Expr e) {
            if (e instanceof Expr.Const c) {
                return c.value();
            } else if (e instanceof Expr.Local l) {
                return values[slot(l.name())];
            } else if (e instanceof Expr.Unary u) {
                return Semantics.unary(u.op(), eval(u.operand()), kindOf(u.operand().type()));
            } else if (e instanceof Expr.Binary b) {
                return Semantics.binary(b.op(), eval(b.left()), eval(b.right()),
                        kindOf(b.left().type()), kindOf(b.right().type()));
            } else if (e instanceof Expr.Cast c) {
                return Semantics.cast(eval(c.operand()), kindOf(c.operand().type()), kindOf(c.type()));
            } else if (e instanceof Expr.Select s) {
                return Semantics.truth(eval(s.cond())) ? eval(s.ifTrue()) : eval(s.ifFalse());
            } else if (e instanceof Expr.Call c) {
                Object[] a = new Object[c.args().size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = eval(c.args().get(i));
                }
                return Intrinsics.apply(c.fn(), a, kindOf(c.args().get(0).type()), kindOf(c.type()));
            } else if (e instanceof Expr.Invoke inv) {
                Object[] a = new Object[inv.args().size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = eval(inv.args().get(i));
                }
                return invoke(unit, unit.helper(inv.function()), a);
            } else if (e instanceof Expr.GetField g) {
                return ((Object[]) eval(g.target()))[g.index()];
            } else if (e instanceof Expr.New n) {
                Object[] fields = new Object[n.args().size()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = eval(n.args().get(i));
                }
                return fields;
            } else if (e instanceof Expr.ArrayLength a) {
                return java.lang.reflect.Array.getLength(eval(a.array()));
            } else if (e instanceof Expr.ArrayGet a) {
                return Semantics.arrayGet(eval(a.array()), (Integer) eval(a.index()));
            }
            throw new AssertionError(e);
        }
    }

    private static PrimKind kindOf(Type t) {
        return t instanceof Type.Prim p ? p.kind() : null;
    }
}
