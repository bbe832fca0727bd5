package io.pappus.opencl.codegen;

import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.ir.UnOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * IR expressions as OpenCL C expressions with Java's meaning: int and long arithmetic in
 * unsigned types (wraps, never undefined), masked shift counts, checked division and array
 * reads that record an error code in {@code *err}, saturating float-to-int casts with NaN to
 * 0. Every compound expression is parenthesised. A scalar translates to one string; a struct
 * or array to one string per {@link Leaf}.
 */
final class ExprTranslator {
    private final Map<String, Type> vars;
    private final java.util.function.Function<String, Function> helpers;
    private final java.util.function.Function<String, String> helperName;
    private final UnitContext ctx;

    ExprTranslator(Map<String, Type> vars, java.util.function.Function<String, Function> helpers,
                   java.util.function.Function<String, String> helperName, UnitContext ctx) {
        this.vars = vars;
        this.helpers = helpers;
        this.helperName = helperName;
        this.ctx = ctx;
    }

    /** @return the C expression of a primitive-typed IR expression */
    String scalar(Expr e) {
        if (!(e.type() instanceof Type.Prim)) {
            throw new OclUnsupportedException("expected a primitive value, got " + e.type().show());
        }
        if (e instanceof Expr.Const c) {
            return OclLiterals.of(c, ctx);
        } else if (e instanceof Expr.Local l) {
            return OclNames.local(l.name());
        } else if (e instanceof Expr.Unary u) {
            return unary(u);
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.Cast c) {
            return OclCasts.cast(scalar(c.operand()), kind(c.operand().type()), kind(c.type()), ctx);
        } else if (e instanceof Expr.Select s) {
            return "(" + scalar(s.cond()) + " ? " + scalar(s.ifTrue()) + " : " + scalar(s.ifFalse()) + ")";
        } else if (e instanceof Expr.Call c) {
            List<String> args = new ArrayList<>();
            List<PrimKind> kinds = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(scalar(a));
                kinds.add(kind(a.type()).computational());
            }
            return OclMath.call(c.fn(), args, kinds, ctx);
        } else if (e instanceof Expr.Invoke inv) {
            return helperName.apply(inv.function()) + "(" + String.join(", ", invokeArgs(inv)) + ")";
        } else if (e instanceof Expr.GetField g) {
            return single(fieldLeaves(g), e);
        } else if (e instanceof Expr.ArrayLength a) {
            return leaves(a.array()).get(1);
        } else if (e instanceof Expr.ArrayGet g) {
            List<String> arr = leaves(g.array());
            String read = arr.get(0) + "[" + ctx.use(OclHelper.INDEX) + "(err, " + scalar(g.index()) + ", " + arr.get(1) + ")]";
            PrimKind k = kind(g.type());
            return k == PrimKind.INT || k == PrimKind.LONG || k == PrimKind.FLOAT || k == PrimKind.DOUBLE
                    ? read : "((int) " + read + ")";
        }
        throw new AssertionError(e);
    }

    /** @return the C expressions of each leaf of a struct- or array-typed IR expression */
    List<String> leaves(Expr e) {
        if (e.type() instanceof Type.Prim) {
            return List.of(scalar(e));
        }
        if (e instanceof Expr.Local l) {
            List<String> out = new ArrayList<>();
            for (Leaf leaf : OclTypes.leaves(l.type(), OclNames.local(l.name()))) {
                out.add(leaf.name());
            }
            return out;
        } else if (e instanceof Expr.New n) {
            List<String> out = new ArrayList<>();
            for (Expr a : n.args()) {
                out.addAll(leaves(a));
            }
            return out;
        } else if (e instanceof Expr.GetField g) {
            return fieldLeaves(g);
        } else if (e instanceof Expr.Select s) {
            String c = scalar(s.cond());
            List<String> a = leaves(s.ifTrue());
            List<String> b = leaves(s.ifFalse());
            List<String> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.add("(" + c + " ? " + a.get(i) + " : " + b.get(i) + ")");
            }
            return out;
        } else if (e instanceof Expr.Invoke) {
            throw new OclUnsupportedException("a helper returning " + e.type().show()
                    + " is only supported as the whole value of an assignment or return");
        }
        throw new OclUnsupportedException("expression of type " + e.type().show() + ": " + e.getClass().getSimpleName());
    }

    private List<String> fieldLeaves(Expr.GetField g) {
        Type.Struct st = (Type.Struct) g.target().type();
        if (g.target() instanceof Expr.New n) {
            for (int i = 0; i < n.args().size(); i++) {
                if (i != g.index() && OclEffects.mayFail(n.args().get(i))) {
                    throw new OclUnsupportedException("field read of a constructor call whose other arguments may throw");
                }
            }
            return leaves(n.args().get(g.index()));
        }
        List<String> all = leaves(g.target());
        int from = OclTypes.leafOffset(st, g.index());
        return all.subList(from, from + OclTypes.width(g.type()));
    }

    /** @return the C arguments of a helper call: the error pointer, then each argument's leaves */
    List<String> invokeArgs(Expr.Invoke inv) {
        helpers.apply(inv.function()); // fails clearly on an unknown helper
        List<String> args = new ArrayList<>();
        args.add("err");
        for (Expr a : inv.args()) {
            args.addAll(leaves(a));
        }
        return args;
    }

    private String unary(Expr.Unary u) {
        String x = scalar(u.operand());
        if (u.op() == UnOp.NOT) {
            return "(!" + x + ")";
        }
        return switch (kind(u.operand().type()).computational()) {
            case INT -> "as_int(0u - as_uint(" + x + "))";
            case LONG -> "as_long(0ul - as_ulong(" + x + "))";
            default -> "(-" + x + ")";
        };
    }

    private String binary(Expr.Binary b) {
        String l = scalar(b.left());
        String r = scalar(b.right());
        BinOp op = b.op();
        PrimKind k = kind(b.left().type()).computational();
        if (op.isComparison() || op == BinOp.AND || op == BinOp.OR || op == BinOp.XOR) {
            return "(" + l + " " + op.symbol() + " " + r + ")";
        }
        if (k == PrimKind.FLOAT || k == PrimKind.DOUBLE) {
            return switch (op) {
                case ADD, SUB, MUL, DIV -> "(" + l + " " + op.symbol() + " " + r + ")";
                case REM -> "fmod(" + l + ", " + r + ")"; // Java's % on floating point truncates, as fmod
                default -> throw new OclUnsupportedException(op + " on " + k.javaName());
            };
        }
        boolean lng = k == PrimKind.LONG;
        String u = lng ? "ulong" : "uint";
        String s = lng ? "long" : "int";
        String mask = lng ? "63" : "31";
        return switch (op) {
            case ADD, SUB, MUL -> "as_" + s + "(as_" + u + "(" + l + ") " + op.symbol() + " as_" + u + "(" + r + "))";
            case DIV -> ctx.use(lng ? OclHelper.DIV_L : OclHelper.DIV_I) + "(err, " + l + ", " + r + ")";
            case REM -> ctx.use(lng ? OclHelper.REM_L : OclHelper.REM_I) + "(err, " + l + ", " + r + ")";
            case SHL -> "as_" + s + "(as_" + u + "(" + l + ") << (" + r + " & " + mask + "))";
            case SHR -> "(" + l + " >> (" + r + " & " + mask + "))";
            case USHR -> "as_" + s + "(as_" + u + "(" + l + ") >> (" + r + " & " + mask + "))";
            default -> throw new AssertionError(op);
        };
    }

    private static String single(List<String> leaves, Expr e) {
        if (leaves.size() != 1) {
            throw new AssertionError("scalar " + e + " has " + leaves.size() + " leaves");
        }
        return leaves.get(0);
    }

    static PrimKind kind(Type t) {
        if (t instanceof Type.Prim p) {
            return p.kind();
        }
        throw new OclUnsupportedException("expected a primitive, got " + t.show());
    }
}
