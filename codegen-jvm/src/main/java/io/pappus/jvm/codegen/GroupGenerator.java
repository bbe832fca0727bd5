package io.pappus.jvm.codegen;

import io.pappus.api.query.GroupOp;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code groupBy(key).count() / .reduce(op) / .aggregate(seed, acc, combine)} over a
 * primitive key as one loop: the key lambda inlined, a {@link io.pappus.jvm.runtime.KeyTable}
 * on the key's {@code equals} bits giving each group a dense id, and the accumulator kept as
 * primitive columns indexed by that id, updated by the inlined accumulate (or reduce) lambda.
 * The loop runs over the whole input in order, so every group folds its elements exactly as the
 * reference does (no combine, no reassociation). Output: Pair(key, value) columns
 * {@code {size, keys, value leaves...}}, groups in first-occurrence order.
 */
public final class GroupGenerator {
    private final PlanNode node;
    private final GroupOp op;
    private final KernelClass kernel = new KernelClass();
    private final LambdaEmitter lambdas = new LambdaEmitter(kernel);

    private GroupGenerator(PlanNode node) {
        this.node = node;
        this.op = (GroupOp) node.op();
        kernel.sites(node.lambdas());
    }

    /**
     * @param node a groupBy plan node
     * @return why it cannot run natively, or null when it can
     */
    public static String whyNot(PlanNode node) {
        Type k = node.lambda("key").resultType();
        if (!(k instanceof Type.Prim)) {
            return "groupBy key of type " + k + " is not primitive";
        }
        return null;
    }

    /**
     * @param node a groupBy plan node whose key is primitive
     * @param id   the number of the fragment it feeds, for the class name
     * @return its source and this run's references
     */
    public static GeneratedBreaker generate(PlanNode node, int id) {
        if (whyNot(node) != null) {
            throw new Unsupported(whyNot(node));
        }
        return new GroupGenerator(node).write("Group" + id);
    }

    private GeneratedBreaker write(String className) {
        Type t = node.inputs().get(0).output();
        LambdaSite key = node.lambda("key");
        Type keyType = key.resultType();
        Type value = ((Type.Struct) node.output()).fields().get(1).type();
        ColumnLayout acc = ColumnLayout.of(value);
        JavaWriter w = JavaWriter.at(1);
        w.line("");
        w.open("public Object chunk(Object[] in, int lo, int hi)");
        List<String> arrays = ColumnReader.arrays(w, t, 0);
        w.line("final io.pappus.jvm.runtime.KeyTable table = new io.pappus.jvm.runtime.KeyTable();");
        String keyArr = ColumnReader.arrayType(keyType);
        w.line(keyArr + " keys = new " + keyArr.replace("[]", "[16]") + ";");
        for (int k = 0; k < acc.leaves().size(); k++) {
            String arr = ColumnReader.arrayType(acc.leaves().get(k).type());
            w.line(arr + " acc" + k + " = new " + arr.replace("[]", "[16]") + ";");
        }
        List<String> seed = seedFields(value);
        w.open("for (int i = lo; i < hi; i++)");
        List<String> x = ColumnReader.element(kernel, w, t, arrays, "src", "i");
        String k = lambdas.emit(key, "key_", List.of(x), List.of(t), keyType, w).get(0);
        w.line("final int fresh = table.size();");
        w.line("final int g = table.id(" + ColumnReader.equalityBits(keyType, k) + ");");
        w.open("if (g == fresh)");
        w.open("if (g == keys.length)");
        w.line("keys = java.util.Arrays.copyOf(keys, 2 * g);");
        for (int j = 0; j < acc.leaves().size(); j++) {
            w.line("acc" + j + " = java.util.Arrays.copyOf(acc" + j + ", 2 * g);");
        }
        w.close();
        w.line("keys[g] = " + ColumnReader.storeCast(keyType) + k + ";");
        if (op.agg() instanceof GroupOp.Reduce) {
            store(w, acc, x);
            w.line("continue;");
        } else {
            store(w, acc, seed);
        }
        w.close();
        List<String> cur = new ArrayList<>();
        for (int j = 0; j < acc.leaves().size(); j++) {
            Type lt = acc.leaves().get(j).type();
            String jt = JavaNames.local(lt);
            kernel.local("cur" + j, jt);
            w.line(jt + " cur" + j + " = " + (jt.equals("String") ? "(String) " : "") + "acc" + j + "[g];");
            cur.add("cur" + j);
        }
        List<String> next;
        if (op.agg() instanceof GroupOp.Count) {
            next = List.of("cur0 + 1L");
        } else if (op.agg() instanceof GroupOp.Reduce) {
            next = lambdas.emit(node.lambda("op"), "reduce_", List.of(cur, x), List.of(t, t), t, w);
        } else {
            LambdaSite a = node.lambda("accumulate");
            next = lambdas.emit(a, "accumulate_", List.of(cur, x), a.argTypes(), value, w);
        }
        store(w, acc, next);
        w.close();
        List<String> parts = new ArrayList<>(List.of("Integer.valueOf(table.size())", "keys"));
        for (int j = 0; j < acc.leaves().size(); j++) {
            parts.add("acc" + j);
        }
        w.line("return new Object[] {" + String.join(", ", parts) + "};");
        w.close();
        JavaWriter out = new JavaWriter();
        out.line("/* Pappus groupBy(key)." + op.agg().name() + " on a primitive key");
        out.line(" * plan: " + node.inputs().get(0).op().opName() + " -> groupBy." + op.agg().name());
        out.line(" * backend: codegen-jvm (Janino), open-addressing table on the key's equals bits, one ordered loop */");
        out.open("public final class " + className + " extends io.pappus.jvm.runtime.Kernel");
        kernel.writeMembers(out, className);
        out.append(w);
        kernel.writeHelpers(out);
        out.close();
        return new GeneratedBreaker(className, out.toString(), kernel.refs());
    }

    private static void store(JavaWriter w, ColumnLayout acc, List<String> v) {
        for (int j = 0; j < acc.leaves().size(); j++) {
            w.line("acc" + j + "[g] = " + ColumnReader.storeCast(acc.leaves().get(j).type()) + v.get(j) + ";");
        }
    }

    /** @return the seed's leaves as fields (aggregate), zero (count), or unused (reduce) */
    private List<String> seedFields(Type value) {
        if (op.agg() instanceof GroupOp.Count) {
            return List.of("0L");
        } else if (!(op.agg() instanceof GroupOp.Aggregate a)) {
            return List.of();
        } else {
            ColumnLayout layout = ColumnLayout.of(value);
            Object ir = IrValues.toIr(a.seed(), value);
            List<String> out = new ArrayList<>();
            for (int j = 0; j < layout.leaves().size(); j++) {
                ColumnLayout.Leaf leaf = layout.leaves().get(j);
                Object v = ir;
                for (int p : leaf.path()) {
                    v = ((Object[]) v)[p];
                }
                out.add(kernel.valueField("seed" + (layout.leaves().size() == 1 ? "" : "_" + leaf.name()), leaf.type(),
                        v, RefSource.seed(value, j)));
            }
            return out;
        }
    }
}
