package io.pappus.ir;

import java.util.List;

/**
 * Prints IR as stable, readable text: the form of golden files and of {@code explain()}.
 *
 * <pre>
 * fn main(p0: double) -> double {
 *   return p0 * 1.2;
 * }
 * </pre>
 */
public final class IrPrinter {
    private static final int TOP = 0;
    private static final int UNARY = 14;
    private static final int ATOM = 16;
    private static final int TERNARY = 2;

    private final StringBuilder out = new StringBuilder();

    private IrPrinter() {
    }

    /**
     * @param lambda a lifted lambda
     * @return its main function, then its helpers
     */
    public static String print(LiftedLambda lambda) {
        IrPrinter p = new IrPrinter();
        p.function(lambda.main(), lambda.captureCount());
        for (Function h : lambda.helpers()) {
            p.function(h, 0);
        }
        return p.out.toString();
    }

    /**
     * @param e an expression
     * @return it as one line
     */
    public static String print(Expr e) {
        return expr(e, TOP);
    }

    private void function(Function f, int captures) {
        out.append("fn ").append(f.name()).append('(');
        for (int i = 0; i < f.params().size(); i++) {
            Var v = f.params().get(i);
            out.append(i == 0 ? "" : ", ").append(i < captures ? "captured " : "")
                    .append(v.name()).append(": ").append(v.type().show());
        }
        out.append(") -> ").append(f.result().show()).append(" {\n");
        for (Var v : f.locals()) {
            out.append("  var ").append(v.name()).append(": ").append(v.type().show()).append(";\n");
        }
        stmts(f.body(), 1);
        out.append("}\n");
    }

    private void stmts(List<Stmt> body, int depth) {
        for (Stmt s : body) {
            stmt(s, depth);
        }
    }

    private void stmt(Stmt s, int depth) {
        String pad = "  ".repeat(depth);
        if (s instanceof Stmt.Assign a) {
            out.append(pad).append(a.local()).append(" = ").append(expr(a.value(), TOP)).append(";\n");
        } else if (s instanceof Stmt.Eval e) {
            out.append(pad).append("eval ").append(expr(e.value(), TOP)).append(";\n");
        } else if (s instanceof Stmt.Return r) {
            out.append(pad).append("return ").append(expr(r.value(), TOP)).append(";\n");
        } else if (s instanceof Stmt.Break b) {
            out.append(pad).append("break ").append(b.label()).append(";\n");
        } else if (s instanceof Stmt.Continue c) {
            out.append(pad).append("continue ").append(c.label()).append(";\n");
        } else if (s instanceof Stmt.If i) {
            out.append(pad).append("if (").append(expr(i.cond(), TOP)).append(") {\n");
            stmts(i.then(), depth + 1);
            if (!i.otherwise().isEmpty()) {
                out.append(pad).append("} else {\n");
                stmts(i.otherwise(), depth + 1);
            }
            out.append(pad).append("}\n");
        } else if (s instanceof Stmt.Block b) {
            out.append(pad).append("block ").append(b.label()).append(" {\n");
            stmts(b.body(), depth + 1);
            out.append(pad).append("}\n");
        } else if (s instanceof Stmt.Loop l) {
            out.append(pad).append("loop ").append(l.label()).append(" {\n");
            stmts(l.body(), depth + 1);
            out.append(pad).append("}\n");
        } else {
            throw new AssertionError(s);
        }
    }

    private static String expr(Expr e, int outer) {
        String text;
        int prec;
        if (e instanceof Expr.Const c) {
            text = literal(c);
            prec = ATOM;
        } else if (e instanceof Expr.Local l) {
            text = l.name();
            prec = ATOM;
        } else if (e instanceof Expr.Unary u) {
            text = u.op().symbol() + expr(u.operand(), UNARY);
            prec = UNARY;
        } else if (e instanceof Expr.Binary b) {
            prec = b.op().precedence();
            text = expr(b.left(), prec) + " " + b.op().symbol() + " " + expr(b.right(), prec + 1);
        } else if (e instanceof Expr.Cast c) {
            text = "(" + c.type().show() + ") " + expr(c.operand(), UNARY);
            prec = UNARY;
        } else if (e instanceof Expr.Select s) {
            prec = TERNARY;
            text = expr(s.cond(), prec + 1) + " ? " + expr(s.ifTrue(), prec + 1) + " : " + expr(s.ifFalse(), prec);
        } else if (e instanceof Expr.Call c) {
            text = c.fn().javaName() + args(c.args());
            prec = ATOM;
        } else if (e instanceof Expr.Invoke i) {
            text = i.function() + args(i.args());
            prec = ATOM;
        } else if (e instanceof Expr.GetField g) {
            Type.Struct st = (Type.Struct) g.target().type();
            text = expr(g.target(), ATOM) + "." + st.fields().get(g.index()).name();
            prec = ATOM;
        } else if (e instanceof Expr.New n) {
            text = "new " + n.type().simpleName() + args(n.args());
            prec = ATOM;
        } else if (e instanceof Expr.ArrayLength a) {
            text = expr(a.array(), ATOM) + ".length";
            prec = ATOM;
        } else if (e instanceof Expr.ArrayGet a) {
            text = expr(a.array(), ATOM) + "[" + expr(a.index(), TOP) + "]";
            prec = ATOM;
        } else {
            throw new AssertionError(e);
        }
        return prec < outer ? "(" + text + ")" : text;
    }

    private static String args(List<Expr> args) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < args.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(expr(args.get(i), TOP));
        }
        return b.append(')').toString();
    }

    private static String literal(Expr.Const c) {
        Object v = c.value();
        if (v instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (c.type() instanceof Type.Prim p) {
            return switch (p.kind()) {
                case LONG -> v + "L";
                case FLOAT -> v + "f";
                case CHAR -> "(char) " + v;
                default -> String.valueOf(v);
            };
        }
        return String.valueOf(v);
    }
}
