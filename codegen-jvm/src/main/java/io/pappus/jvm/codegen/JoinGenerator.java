package io.pappus.jvm.codegen;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.Type;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the output loop of a join on a primitive, String or record key. The key columns come from compiled key
 * fragments and the matches from a {@link io.pappus.jvm.runtime.RowTable} built on the right
 * side and probed with the left (in the executor); this class walks the matched index pairs
 * {@code in[0]} (left) and {@code in[1]} (right), reads both elements from their columns and
 * writes the inlined result lambda's output as columns {@code {n, out leaves...}}, chunk by
 * chunk in parallel.
 */
public final class JoinGenerator {
    private final PlanNode node;
    private final KernelClass kernel = new KernelClass();
    private final LambdaEmitter lambdas = new LambdaEmitter(kernel);

    private JoinGenerator(PlanNode node) {
        this.node = node;
        kernel.sites(node.lambdas());
    }

    /**
     * @param node a join plan node
     * @return why it cannot run natively, or null when it can
     */
    public static String whyNot(PlanNode node) {
        Type l = node.lambda("leftKey").resultType();
        Type r = node.lambda("rightKey").resultType();
        if (!l.equals(r)) {
            return "join keys of types " + l.show() + " and " + r.show() + " differ";
        }
        return KeyTypes.whyNot(l, "join key");
    }

    /**
     * @param node a join plan node whose keys are the same primitive
     * @param id   the number of the fragment it feeds, for the class name
     * @return its source and this run's references
     */
    public static GeneratedBreaker generate(PlanNode node, int id) {
        if (whyNot(node) != null) {
            throw new Unsupported(whyNot(node));
        }
        return new JoinGenerator(node).write("Join" + id);
    }

    private GeneratedBreaker write(String className) {
        Type lt = node.inputs().get(0).output();
        Type rt = node.inputs().get(1).output();
        LambdaSite result = node.lambda("result");
        ColumnLayout out = ColumnLayout.of(node.output());
        JavaWriter w = JavaWriter.at(1);
        w.line("");
        w.open("public Object chunk(Object[] in, int lo, int hi)");
        w.line("final int[] left = (int[]) in[0];");
        w.line("final int[] right = (int[]) in[1];");
        List<String> la = ColumnReader.arrays(w, lt, 2);
        List<String> ra = ColumnReader.arrays(w, rt, 2 + la.size());
        w.line("int n = 0;");
        for (int k = 0; k < out.leaves().size(); k++) {
            String comp = SinkWriter.componentName(out.leaves().get(k).type());
            w.line("final " + comp + "[] out" + k + " = new " + comp + "[hi - lo];");
        }
        w.open("for (int j = lo; j < hi; j++)");
        List<String> l = ColumnReader.element(kernel, w, lt, la, "l", "left[j]");
        List<String> r = ColumnReader.element(kernel, w, rt, ra, "r", "right[j]");
        List<String> v = lambdas.emit(result, "result_", List.of(l, r), List.of(lt, rt), node.output(), w);
        for (int k = 0; k < v.size(); k++) {
            w.line("out" + k + "[n] = " + ColumnReader.storeCast(out.leaves().get(k).type()) + v.get(k) + ";");
        }
        w.line("n++;");
        w.close();
        List<String> parts = new ArrayList<>(List.of("Integer.valueOf(n)"));
        for (int k = 0; k < out.leaves().size(); k++) {
            parts.add("out" + k);
        }
        w.line("return new Object[] {" + String.join(", ", parts) + "};");
        w.close();
        JavaWriter src = new JavaWriter();
        src.line("/* Pappus join on a " + node.lambda("leftKey").resultType().show() + " key: result of each matched (left, right) pair");
        src.line(" * plan: " + node.inputs().get(0).op().opName() + " join " + node.inputs().get(1).op().opName());
        src.line(" * backend: codegen-jvm (Janino), hash table on the right key columns, probed in left order */");
        src.open("public final class " + className + " extends io.pappus.jvm.runtime.Kernel");
        kernel.writeMembers(src, className);
        src.append(w);
        kernel.writeHelpers(src);
        src.close();
        return new GeneratedBreaker(className, src.toString(), kernel.refs());
    }
}
