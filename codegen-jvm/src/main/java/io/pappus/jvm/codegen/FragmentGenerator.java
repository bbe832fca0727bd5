package io.pappus.jvm.codegen;

import io.pappus.api.query.FlatMapOp;
import io.pappus.api.query.ZipOp;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.Type;
import io.pappus.lift.FanOut;
import io.pappus.lift.IrValues;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.LogicalPlanner;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import io.pappus.plan.fragment.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a fragment as one Java class whose {@code chunk} method is a single loop over the
 * input's primitive columns: each map and filter inlined in turn, the sink's step last, no
 * boxing, no virtual call and no intermediate array per element (opaque lambdas excepted).
 *
 * <p>A zip input is fused too: the loop reads both sides' columns at the same index and inlines
 * the zip's function before the first stage, so no zipped element is ever stored. So is a
 * flatMap: its function is called per element and what it returns runs through the stages in
 * an inner loop (collect outputs then grow as needed).
 *
 * <p>Partial results, by sink: collect {@code {n, col0, col1, ...}}; count {@code Long};
 * sum/average {@code {sum, n}}; reduce {@code {has, leaves...}}; aggregate {@code {leaves...}};
 * minBy/maxBy {@code {has, key, leaves...}}. Leaves are IR values (sub-int kinds as Integer).
 */
public final class FragmentGenerator {
    private final Fragment f;
    private final KernelClass kernel = new KernelClass();
    private final LambdaEmitter lambdas = new LambdaEmitter(kernel);
    private final String className;
    private final RecordRows rows;
    private int innerLoops;

    private FragmentGenerator(Fragment f, RecordRows rows) {
        this.f = f;
        this.rows = rows;
        kernel.sites(FragmentShape.sites(f));
        this.className = "Fragment" + f.id();
    }

    /**
     * @param f    a fragment
     * @param plan a one-line description of the query, for the header
     * @return its source and this run's references
     * @throws Unsupported if the sink cannot be compiled (the caller runs it by reference)
     */
    public static GeneratedFragment generate(Fragment f, String plan) {
        return generate(f, plan, null);
    }

    /**
     * @param f    a fragment
     * @param plan a one-line description of the query, for the header
     * @param rows how the loop reads its source's records in place ({@code in[0]} is then the
     *             source's list), or null to read columns
     * @return its source and this run's references
     * @throws Unsupported if the sink cannot be compiled (the caller runs it by reference)
     */
    public static GeneratedFragment generate(Fragment f, String plan, RecordRows rows) {
        return new FragmentGenerator(f, rows).write(plan);
    }

    private GeneratedFragment write(String plan) {
        boolean predicated = Predication.applies(f);
        JavaWriter body = JavaWriter.at(1);
        body.line("");
        body.open("public Object chunk(Object[] in, int lo, int hi)");
        if (rows != null) {
            rows.declareList(body, "in0", 0);
        } else {
            int slot = 0;
            for (Type t : readTypes(f)) {
                slot += ColumnReader.arrays(body, t, slot).size();
            }
        }
        boolean vector = predicated && rows == null && VectorLoop.applies(f);
        if (predicated) {
            new Predication(this, vector).write(body);
        } else {
            SinkWriter sink = new SinkWriter(this);
            sink.init(body);
            body.open("for (int i = lo; i < hi; i++)");
            List<String> leaves = element(body, "i", false, null);
            sink.step(body, leaves);
            for (int l = 0; l < innerLoops; l++) {
                body.close();
            }
            body.close();
            sink.finish(body);
            body.close();
            sink.merge(body);
        }
        JavaWriter w = new JavaWriter();
        w.line("/* Pappus fragment " + f.id() + ": " + f.describe());
        w.line(" * plan: " + plan);
        w.line(" * backend: codegen-jvm (Janino), " + (vector ? "vector lanes (jdk.incubator.vector), then a predicated branch-free loop, 4 accumulators"
                : predicated ? "predicated branch-free loop, 4 accumulators" : "one fused loop") + (rows == null ? "" : ", reads " + rows.recordClass().getSimpleName()
                + " records in place (no column layout)") + " */");
        w.open("public final class " + className + " extends io.pappus.jvm.runtime.Kernel");
        kernel.writeMembers(w, className);
        w.append(body);
        kernel.writeHelpers(w);
        w.close();
        String source = w.toString();
        java.util.BitSet reads = null;
        if (readTypes(f).size() == 1 && !fusedFlatMap(f)) {
            UnreadLeaves.Pruned p = UnreadLeaves.prune(source, f.inputType(), "src", rows != null);
            source = p.source();
            reads = p.reads();
        }
        return new GeneratedFragment(f, className, source, kernel.refs(), kernel.sources(), predicated, reads);
    }

    Fragment fragment() {
        return f;
    }

    KernelClass kernel() {
        return kernel;
    }

    /**
     * Writes the source read and every stage for element {@code index}.
     *
     * @param keeps where filters' keep flags go when predicated (no {@code continue}); else null
     * @return the leaves that reach the sink
     */
    List<String> element(JavaWriter w, String index, boolean predicated, List<String> keeps) {
        List<Type> read = readTypes(f);
        List<List<String>> sides = new ArrayList<>();
        if (rows != null) {
            sides.add(rows.element(kernel, w, read.get(0), "in0", "src", index));
        } else {
            int k = 0;
            for (int side = 0; side < read.size(); side++) {
                List<String> arrays = new ArrayList<>();
                for (int leaf = 0; leaf < ColumnLayout.of(read.get(side)).leaves().size(); leaf++) {
                    arrays.add("in" + k++);
                }
                String src = read.size() == 1 ? "src" : side == 0 ? "left" : "right";
                sides.add(ColumnReader.element(kernel, w, read.get(side), arrays, src, index));
            }
        }
        List<String> cur = sides.get(0);
        if (fusedZip(f)) {
            cur = lambdas.emit(f.input().lambda("fn"), "zip_", sides, read, f.inputType(), w);
        } else if (fusedFlatMap(f)) {
            cur = flatMapOpen(w, cur);
        }
        for (Stage s : f.stages()) {
            List<String> out = lambdas.emit(s.lambda(), s.name() + "_", List.of(cur), List.of(s.input()),
                    s.isFilter() ? Type.BOOLEAN : s.output(), w);
            if (s.isFilter()) {
                if (predicated) {
                    keeps.add(out.get(0));
                } else {
                    w.line("if (!" + out.get(0) + ") continue;");
                }
            } else {
                cur = out;
            }
        }
        return cur;
    }

    /**
     * Runs the flatMap function and opens the loop over what it returns; the caller closes it
     * after the sink's step ({@link #innerLoops}). A filter's {@code continue} skips one returned
     * element, as it should. A lifted function ({@link FanOut}) is inlined and the loop runs over
     * its slots, with no Java collection; an opaque one is called and its iterable walked.
     */
    private List<String> flatMapOpen(JavaWriter w, List<String> src) {
        LambdaSite fn = f.input().lambda("fn");
        Type fan = fn.resultType();
        if (FanOut.is(fan)) {
            List<String> leaves = lambdas.inlineOrNull(fn, "flatMap_", List.of(src), readTypes(f), fan, w);
            if (leaves != null) {
                return fanOpen(w, fan, leaves);
            }
        }
        String iterable = lambdas.callOriginal(fn, "flatMap_", List.of(src), readTypes(f), LogicalPlanner.UNKNOWN, w)
                .get(0);
        kernel.local("flatMap_it", "java.util.Iterator");
        w.line("final java.util.Iterator flatMap_it = ((Iterable) " + iterable + ").iterator();");
        w.open("while (flatMap_it.hasNext())");
        innerLoops++;
        kernel.local("flatMap_x", "Object");
        w.line("final Object flatMap_x = flatMap_it.next();");
        w.line("if (flatMap_x == null) throw new NullPointerException(\"flatMap returned an iterable holding null;"
                + " Pappus data sets hold no nulls\");");
        return List.of("flatMap_x");
    }

    /** The loop over a lifted flatMap's slots: leaf j of element k is {@code leaves[1 + k * width + j]}. */
    private List<String> fanOpen(JavaWriter w, Type fan, List<String> leaves) {
        int slots = FanOut.slots(fan);
        ColumnLayout element = slots == 0 ? null : ColumnLayout.of(FanOut.element(fan));
        int width = element == null ? 0 : element.leaves().size();
        kernel.local("flatMap_k", "int");
        w.open("for (int flatMap_k = 0; flatMap_k < " + leaves.get(0) + "; flatMap_k++)");
        innerLoops++;
        List<String> out = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            StringBuilder pick = new StringBuilder(leaves.get(1 + (slots - 1) * width + j));
            for (int k = slots - 2; k >= 0; k--) {
                pick.insert(0, "flatMap_k == " + k + " ? " + leaves.get(1 + k * width + j) + " : (").append(")");
            }
            String name = "flatMap_x" + (width == 1 ? "" : "_" + element.leaves().get(j).name());
            String javaType = JavaNames.local(element.leaves().get(j).type());
            kernel.local(name, javaType);
            w.line("final " + javaType + " " + name + " = " + pick + ";");
            out.add(name);
        }
        return out;
    }

    /** @return how many loops {@link #element} left open inside the element loop */
    int innerLoops() {
        return innerLoops;
    }

    /** Inlines a sink lambda (the reduce op, the sum's f, ...). */
    List<String> call(LambdaSite site, String prefix, List<List<String>> args, List<Type> argTypes, Type result,
                      JavaWriter w) {
        return lambdas.emit(site, prefix, args, argTypes, result, w);
    }

    /** The fields holding a lifted lambda's captured values, named as {@link #call} names them. */
    List<List<String>> captures(LambdaSite site, LiftResult.Lifted l, String prefix) {
        return lambdas.captures(site, l, prefix);
    }

    /**
     * @param name  a field name prefix
     * @param t     the value's type
     * @param value a Java value
     * @return fields holding its leaves, bound at run time
     */
    List<String> valueFields(String name, Type t, Object value) {
        ColumnLayout layout = ColumnLayout.of(t);
        Object ir = IrValues.toIr(value, t);
        List<String> out = new ArrayList<>();
        for (ColumnLayout.Leaf leaf : layout.leaves()) {
            Object v = ir;
            for (int p : leaf.path()) {
                v = ((Object[]) v)[p];
            }
            out.add(kernel.valueField(name + (layout.leaves().size() == 1 ? "" : "_" + leaf.name()), leaf.type(), v,
                    RefSource.seed(t, layout.leaves().indexOf(leaf))));
        }
        return out;
    }

    /**
     * @param f a fragment
     * @return whether its input is a zip whose two sides (its two feeds) the loop reads at the same
     *         index; a fragment over a zip's materialised output (a breaker's key fragment) has no feeds
     */
    public static boolean fusedZip(Fragment f) {
        return f.input().op() instanceof ZipOp && f.feeds().size() == 2;
    }

    /**
     * @param f a fragment
     * @return whether its input is a flatMap of its one feed, run inside the loop: the function
     *         called per element, each element it returns run through the stages and the sink
     */
    public static boolean fusedFlatMap(Fragment f) {
        return f.input().op() instanceof FlatMapOp && f.feeds().size() == 1;
    }

    /** @return the element types whose columns the loop reads, in {@code in[]} order */
    public static List<Type> readTypes(Fragment f) {
        if (fusedZip(f) || fusedFlatMap(f)) {
            return f.input().lambda("fn").argTypes();
        }
        return List.of(f.inputType());
    }

    static Type sinkType(Fragment f) {
        Sink s = f.sink();
        if (s instanceof Sink.Aggregate a) {
            return a.accumulate().argTypes().get(0);
        }
        return f.outputType();
    }
}
