package io.pappus.jvm.codegen;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.ir.UnOp;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates IR expressions to Java expressions with Java's own semantics: int and long wrap,
 * integer {@code /} and {@code %} by zero throw, float-to-int casts saturate, NaN compares
 * false, exactly as {@code IrInterpreter}. A struct-typed expression becomes one Java
 * expression per leaf.
 */
final class ExprEmitter {
    private final Scope scope;

    ExprEmitter(Scope scope) {
        this.scope = scope;
    }

    /** @return the single Java expression of a scalar IR expression */
    JExpr scalar(Expr e) {
        List<JExpr> l = leaves(e);
        if (l.size() != 1) {
            throw new Unsupported("struct value where a scalar is expected");
        }
        return l.get(0);
    }

    List<JExpr> leaves(Expr e) {
        if (e instanceof Expr.Const c) {
            return List.of(JavaNames.literal(c.value(), c.type()));
        } else if (e instanceof Expr.Local l) {
            List<JExpr> out = new ArrayList<>();
            for (String n : scope.leaves(l.name())) {
                out.add(JExpr.atom(n));
            }
            return out;
        } else if (e instanceof Expr.New n) {
            List<JExpr> out = new ArrayList<>();
            for (Expr a : n.args()) {
                out.addAll(leaves(a));
            }
            return out;
        } else if (e instanceof Expr.GetField g) {
            Type.Struct s = (Type.Struct) g.target().type();
            int from = 0;
            for (int i = 0; i < g.index(); i++) {
                from += width(s.fields().get(i).type());
            }
            return leaves(g.target()).subList(from, from + width(g.type()));
        } else if (e instanceof Expr.Select s) {
            JExpr c = truth(s.cond());
            List<JExpr> a = leaves(s.ifTrue());
            List<JExpr> b = leaves(s.ifFalse());
            List<JExpr> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.add(new JExpr(c.at(JExpr.TERNARY + 1) + " ? " + a.get(i).at(JExpr.TERNARY + 1) + " : "
                        + b.get(i).at(JExpr.TERNARY), JExpr.TERNARY));
            }
            return out;
        }
        return List.of(single(e));
    }

    private JExpr single(Expr e) {
        if (e instanceof Expr.Unary u) {
            JExpr x = scalar(u.operand());
            if (u.op() == UnOp.NOT) {
                return isBool(u.operand().type()) ? new JExpr("!" + x.at(JExpr.UNARY), JExpr.UNARY)
                        : new JExpr(x.at(9) + " == 0", 8);
            }
            String t = x.at(JExpr.UNARY);
            return new JExpr("-" + (t.startsWith("-") ? "(" + t + ")" : t), JExpr.UNARY);
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.Cast c) {
            return cast(c);
        } else if (e instanceof Expr.Call c) {
            List<JExpr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(scalar(a));
            }
            return Intrinsics.call(c.fn(), args, kind(c.args().get(0).type()));
        } else if (e instanceof Expr.Invoke inv) {
            String method = scope.kernel.helper(scope, inv.function());
            StringBuilder b = new StringBuilder(method).append('(');
            String sep = "";
            for (Expr a : inv.args()) {
                for (JExpr leaf : leaves(a)) {  // a struct argument passes one leaf per parameter
                    b.append(sep).append(leaf.text());
                    sep = ", ";
                }
            }
            return JExpr.atom(b.append(')').toString());
        } else if (e instanceof Expr.ArrayLength a) {
            return JExpr.atom(scalar(a.array()).at(JExpr.ATOM) + ".length");
        } else if (e instanceof Expr.ArrayGet a) {
            String read = scalar(a.array()).at(JExpr.ATOM) + "[" + scalar(a.index()).text() + "]";
            Type elem = ((Type.Array) a.array().type()).element();
            if (elem instanceof Type.Prim || elem instanceof Type.Obj) {
                return JExpr.atom(read);
            } else if (elem instanceof Type.Array || elem instanceof Type.Str) {
                return JExpr.atom("((" + JavaNames.local(elem) + ") " + read + ")");
            }
            throw new Unsupported("array of " + elem.show());
        }
        throw new Unsupported("expression " + e.getClass().getSimpleName());
    }

    private JExpr binary(Expr.Binary b) {
        BinOp op = b.op();
        boolean lb = isBool(b.left().type());
        boolean rb = isBool(b.right().type());
        JExpr l = lb && !rb ? asInt(scalar(b.left())) : scalar(b.left());
        JExpr r = rb && !lb ? asInt(scalar(b.right())) : scalar(b.right());
        int p = op.precedence();
        return new JExpr(l.at(p) + " " + op.symbol() + " " + r.at(p + 1), p);
    }

    private static JExpr asInt(JExpr bool) {
        return new JExpr(bool.at(JExpr.TERNARY + 1) + " ? 1 : 0", JExpr.TERNARY);
    }

    private JExpr cast(Expr.Cast c) {
        JExpr x = scalar(c.operand());
        PrimKind from = kind(c.operand().type());
        PrimKind to = kind(c.type());
        if (from == null || to == null) {
            throw new Unsupported("cast from " + c.operand().type().show() + " to " + c.type().show());
        }
        if (from == to) {
            return x;
        }
        if (to == PrimKind.BOOLEAN) {
            return new JExpr(x.at(9) + " != 0", 8);
        }
        if (from == PrimKind.BOOLEAN) {
            x = asInt(x);
        }
        boolean widening = from.computational() == PrimKind.INT && to == PrimKind.INT;
        return widening ? x : new JExpr("(" + to.javaName() + ") " + x.at(JExpr.UNARY), JExpr.CAST);
    }

    /** @return a Java boolean expression for an IR condition (an int 0/1 is compared with 0) */
    JExpr truth(Expr cond) {
        JExpr c = scalar(cond);
        return isBool(cond.type()) ? c : new JExpr(c.at(9) + " != 0", 8);
    }

    static boolean isBool(Type t) {
        return t instanceof Type.Prim p && p.kind() == PrimKind.BOOLEAN;
    }

    static PrimKind kind(Type t) {
        return t instanceof Type.Prim p ? p.kind() : null;
    }

    static int width(Type t) {
        return t instanceof Type.Struct ? ColumnLayout.of(t).leaves().size() : 1;
    }
}
