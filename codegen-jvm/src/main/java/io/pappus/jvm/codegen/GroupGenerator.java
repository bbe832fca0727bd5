package io.pappus.jvm.codegen;

import io.pappus.api.query.GroupOp;
import io.pappus.exec.ShapeCache;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.PlanNode;
import io.pappus.plan.fragment.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code groupBy(key).count() / .reduce(op) / .aggregate(seed, acc, combine)} as one
 * loop per chunk: the key lambda inlined, its leaves (a primitive, a String, or a record or
 * {@code Pair} of them) hashed and compared column by column through a
 * {@link io.pappus.jvm.runtime.GroupIndex}, and the accumulator kept as primitive columns
 * indexed by group id, updated by the inlined accumulate (or reduce) lambda. {@code merge}
 * folds a later chunk's groups into an earlier one's with the combine (or reduce) lambda, so
 * chunks run in parallel and merge in chunk order: groups come out in first-occurrence order.
 * The map and filter stages of the fragment feeding the group are inlined ahead of the key, so
 * the loop reads the feed's input columns and nothing is materialised in between.
 * Partial: {@code {size, index, key leaves..., accumulator leaves...}}.
 */
public final class GroupGenerator {
    /** Per group shape, the generated source: a repeated query (k-means' next iteration) skips generation. */
    private static final ShapeCache<Template> SHAPES = new ShapeCache<>(4096);
    private final PlanNode node;
    private final GroupOp op;
    private final List<Stage> stages;
    private final Type source;
    private final RecordRows rows;
    private final KernelClass kernel = new KernelClass();
    private final LambdaEmitter lambdas = new LambdaEmitter(kernel);
    private final Type in;
    private final Type keyType;
    private final Type value;
    private final List<ColumnLayout.Leaf> keys;
    private final ColumnLayout acc;

    private GroupGenerator(PlanNode node, List<Stage> stages, Type source, RecordRows rows) {
        this.node = node;
        this.op = (GroupOp) node.op();
        this.stages = stages;
        this.source = source;
        this.rows = rows;
        kernel.sites(sites(node, stages));
        in = node.inputs().get(0).output();
        keyType = node.lambda("key").resultType();
        value = ((Type.Struct) node.output()).fields().get(1).type();
        keys = KeyTypes.leaves(keyType);
        acc = ColumnLayout.of(value);
    }

    /**
     * @param node a groupBy plan node
     * @return why it cannot run natively, or null when it can
     */
    public static String whyNot(PlanNode node) {
        return KeyTypes.whyNot(node.lambda("key").resultType(), "groupBy key");
    }

    /**
     * @param node a groupBy plan node whose key qualifies
     * @param id   the number of the fragment it feeds, for the class name
     * @return its source and this run's references
     */
    public static GeneratedBreaker generate(PlanNode node, int id) {
        return generate(node, id, List.of(), node.inputs().get(0).output());
    }

    /**
     * @param node   a groupBy plan node whose key qualifies
     * @param id     the number of the fragment it feeds, for the class name
     * @param stages the map/filter stages of the feeding fragment, inlined before the key
     * @param source the element type of the columns the loop reads (the feed's input)
     * @return its source and this run's references
     */
    public static GeneratedBreaker generate(PlanNode node, int id, List<Stage> stages, Type source) {
        return generate(node, id, stages, source, null);
    }

    /**
     * @param node   a groupBy plan node whose key qualifies
     * @param id     the number of the fragment it feeds, for the class name
     * @param stages the map/filter stages of the feeding fragment, inlined before the key
     * @param source the element type the loop reads (the feed's input)
     * @param rows   how the loop reads the feed's source records in place ({@code in[0]} is then
     *               the source's list), or null to read columns
     * @return its source and this run's references
     */
    public static GeneratedBreaker generate(PlanNode node, int id, List<Stage> stages, Type source, RecordRows rows) {
        List<Object> shape = shape(node, id, stages, source);
        shape.add(rows == null ? null : rows.key());
        Template known = SHAPES.get(shape);
        if (known == null) {
            if (whyNot(node) != null) {
                throw new Unsupported(whyNot(node));
            }
            GroupGenerator gen = new GroupGenerator(node, stages, source, rows);
            GeneratedBreaker g = gen.write("Group" + id);
            SHAPES.put(shape, new Template(g.className(), g.source(), gen.kernel.sources(), g.reads()));
            return g;
        }
        List<LambdaSite> sites = sites(node, stages);
        Object seed = ((GroupOp) node.op()).agg() instanceof GroupOp.Aggregate a ? a.seed() : null;
        Object[] refs = new Object[known.sources().size()];
        for (int k = 0; k < refs.length; k++) {
            refs[k] = known.sources().get(k).resolve(seed, sites);  // only captured values and the seed change
        }
        return new GeneratedBreaker(known.className(), known.source(), refs, known.reads());
    }

    /** @return the stages' lambdas, then the group's, in the order {@code refs[]} sources index them */
    private static List<LambdaSite> sites(PlanNode node, List<Stage> stages) {
        List<LambdaSite> sites = new ArrayList<>();
        for (Stage st : stages) {
            sites.add(st.lambda());
        }
        sites.addAll(node.lambdas());
        return sites;
    }

    /** @return a key equal for group loops whose generated source is equal (see {@link FragmentShape}) */
    private static List<Object> shape(PlanNode node, int id, List<Stage> stages, Type source) {
        List<Object> k = new ArrayList<>();
        GroupOp op = (GroupOp) node.op();
        k.add(id);
        k.add(source);
        k.add(node.output());
        k.add(op.agg().getClass());
        k.add(op.agg() instanceof GroupOp.Aggregate a && a.seed() != null ? a.seed().getClass() : null);
        for (Stage st : stages) {
            k.add(st.name());
            k.add(st.input());
            k.add(st.output());
        }
        FragmentShape.addLambdas(k, sites(node, stages));
        return k;
    }

    /** A generated group class and where each of its {@code refs[]} comes from. */
    private record Template(String className, String source, List<RefSource> sources, java.util.BitSet reads) {
    }

    private GeneratedBreaker write(String className) {
        JavaWriter w = JavaWriter.at(1);
        w.line("");
        w.open("public Object chunk(Object[] in, int lo, int hi)");
        List<String> arrays = null;
        if (rows != null) {
            rows.declareList(w, "in0", 0);
        } else {
            arrays = ColumnReader.arrays(w, source, 0);
        }
        w.line("final io.pappus.jvm.runtime.GroupIndex index = new io.pappus.jvm.runtime.GroupIndex();");
        declareColumns(w, "", "new %s[16]");
        List<String> seed = seedFields();
        w.open("for (int i = lo; i < hi; i++)");
        List<String> x = rows != null ? rows.element(kernel, w, source, "in0", "src", "i")
                : ColumnReader.element(kernel, w, source, arrays, "src", "i");
        for (Stage st : stages) {
            List<String> o = lambdas.emit(st.lambda(), st.name() + "_", List.of(x), List.of(st.input()),
                    st.isFilter() ? Type.BOOLEAN : st.output(), w);
            if (st.isFilter()) {
                w.line("if (!" + o.get(0) + ") continue;");
            } else {
                x = o;
            }
        }
        List<String> k = lambdas.emit(node.lambda("key"), "key_", List.of(x), List.of(in), keyType, w);
        boolean direct = isDirect();
        if (direct) {
            w.line("int g = index.direct(" + k.get(0) + ");");
            w.open("if (g < 0)");
        }
        w.line("final int h = " + KeyTypes.hash(keys, k) + ";");
        probe(w, "", k, "h", !direct);
        w.open("if (g < 0)");
        addGroup(w, "", k, "h");
        if (op.agg() instanceof GroupOp.Reduce) {
            store(w, "", x);
            if (direct) {
                w.line("index.remember(" + k.get(0) + ", g);");
            }
            w.line("continue;");
        } else {
            store(w, "", seed);
        }
        w.close();
        if (direct) {
            w.line("index.remember(" + k.get(0) + ", g);");
            w.close();
        }
        List<String> cur = readAcc(w, "", "cur");
        List<String> next;
        if (op.agg() instanceof GroupOp.Count) {
            next = List.of("cur0 + 1L");
        } else if (op.agg() instanceof GroupOp.Reduce) {
            next = lambdas.emit(node.lambda("op"), "reduce_", List.of(cur, x), List.of(in, in), in, w);
        } else {
            LambdaSite a = node.lambda("accumulate");
            next = lambdas.emit(a, "accumulate_", List.of(cur, x), a.argTypes(), value, w);
        }
        store(w, "", next);
        w.close();
        w.line("return " + partial("") + ";");
        w.close();
        writeMerge(w);
        JavaWriter out = new JavaWriter();
        out.line("/* Pappus groupBy(key)." + op.agg().name() + " on a " + keyType.show() + " key");
        StringBuilder plan = new StringBuilder(node.inputs().get(0).op().opName());
        if (!stages.isEmpty()) {
            plan = new StringBuilder("input");
            for (Stage st : stages) {
                plan.append(" -> ").append(st.name());
            }
        }
        out.line(" * plan: " + plan + " -> groupBy." + op.agg().name());
        out.line(" * backend: codegen-jvm (Janino), open addressing over the key columns, chunks merged in order"
                + (rows == null ? "" : ", reads " + rows.recordClass().getSimpleName() + " records in place") + " */");
        out.open("public final class " + className + " extends io.pappus.jvm.runtime.Kernel");
        kernel.writeMembers(out, className);
        out.append(w);
        kernel.writeHelpers(out);
        out.close();
        UnreadLeaves.Pruned p = UnreadLeaves.prune(out.toString(), source, "src", rows != null);
        return new GeneratedBreaker(className, p.source(), kernel.refs(), p.reads());
    }

    /** {@code merge(a, b)}: b's groups, in b's order, into a's index and columns. */
    private void writeMerge(JavaWriter w) {
        w.line("");
        w.open("public Object[] merge(Object[] a, Object[] b)");
        w.line("final io.pappus.jvm.runtime.GroupIndex index = (io.pappus.jvm.runtime.GroupIndex) a[1];");
        declareColumns(w, "", "(%s[]) a[@]");
        w.line("final io.pappus.jvm.runtime.GroupIndex other = (io.pappus.jvm.runtime.GroupIndex) b[1];");
        declareColumns(w, "b_", "(%s[]) b[@]");
        w.line("final int bn = other.size();");
        w.open("for (int q = 0; q < bn; q++)");
        List<String> k = new ArrayList<>();
        for (int j = 0; j < keys.size(); j++) {
            String jt = JavaNames.local(keys.get(j).type());
            kernel.local("mk" + j, jt);
            w.line(jt + " mk" + j + " = " + (jt.equals("String") ? "(String) " : "") + "b_keys" + j + "[q];");
            k.add("mk" + j);
        }
        w.line("final int h = other.hash(q);");
        probe(w, "", k, "h", true);
        List<String> theirs = readAcc(w, "b_", "their");
        w.open("if (g < 0)");
        addGroup(w, "", k, "h");
        store(w, "", theirs);
        w.line("continue;");
        w.close();
        List<String> mine = readAcc(w, "", "mine");
        List<String> next;
        if (op.agg() instanceof GroupOp.Count) {
            next = List.of("mine0 + their0");
        } else if (op.agg() instanceof GroupOp.Reduce) {
            next = lambdas.emit(node.lambda("op"), "merge_", List.of(mine, theirs), List.of(in, in), in, w);
        } else {
            next = lambdas.emit(node.lambda("combine"), "combine_", List.of(mine, theirs), List.of(value, value),
                    value, w);
        }
        store(w, "", next);
        w.close();
        w.line("return " + partial("") + ";");
        w.close();
    }

    /** @return whether the key is one int-like leaf, which gets the direct-mapped shortcut */
    private boolean isDirect() {
        if (keys.size() != 1 || !(keys.get(0).type() instanceof Type.Prim p)) {
            return false;
        }
        return switch (p.kind()) {
            case INT, CHAR, SHORT, BYTE -> true;
            default -> false;
        };
    }

    /** Declares key and accumulator column locals; {@code init} has %s for the component, @ for the slot. */
    private void declareColumns(JavaWriter w, String prefix, String init) {
        int slot = 2;
        for (int j = 0; j < keys.size(); j++) {
            String comp = SinkWriter.componentName(keys.get(j).type());
            w.line(comp + "[] " + prefix + "keys" + j + " = " + init.replace("%s", comp).replace("@", "" + slot++) + ";");
        }
        for (int j = 0; j < acc.leaves().size(); j++) {
            String comp = SinkWriter.componentName(acc.leaves().get(j).type());
            w.line(comp + "[] " + prefix + "acc" + j + " = " + init.replace("%s", comp).replace("@", "" + slot++) + ";");
        }
    }

    /** Leaves {@code g} at the group of key {@code k} (hash {@code h}), or -1 with {@code s} at an empty slot. */
    private void probe(JavaWriter w, String prefix, List<String> k, String h, boolean declare) {
        StringBuilder same = new StringBuilder("index.hash(g) == " + h);
        for (int j = 0; j < keys.size(); j++) {
            same.append(" && ").append(KeyTypes.same(keys.get(j).type(), prefix + "keys" + j + "[g]", k.get(j)));
        }
        w.line("int s = index.start(" + h + ");");
        if (declare) {
            w.line("int g;");
        }
        w.open("while ((g = index.at(s)) >= 0 && !(" + same + "))");
        w.line("s = index.next(s);");
        w.close();
    }

    /** Adds the group of key {@code k} at slot {@code s}, growing the columns when full. */
    private void addGroup(JavaWriter w, String prefix, List<String> k, String h) {
        w.line("g = index.add(s, " + h + ");");
        w.open("if (g == " + prefix + "keys0.length)");
        for (int j = 0; j < keys.size(); j++) {
            w.line(prefix + "keys" + j + " = java.util.Arrays.copyOf(" + prefix + "keys" + j + ", 2 * g);");
        }
        for (int j = 0; j < acc.leaves().size(); j++) {
            w.line(prefix + "acc" + j + " = java.util.Arrays.copyOf(" + prefix + "acc" + j + ", 2 * g);");
        }
        w.close();
        for (int j = 0; j < keys.size(); j++) {
            w.line(prefix + "keys" + j + "[g] = " + ColumnReader.storeCast(keys.get(j).type()) + k.get(j) + ";");
        }
    }

    /** @return locals {@code name0..} holding group {@code g}'s accumulator from {@code prefix + acc} */
    private List<String> readAcc(JavaWriter w, String prefix, String name) {
        String index = prefix.isEmpty() ? "g" : "q";
        List<String> out = new ArrayList<>();
        for (int j = 0; j < acc.leaves().size(); j++) {
            String jt = JavaNames.local(acc.leaves().get(j).type());
            kernel.local(name + j, jt);
            w.line(jt + " " + name + j + " = " + (jt.equals("String") ? "(String) " : "") + prefix + "acc" + j
                    + "[" + index + "];");
            out.add(name + j);
        }
        return out;
    }

    private void store(JavaWriter w, String prefix, List<String> v) {
        for (int j = 0; j < acc.leaves().size(); j++) {
            w.line(prefix + "acc" + j + "[g] = " + ColumnReader.storeCast(acc.leaves().get(j).type()) + v.get(j) + ";");
        }
    }

    private String partial(String prefix) {
        List<String> parts = new ArrayList<>(List.of("Integer.valueOf(index.size())", "index"));
        for (int j = 0; j < keys.size(); j++) {
            parts.add(prefix + "keys" + j);
        }
        for (int j = 0; j < acc.leaves().size(); j++) {
            parts.add(prefix + "acc" + j);
        }
        return "new Object[] {" + String.join(", ", parts) + "}";
    }

    /** @return the seed's leaves as fields (aggregate), zero (count), or unused (reduce) */
    private List<String> seedFields() {
        if (op.agg() instanceof GroupOp.Count) {
            return List.of("0L");
        } else if (!(op.agg() instanceof GroupOp.Aggregate a)) {
            return List.of();
        }
        Object ir = IrValues.toIr(((GroupOp.Aggregate) op.agg()).seed(), value);
        List<String> out = new ArrayList<>();
        for (int j = 0; j < acc.leaves().size(); j++) {
            ColumnLayout.Leaf leaf = acc.leaves().get(j);
            Object v = ir;
            for (int p : leaf.path()) {
                v = ((Object[]) v)[p];
            }
            out.add(kernel.valueField("seed" + (acc.leaves().size() == 1 ? "" : "_" + leaf.name()), leaf.type(), v,
                    RefSource.seed(value, j)));
        }
        return out;
    }
}
