package io.pappus.jvm.codegen;

import io.pappus.api.Fn;
import io.pappus.api.Fn2;
import io.pappus.api.Pred;
import io.pappus.api.ToDoubleFn;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.Function;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import io.pappus.jvm.runtime.EdgeType;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.LogicalPlanner;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one user lambda into the element loop. A lifted lambda is inlined: its parameters
 * bound to the caller's leaves, its locals scalar-replaced, its body a labelled block whose
 * {@code return} sets the result leaves. An opaque lambda (or one whose IR this backend cannot
 * translate) is called through the original object, boxing only at that call.
 */
final class LambdaEmitter {
    private final KernelClass kernel;

    LambdaEmitter(KernelClass kernel) {
        this.kernel = kernel;
    }

    /**
     * @param site     the lambda
     * @param prefix   its place in the fragment, e.g. {@code map1_}
     * @param args     each argument's Java leaves
     * @param argTypes each argument's IR type
     * @param result   the IR type the caller expects back
     * @param w        where to write
     * @return the result's Java leaves (locals declared by this call)
     */
    List<String> emit(LambdaSite site, String prefix, List<List<String>> args, List<Type> argTypes, Type result,
                      JavaWriter w) {
        List<String> out = inlineOrNull(site, prefix, args, argTypes, result, w);
        return out != null ? out : call(site, prefix, args, argTypes, result, w);
    }

    /**
     * Inlines a lifted lambda's IR; when it cannot, writes only a comment saying why.
     *
     * @return the result's Java leaves, or null when the lambda is opaque or its IR is not translated
     */
    List<String> inlineOrNull(LambdaSite site, String prefix, List<List<String>> args, List<Type> argTypes, Type result,
                              JavaWriter w) {
        if (!(site.lift() instanceof LiftResult.Lifted l)) {
            return null;
        }
        int[] mark = kernel.mark();
        JavaWriter inner = JavaWriter.at(w.depth());
        try {
            List<String> out = inline(site, l, prefix, args, argTypes, result, inner);
            w.append(inner);
            return out;
        } catch (Unsupported e) {
            kernel.reset(mark);
            w.line("// " + prefix + ": IR not translated (" + e.getMessage() + "); calls the original lambda");
            return null;
        }
    }

    /**
     * Calls the user's original lambda object, whatever lifting gave.
     *
     * @return the result's Java leaves
     */
    List<String> callOriginal(LambdaSite site, String prefix, List<List<String>> args, List<Type> argTypes, Type result,
                              JavaWriter w) {
        return call(site, prefix, args, argTypes, result, w);
    }

    /** @return whether the lambda will be inlined as one expression (no loops, locals or helpers) */
    static boolean isSimple(LambdaSite site) {
        if (!(site.lift() instanceof LiftResult.Lifted l)) {
            return false;
        }
        Function f = l.ir().main();
        return l.ir().captureCount() == 0 && f.locals().isEmpty() && f.body().size() == 1
                && f.body().get(0) instanceof Stmt.Return;
    }

    private List<String> inline(LambdaSite site, LiftResult.Lifted l, String prefix, List<List<String>> args, List<Type> argTypes,
                                Type result, JavaWriter w) {
        LiftedLambda ir = l.ir();
        Function f = ir.main();
        Scope s = new Scope(prefix, ir, kernel);
        List<List<String>> captured = captures(site, l, prefix);
        for (int i = 0; i < ir.captureCount(); i++) {
            s.bind(f.params().get(i).name(), captured.get(i));
        }
        for (int i = 0; i < ir.args().size(); i++) {
            Var p = ir.args().get(i);
            // The caller's type can be less precise than the lambda's own (an empty source, or
            // the output of an opaque stage, is object<Object>): convert, with Java's checks.
            List<String> given = convert(prefix + "arg" + i + "_", args.get(i), argTypes.get(i), p.type(), w);
            if (BodyEmitter.assigns(f.body(), p.name())) {
                List<String> copy = declare(s, p, w);
                for (int k = 0; k < copy.size(); k++) {
                    w.line(copy.get(k) + " = " + given.get(k) + ";");
                }
                s.bind(p.name(), copy);
            } else {
                s.bind(p.name(), given);
            }
        }
        List<String> own = body(s, f, prefix, w);
        return convert(prefix + "ret_", own, f.result(), result, w);
    }

    /**
     * @return leaves of {@code to} holding the value in {@code leaves} (of type {@code from});
     *         the same leaves when the types agree, else through the Java object, which throws
     *         {@link ClassCastException} exactly where the user's lambda would
     */
    private List<String> convert(String prefix, List<String> leaves, Type from, Type to, JavaWriter w) {
        if (from.equals(to) || to instanceof Type.Obj && (from instanceof Type.Obj || from instanceof Type.Str)) {
            return leaves;
        }
        String raw = Boxing.toJava(kernel, prefix + "edge", from, leaves);
        String obj = declareLeaf(prefix + "obj", LogicalPlanner.UNKNOWN, raw, w);
        return Boxing.fromJava(kernel, prefix, obj, to, w);
    }

    private List<String> body(Scope s, Function f, String prefix, JavaWriter w) {
        ColumnLayout out = ColumnLayout.of(f.result());
        List<String> results = new ArrayList<>();
        if (f.locals().isEmpty() && f.body().size() == 1 && f.body().get(0) instanceof Stmt.Return r) {
            List<JExpr> v = new ExprEmitter(s).leaves(r.value());
            for (int k = 0; k < v.size(); k++) {
                results.add(declareLeaf(prefix + "out" + suffix(out, k), out.leaves().get(k).type(), v.get(k).text(), w));
            }
            return results;
        }
        for (int k = 0; k < out.leaves().size(); k++) {
            results.add(declareLeaf(prefix + "out" + suffix(out, k), out.leaves().get(k).type(), null, w));
        }
        declareLocals(s, f.locals(), w);
        s.returnLabel = prefix + "body";
        s.resultNames = results;
        w.open(s.returnLabel + ":");
        new BodyEmitter(s).emit(f.body(), w);
        w.close();
        return results;
    }

    private static String suffix(ColumnLayout l, int k) {
        return l.leaves().size() == 1 ? "" : "_" + l.leaves().get(k).name();
    }

    /**
     * @param site   a lifted lambda
     * @param l      its lift
     * @param prefix its place in the fragment, as {@link #emit} names it
     * @return the fields holding its captured values (each capture's leaves), bound at run time
     */
    List<List<String>> captures(LambdaSite site, LiftResult.Lifted l, String prefix) {
        Scope s = new Scope(prefix, l.ir(), kernel);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < l.ir().captureCount(); i++) {
            out.add(captureFields(s, l.ir().main().params().get(i), l.captures().get(i), kernel.siteIndex(site), i));
        }
        return out;
    }

    private List<String> captureFields(Scope s, Var p, Object irValue, int site, int capture) {
        ColumnLayout layout = ColumnLayout.of(p.type());
        List<String> names = new ArrayList<>();
        for (ColumnLayout.Leaf leaf : layout.leaves()) {
            Object v = irValue;
            for (int idx : leaf.path()) {
                v = ((Object[]) v)[idx];
            }
            String n = s.name(p.name()) + (layout.leaves().size() == 1 ? "" : "_" + leaf.name());
            names.add(kernel.valueField(n, leaf.type(), v,
                    RefSource.capture(site, capture, p.type(), layout.leaves().indexOf(leaf))));
        }
        return names;
    }

    static void declareLocals(Scope s, List<Var> locals, JavaWriter w) {
        for (Var v : locals) {
            s.bind(v.name(), declare(s, v, w));
        }
    }

    private static List<String> declare(Scope s, Var v, JavaWriter w) {
        ColumnLayout layout = ColumnLayout.of(v.type());
        List<String> names = new ArrayList<>();
        for (ColumnLayout.Leaf leaf : layout.leaves()) {
            String n = s.name(v.name()) + (layout.leaves().size() == 1 ? "" : "_" + leaf.name());
            names.add(declareLeaf(s.kernel, n, leaf.type(), null, w));
        }
        return names;
    }

    private String declareLeaf(String name, Type t, String init, JavaWriter w) {
        return declareLeaf(kernel, name, t, init, w);
    }

    private static String declareLeaf(KernelClass k, String name, Type t, String init, JavaWriter w) {
        String jt = JavaNames.local(t);
        k.local(name, jt);
        w.line(jt + " " + name + " = " + (init == null ? JavaNames.zero(t) : init) + ";");
        return name;
    }

    private List<String> call(LambdaSite site, String prefix, List<List<String>> args, List<Type> argTypes, Type result,
                              JavaWriter w) {
        Object fn = site.fn();
        String iface = fn instanceof Pred ? "Pred" : fn instanceof Fn2 ? "Fn2" : fn instanceof ToDoubleFn
                ? "ToDoubleFn" : fn instanceof Fn ? "Fn" : null;
        if (iface == null) {
            throw new IllegalArgumentException("not a Pappus function: " + fn);
        }
        String field = kernel.field(prefix + "fn", "io.pappus.api." + iface, fn, "(io.pappus.api." + iface + ") %s",
                RefSource.lambda(kernel.siteIndex(site)));
        List<String> boxed = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            boxed.add(Boxing.toJava(kernel, prefix + "arg" + i, argTypes.get(i), args.get(i)));
        }
        String method = switch (iface) {
            case "Pred" -> "test";
            case "ToDoubleFn" -> "applyAsDouble";
            default -> "apply";
        };
        String callText = field + "." + method + "(" + String.join(", ", boxed) + ")";
        if (iface.equals("Pred") || iface.equals("ToDoubleFn")) {
            return List.of(declareLeaf(prefix + "out", iface.equals("Pred") ? Type.BOOLEAN : Type.DOUBLE, callText, w));
        }
        String raw = declareLeaf(prefix + "res", new Type.Obj("java.lang.Object"), callText, w);
        w.line("if (" + raw + " == null) throw new NullPointerException(\"" + prefix.replace("_", "")
                + " returned null; Pappus data sets hold no nulls\");");
        return Boxing.fromJava(kernel, prefix, raw, result, w);
    }

    /** @return an edge converter field for values of {@code t} */
    static String edgeField(KernelClass kernel, String name, Type t) {
        EdgeType edge = new EdgeType(ColumnLayout.of(t));
        return kernel.field(name, "io.pappus.jvm.runtime.EdgeType", edge, "(io.pappus.jvm.runtime.EdgeType) %s",
                RefSource.constant(edge));
    }
}
