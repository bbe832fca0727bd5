package io.pappus.jvm.codegen;

import io.pappus.ir.Expr;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.ir.UnOp;
import io.pappus.ir.Var;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import io.pappus.plan.fragment.Stage;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SIMD form of a {@link Predication predicated} loop over a {@code double} column, written
 * with the JDK's vector API ({@code jdk.incubator.vector}) when the JVM was started with it
 * ({@link VectorSupport}). Each stage becomes lane-wise arithmetic on whole vectors, each filter a
 * lane mask, and the sink a masked add ({@code zero.blend(value, keep)}: a dropped lane adds
 * {@code +0.0} as in the scalar form, so NaN and infinity stay correct) into two vector
 * accumulators, or a count of set lanes. It runs over the chunk's whole vectors and leaves the
 * rest, and the signed-zero pass, to the scalar loop it is spliced in front of, into whose first
 * accumulator it folds its lanes.
 *
 * <p>Rule, on top of predication's: the loop reads one {@code double} column, and every value a
 * stage or the sum's function computes is a {@code double} or a {@code boolean} made only of
 * literals, captured doubles, {@code + - * /}, negation, comparisons, boolean operators and
 * conditional expressions. Lane-wise IEEE arithmetic and comparisons are Java's (NaN compares
 * false but for {@code !=}), so each element's value is exactly the scalar one; only the order of
 * the additions differs, which {@link Predication}'s error bound already covers.
 */
final class VectorLoop {
    static final String VECTOR = "jdk.incubator.vector.DoubleVector";
    static final String MASK = "jdk.incubator.vector.VectorMask";
    private static final String OPS = "jdk.incubator.vector.VectorOperators.";
    /** Independent vector accumulators, to hide the add latency. */
    private static final int UNROLL = 2;

    private final FragmentGenerator gen;
    /** Hoisted broadcasts: Java scalar expression to the name of its vector. */
    private final Map<String, String> broadcasts = new LinkedHashMap<>();

    VectorLoop(FragmentGenerator gen) {
        this.gen = gen;
    }

    /** @return whether this fragment's predicated loop has a vector form on this JVM */
    static boolean applies(Fragment f) {
        if (!VectorSupport.enabled() || FragmentGenerator.fusedZip(f) || FragmentGenerator.fusedFlatMap(f)
                || !f.inputType().equals(Type.DOUBLE)) {
            return false;
        }
        for (Stage s : f.stages()) {
            if (!lanewise(s.lambda(), s.isFilter() ? Type.BOOLEAN : Type.DOUBLE)) {
                return false;
            }
        }
        Sink k = f.sink();
        return k instanceof Sink.Count || k instanceof Sink.Reduce
                || k instanceof Sink.Sum s && lanewise(s.f(), Type.DOUBLE);
    }

    /** @return whether a (predication-cheap) lambda of one double maps lane-wise to {@code result} */
    private static boolean lanewise(LambdaSite site, Type result) {
        var ir = ((LiftResult.Lifted) site.lift()).ir();
        if (!site.argTypes().equals(List.of(Type.DOUBLE)) || ir.main().result() != null
                && !ir.main().result().equals(result)) {
            return false;
        }
        for (Var p : ir.main().params()) {
            if (!p.type().equals(Type.DOUBLE)) {
                return false;
            }
        }
        return translatable(body(site));
    }

    private static Expr body(LambdaSite site) {
        return ((Stmt.Return) ((LiftResult.Lifted) site.lift()).ir().main().body().get(0)).value();
    }

    private static boolean translatable(Expr e) {
        boolean dbl = e.type().equals(Type.DOUBLE);
        boolean bool = e.type().equals(Type.BOOLEAN);
        if (e instanceof Expr.Const || e instanceof Expr.Local) {
            return dbl || bool;
        } else if (e instanceof Expr.Unary u) {
            return (u.op() == UnOp.NEG ? dbl : bool) && u.operand().type().equals(e.type()) && translatable(u.operand());
        } else if (e instanceof Expr.Binary b) {
            Type operands = b.left().type();
            if (!operands.equals(b.right().type()) || !translatable(b.left()) || !translatable(b.right())) {
                return false;
            }
            return switch (b.op()) {
                case ADD, SUB, MUL, DIV -> dbl && operands.equals(Type.DOUBLE);
                case LT, LE, GT, GE -> bool && operands.equals(Type.DOUBLE);
                case EQ, NE -> bool;
                case AND, OR, XOR -> bool && operands.equals(Type.BOOLEAN);
                default -> false;
            };
        } else if (e instanceof Expr.Select s) {
            return (dbl || bool) && s.cond().type().equals(Type.BOOLEAN) && s.ifTrue().type().equals(e.type())
                    && s.ifFalse().type().equals(e.type()) && translatable(s.cond()) && translatable(s.ifTrue())
                    && translatable(s.ifFalse());
        }
        return false;
    }

    /**
     * Writes the vector loop over {@code [i, ...)} of the chunk: it advances {@code i} past the
     * whole vectors it covers and adds its lanes into {@code acc0} and {@code n0}.
     */
    void write(JavaWriter w) {
        Fragment f = gen.fragment();
        boolean count = f.sink() instanceof Sink.Count;
        JavaWriter body = JavaWriter.at(w.depth() + 1);
        for (int u = 0; u < UNROLL; u++) {
            body.open("");
            lane(body, u);
            body.close();
        }
        w.line("// vector lanes (jdk.incubator.vector): " + UNROLL + " accumulators of a vector each");
        w.line("final jdk.incubator.vector.VectorSpecies vS = " + VECTOR + ".SPECIES_PREFERRED;");
        w.line("final int vL = vS.length();");
        w.line("final " + VECTOR + " vZero = " + VECTOR + ".zero(vS);");
        for (Map.Entry<String, String> b : broadcasts.entrySet()) {
            w.line("final " + VECTOR + " " + b.getValue() + " = " + VECTOR + ".broadcast(vS, " + b.getKey() + ");");
        }
        for (int u = 0; u < UNROLL && !count; u++) {
            w.line(VECTOR + " vacc" + u + " = vZero;");
        }
        w.line("long vn = 0L;");
        w.line("final int vend = i + (hi - i) / (" + UNROLL + " * vL) * (" + UNROLL + " * vL);");
        w.open("for (; i < vend; i += " + UNROLL + " * vL)");
        w.append(body);
        w.close();
        if (count) {
            w.line("acc0 += vn;");
        } else {
            String sum = "vacc0";
            for (int u = 1; u < UNROLL; u++) {
                sum += ".add(vacc" + u + ")";
            }
            w.line("acc0 += " + sum + ".reduceLanes(" + OPS + "ADD);");
            w.line("n0 += vn;");
        }
    }

    /** One vector of elements, at {@code i + u * vL}, through every stage into accumulator {@code u}. */
    private void lane(JavaWriter w, int u) {
        Fragment f = gen.fragment();
        w.line("final " + VECTOR + " vsrc = " + VECTOR + ".fromArray(vS, in0, " + (u == 0 ? "i" : "i + " + u + " * vL") + ");");
        String cur = "vsrc";
        String keep = null;
        for (Stage s : f.stages()) {
            String out = stage(s.lambda(), s.name() + "_", cur, w);
            if (s.isFilter()) {
                keep = keep == null ? out : keep + ".and(" + out + ")";
            } else {
                cur = out;
            }
        }
        w.line("final " + MASK + " vkeep = " + keep + ";");
        if (f.sink() instanceof Sink.Sum s) {
            cur = stage(s.f(), "sum_", cur, w);
        }
        if (!(f.sink() instanceof Sink.Count)) {
            w.line("vacc" + u + " = vacc" + u + ".add(vZero.blend(" + cur + ", vkeep));");
        }
        w.line("vn += vkeep.trueCount();");
    }

    /**
     * Declares the lambda's lane-wise result, its argument being the vector {@code arg}.
     *
     * @param prefix the lambda's place in the fragment as the scalar loop names it, e.g.
     *               {@code map1_}: both loops then read its captured values from the same fields
     * @return the result's local, {@code prefix + "v"}
     */
    private String stage(LambdaSite site, String prefix, String arg, JavaWriter w) {
        var lifted = (LiftResult.Lifted) site.lift();
        String name = prefix + "v";
        Map<String, String> env = new HashMap<>();
        List<List<String>> fields = gen.captures(site, lifted, prefix);
        for (int c = 0; c < fields.size(); c++) {
            env.put(lifted.ir().captures().get(c).name(), broadcast(fields.get(c).get(0)));
        }
        env.put(lifted.ir().args().get(0).name(), arg);
        Expr e = body(site);
        w.line("final " + (e.type().equals(Type.BOOLEAN) ? MASK : VECTOR) + " " + name + " = " + vector(e, env) + ";");
        return name;
    }

    private String broadcast(String scalar) {
        return broadcasts.computeIfAbsent(scalar, s -> "vc" + broadcasts.size());
    }

    private String vector(Expr e, Map<String, String> env) {
        if (e instanceof Expr.Const c) {
            String literal = JavaNames.literal(c.value(), c.type()).text();
            return e.type().equals(Type.BOOLEAN) ? "vS.maskAll(" + literal + ")" : broadcast(literal);
        } else if (e instanceof Expr.Local l) {
            return env.get(l.name());
        } else if (e instanceof Expr.Unary u) {
            return vector(u.operand(), env) + (u.op() == UnOp.NEG ? ".neg()" : ".not()");
        } else if (e instanceof Expr.Binary b) {
            String l = vector(b.left(), env);
            String r = vector(b.right(), env);
            boolean masks = b.left().type().equals(Type.BOOLEAN);
            return switch (b.op()) {
                case ADD -> l + ".add(" + r + ")";
                case SUB -> l + ".sub(" + r + ")";
                case MUL -> l + ".mul(" + r + ")";
                case DIV -> l + ".div(" + r + ")";
                case AND -> l + ".and(" + r + ")";
                case OR -> l + ".or(" + r + ")";
                case XOR -> l + ".eq(" + r + ").not()";
                case EQ -> masks ? l + ".eq(" + r + ")" : l + ".compare(" + OPS + "EQ, " + r + ")";
                case NE -> masks ? l + ".eq(" + r + ").not()" : l + ".compare(" + OPS + "NE, " + r + ")";
                default -> l + ".compare(" + OPS + b.op().name() + ", " + r + ")";
            };
        }
        Expr.Select s = (Expr.Select) e;
        String c = vector(s.cond(), env);
        String t = vector(s.ifTrue(), env);
        String f = vector(s.ifFalse(), env);
        return e.type().equals(Type.BOOLEAN) ? t + ".and(" + c + ").or(" + f + ".andNot(" + c + "))"
                : f + ".blend(" + t + ", " + c + ")";
    }
}
