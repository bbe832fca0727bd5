package io.pappus.jvm.codegen;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sink's part of the loop: the accumulator locals before it, the step per element,
 * the partial result after it, and for reduce and aggregate the {@code merge} method that
 * combines two partials with the user's compiled function.
 */
final class SinkWriter {
    private final FragmentGenerator gen;
    private final Fragment f;
    private final Sink sink;
    private final ColumnLayout out;
    private final List<String> acc = new ArrayList<>();

    SinkWriter(FragmentGenerator gen) {
        this.gen = gen;
        this.f = gen.fragment();
        this.sink = f.sink();
        this.out = ColumnLayout.of(FragmentGenerator.sinkType(f));
    }

    void init(JavaWriter w) {
        if (sink instanceof Sink.Collect) {
            w.line("int n = 0;");
            boolean grows = FragmentGenerator.fusedFlatMap(f);
            for (int k = 0; k < out.leaves().size(); k++) {
                String comp = componentName(out.leaves().get(k).type());
                w.line((grows ? "" : "final ") + comp + "[] out" + k + " = new " + comp + "[hi - lo];");
            }
        } else if (sink instanceof Sink.Count) {
            w.line("long count = 0L;");
        } else if (sink instanceof Sink.Sum) {
            w.line("double sum = 0.0;");
            w.line("long n = 0L;");
        } else if (sink instanceof Sink.Aggregate a) {
            List<String> seed = gen.valueFields("aggregate_seed", out.type(), a.seed());
            declareAcc(w, seed);
        } else if (sink instanceof Sink.Reduce || sink instanceof Sink.Extreme) {
            w.line("boolean has = false;");
            declareAcc(w, null);
            if (sink instanceof Sink.Extreme x) {
                Type kt = x.key().resultType();
                if (kt instanceof Type.Struct) {
                    throw new Unsupported("minBy/maxBy with a record key");
                }
                gen.kernel().local("best_key", JavaNames.local(kt));
                w.line(JavaNames.local(kt) + " best_key = " + JavaNames.zero(kt) + ";");
            }
        } else {
            throw new AssertionError(sink);
        }
    }

    private void declareAcc(JavaWriter w, List<String> init) {
        for (int k = 0; k < out.leaves().size(); k++) {
            ColumnLayout.Leaf leaf = out.leaves().get(k);
            String n = "acc" + (out.leaves().size() == 1 ? "" : "_" + leaf.name());
            gen.kernel().local(n, JavaNames.local(leaf.type()));
            w.line(JavaNames.local(leaf.type()) + " " + n + " = " + (init == null ? JavaNames.zero(leaf.type())
                    : init.get(k)) + ";");
            acc.add(n);
        }
    }

    void step(JavaWriter w, List<String> v) {
        Type t = f.outputType();
        if (sink instanceof Sink.Collect) {
            if (FragmentGenerator.fusedFlatMap(f)) {  // a flatMap may return more than one element each
                w.open("if (n == out0.length)");
                for (int k = 0; k < v.size(); k++) {
                    w.line("out" + k + " = java.util.Arrays.copyOf(out" + k + ", n * 2 + 16);");
                }
                w.close();
            }
            for (int k = 0; k < v.size(); k++) {
                Type lt = out.leaves().get(k).type();
                PrimKind pk = ExprEmitter.kind(lt);
                boolean narrow = pk == PrimKind.BYTE || pk == PrimKind.SHORT || pk == PrimKind.CHAR;
                String cast = narrow ? "(" + pk.javaName() + ") " : lt instanceof Type.Prim || lt instanceof Type.Obj ? ""
                        : "";
                w.line("out" + k + "[n] = " + cast + v.get(k) + ";");
            }
            w.line("n++;");
        } else if (sink instanceof Sink.Count) {
            w.line("count++;");
        } else if (sink instanceof Sink.Sum s) {
            List<String> r = gen.call(s.f(), "sum_", List.of(v), List.of(t), Type.DOUBLE, w);
            w.line("sum += " + r.get(0) + ";");
            w.line("n++;");
        } else if (sink instanceof Sink.Aggregate a) {
            List<String> r = gen.call(a.accumulate(), "accumulate_", List.of(acc, v), a.accumulate().argTypes(),
                    out.type(), w);
            assign(w, acc, r);
        } else if (sink instanceof Sink.Reduce r) {
            w.open("if (has)");
            List<String> res = gen.call(r.op(), "reduce_", List.of(acc, v), List.of(t, t), t, w);
            assign(w, acc, res);
            w.reopen("else");
            assign(w, acc, v);
            w.line("has = true;");
            w.close();
        } else if (sink instanceof Sink.Extreme x) {
            List<String> k = gen.call(x.key(), "key_", List.of(v), List.of(t), x.key().resultType(), w);
            String cmp = compare(x.key().resultType(), k.get(0), "best_key");
            w.open("if (!has || " + cmp + (x.max() ? " > 0" : " < 0") + ")");
            w.line("best_key = " + k.get(0) + ";");
            assign(w, acc, v);
            w.line("has = true;");
            w.close();
        }
    }

    private static String compare(Type t, String a, String b) {
        PrimKind k = ExprEmitter.kind(t);
        if (k == null) {
            return "((Comparable) " + a + ").compareTo(" + b + ")";
        }
        String owner = switch (k) {
            case BOOLEAN -> "Boolean";
            case LONG -> "Long";
            case FLOAT -> "Float";
            case DOUBLE -> "Double";
            default -> "Integer";
        };
        return owner + ".compare(" + a + ", " + b + ")";
    }

    private static void assign(JavaWriter w, List<String> to, List<String> from) {
        for (int k = 0; k < to.size(); k++) {
            w.line(to.get(k) + " = " + from.get(k) + ";");
        }
    }

    void finish(JavaWriter w) {
        if (sink instanceof Sink.Collect) {
            List<String> parts = new ArrayList<>(List.of("Integer.valueOf(n)"));
            for (int k = 0; k < out.leaves().size(); k++) {
                parts.add("out" + k);
            }
            w.line("return new Object[] {" + String.join(", ", parts) + "};");
        } else if (sink instanceof Sink.Count) {
            w.line("return Long.valueOf(count);");
        } else if (sink instanceof Sink.Sum) {
            w.line("return new Object[] {Double.valueOf(sum), Long.valueOf(n)};");
        } else {
            List<String> parts = new ArrayList<>();
            if (!(sink instanceof Sink.Aggregate)) {
                parts.add("Boolean.valueOf(has)");
            }
            if (sink instanceof Sink.Extreme x) {
                parts.add(Boxing.irBox(x.key().resultType(), "best_key"));
            }
            for (int k = 0; k < acc.size(); k++) {
                parts.add(Boxing.irBox(out.leaves().get(k).type(), acc.get(k)));
            }
            w.line("return new Object[] {" + String.join(", ", parts) + "};");
        }
    }

    /** Writes {@code merge(a, b)} for reduce (offset 1, after {@code has}) and aggregate. */
    void merge(JavaWriter w) {
        if (!(sink instanceof Sink.Reduce || sink instanceof Sink.Aggregate)) {
            return;
        }
        int offset = sink instanceof Sink.Reduce ? 1 : 0;
        w.line("");
        w.open("public Object[] merge(Object[] a, Object[] b)");
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int k = 0; k < out.leaves().size(); k++) {
            Type lt = out.leaves().get(k).type();
            String jt = JavaNames.local(lt);
            gen.kernel().local("a" + k, jt);
            gen.kernel().local("b" + k, jt);
            w.line(jt + " a" + k + " = " + Boxing.irUnbox(lt, "a[" + (k + offset) + "]") + ";");
            w.line(jt + " b" + k + " = " + Boxing.irUnbox(lt, "b[" + (k + offset) + "]") + ";");
            a.add("a" + k);
            b.add("b" + k);
        }
        List<String> r = sink instanceof Sink.Reduce red
                ? gen.call(red.op(), "merge_", List.of(a, b), List.of(out.type(), out.type()), out.type(), w)
                : gen.call(((Sink.Aggregate) sink).combine(), "combine_", List.of(a, b),
                        List.of(out.type(), out.type()), out.type(), w);
        List<String> parts = new ArrayList<>();
        if (offset == 1) {
            parts.add("Boolean.TRUE");
        }
        for (int k = 0; k < r.size(); k++) {
            parts.add(Boxing.irBox(out.leaves().get(k).type(), r.get(k)));
        }
        w.line("return new Object[] {" + String.join(", ", parts) + "};");
        w.close();
    }

    static String componentName(Type leafType) {
        if (leafType instanceof Type.Prim p) {
            return p.kind().javaName();
        }
        return "Object";
    }
}
