package io.pappus.opencl.codegen;

import io.pappus.ir.LiftedLambda;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import io.pappus.lift.FanOut;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the OpenCL program of a fused map/filter pipeline over columns: each element runs
 * every stage in a {@code do { ... } while (0)} that a filter leaves with {@code break}; an
 * element whose lambda failed records its index with {@code atomic_min} in
 * {@code errors[code - 1]} (so the host reports the first failing element, as Java would).
 * A fused flatMap is a first stage returning a fan ({@link FanOut}): the work-item runs it on its
 * input element, then the other stages and the sink step on each of slots {@code 0..n-1} in list
 * order, stopping at the first failure (an error names the input element).
 *
 * <pre>{@code
 * PipelineProgram p = KernelSourceWriter.write("f0", lambdas, filters, ReduceOp.SUM);
 * PipelineProgram q = KernelSourceWriter.write("f1", List.of(fanFn, square), List.of(false, false), ReduceOp.SUM, true);
 * }</pre>
 */
public final class KernelSourceWriter {
    private final String id;
    private final List<TranslatedLambda> stages = new ArrayList<>();
    private final List<Boolean> filters;
    private final UnitContext ctx = new UnitContext();
    private final List<Leaf> inputs;
    private final int fanSlots;
    private List<Leaf> values;

    private KernelSourceWriter(String id, List<LiftedLambda> lambdas, List<Boolean> filters, boolean fan) {
        this.id = OclNames.sanitize(id);
        this.filters = List.copyOf(filters);
        if (lambdas.isEmpty()) {
            throw new OclUnsupportedException("an empty pipeline");
        }
        Type element = single(lambdas.get(0)).type();
        inputs = storage(OclTypes.leaves(element, "in"));
        Type first = lambdas.get(0).main().result();
        if (fan && (filters.get(0) || !FanOut.is(first) || FanOut.slots(first) == 0)) {
            throw new OclUnsupportedException("flatMap function at " + lambdas.get(0).source() + " returns "
                    + first.show() + ", not a list literal's count and slots");
        }
        fanSlots = fan ? FanOut.slots(first) : 0;
        for (int k = 0; k < lambdas.size(); k++) {
            LiftedLambda l = lambdas.get(k);
            Type arg = single(l).type();
            if (!arg.equals(element)) {
                throw new OclUnsupportedException("stage " + (k + 1) + " takes " + arg.show() + " but gets " + element.show());
            }
            TranslatedLambda t = LambdaTranslator.translate(l, stageName(k) + (k + 1));
            stages.add(t);
            ctx.addAll(t.context());
            if (fan && k == 0) {
                element = FanOut.element(first);
            } else if (filters.get(k)) {
                if (!l.main().result().equals(Type.BOOLEAN)) {
                    throw new OclUnsupportedException("filter at " + l.source() + " returns " + l.main().result().show());
                }
            } else {
                element = l.main().result();
            }
        }
        values = storage(OclTypes.leaves(element, "out"));
    }

    /**
     * @param fragmentId names the kernels and the header
     * @param lambdas    the stage lambdas, each of one argument
     * @param filters    for each stage, whether it is a filter
     * @param reduce     the reduction, or {@code null} to collect columns
     * @return the program
     * @throws OclUnsupportedException with the reason when some part cannot run on OpenCL
     */
    public static PipelineProgram write(String fragmentId, List<LiftedLambda> lambdas, List<Boolean> filters,
                                        ReduceOp reduce) {
        return write(fragmentId, lambdas, filters, reduce, false);
    }

    /**
     * @param fragmentId names the kernels and the header
     * @param lambdas    the stage lambdas, each of one argument
     * @param filters    for each stage, whether it is a filter
     * @param reduce     the reduction, or {@code null} to collect columns
     * @param fan        whether the first lambda is a lifted flatMap function returning a {@link FanOut}
     * @return the program
     * @throws OclUnsupportedException with the reason when some part cannot run on OpenCL
     */
    public static PipelineProgram write(String fragmentId, List<LiftedLambda> lambdas, List<Boolean> filters,
                                        ReduceOp reduce, boolean fan) {
        return new KernelSourceWriter(fragmentId, lambdas, filters, fan).program(reduce);
    }

    private String stageName(int k) {
        return fanSlots > 0 && k == 0 ? "flatMap" : filters.get(k) ? "filter" : "map";
    }

    private PipelineProgram program(ReduceOp reduce) {
        PipelineProgram.Mode mode = reduce != null ? PipelineProgram.Mode.REDUCE
                : filters.contains(true) || fanSlots > 0 ? PipelineProgram.Mode.COMPACT : PipelineProgram.Mode.MAP;
        PrimKind reduceKind = null;
        if (reduce != null) {
            reduceKind = reduce == ReduceOp.COUNT ? PrimKind.INT : reducible(reduce);
        }
        SourceWriter kernels = new SourceWriter();
        switch (mode) {
            case MAP -> mapKernel(kernels);
            case COMPACT -> {
                flagsKernel(kernels);
                scatterKernel(kernels);
                kernels.raw(ScanKernels.SOURCE);
            }
            case REDUCE -> reduceKernel(kernels, reduce, reduceKind);
        }
        SourceWriter w = new SourceWriter();
        w.line("// Pappus generated OpenCL C. Do not edit.");
        w.line("// fragment: " + id);
        w.line("// plan: " + plan(reduce));
        w.line("// backend: opencl");
        w.line("#pragma OPENCL FP_CONTRACT OFF");
        if (ctx.fp64()) {
            w.line("#pragma OPENCL EXTENSION cl_khr_fp64 : enable");
        }
        w.line("");
        for (OclHelper h : ctx.helpers()) {
            w.raw(h.code()).line("");
        }
        for (TranslatedLambda t : stages) {
            w.line("// " + t.mainName() + ": " + t.lambda().source());
            w.raw(t.functions());
        }
        w.raw(kernels.toString());
        return new PipelineProgram(id, w.toString(), mode, inputs, List.copyOf(stages), values, reduceKind, ctx.fp64(),
                fanSlots);
    }

    private String plan(ReduceOp reduce) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            parts.add(stageName(k) + "(" + stages.get(k).lambda().source() + ")");
        }
        parts.add(reduce == null ? "collect" : "reduce(" + reduce.name().toLowerCase(java.util.Locale.ROOT) + ")");
        return String.join(" -> ", parts);
    }

    private PrimKind reducible(ReduceOp op) {
        if (values.size() != 1 || values.get(0).kind() == PrimKind.BOOLEAN || values.get(0).kind() == PrimKind.BYTE) {
            throw new OclUnsupportedException(op + " of " + describe(values) + " elements");
        }
        return values.get(0).kind();
    }

    private static String describe(List<Leaf> leaves) {
        return leaves.size() == 1 ? leaves.get(0).kind().javaName() : leaves.size() + "-field struct";
    }

    private void mapKernel(SourceWriter w) {
        List<String> ps = commonParams();
        for (Leaf l : values) {
            ps.add("__global " + l.cType() + "* " + l.name());
        }
        ps.add("__global int* errors");
        ps.add("int n");
        w.open("__kernel void " + id + "_map(" + String.join(", ", ps) + ") {");
        w.line("int i = get_global_id(0);");
        w.line("if (i >= n) return;");
        element(w, () -> {
            for (int j = 0; j < values.size(); j++) {
                w.line(values.get(j).name() + "[i] = " + store(values.get(j), j) + ";");
            }
        });
        w.close("}");
        w.line("");
    }

    private void flagsKernel(SourceWriter w) {
        List<String> ps = commonParams();
        for (Leaf l : values) {
            ps.add("__global " + l.cType() + "* stage_" + l.name());
        }
        ps.add("__global int* keep_flags");
        ps.add("__global int* errors");
        ps.add("int n");
        w.open("__kernel void " + id + "_flags(" + String.join(", ", ps) + ") {");
        w.line("int i = get_global_id(0);");
        w.line("if (i >= n) return;");
        if (fanSlots > 0) {
            // the element's kept values, compacted within its K staging slots; keep_flags counts them
            w.line("int kept = 0;");
            element(w, () -> {
                w.open("if (keep) {");
                for (int j = 0; j < values.size(); j++) {
                    w.line("stage_" + values.get(j).name() + "[(size_t) i * " + fanSlots + " + kept] = "
                            + store(values.get(j), j) + ";");
                }
                w.line("kept++;");
                w.close("}");
            });
            w.line("keep_flags[i] = kept;");
            w.close("}");
            w.line("");
            return;
        }
        element(w, () -> {
            w.line("keep_flags[i] = keep;");
            w.open("if (keep) {");
            for (int j = 0; j < values.size(); j++) {
                w.line("stage_" + values.get(j).name() + "[i] = " + store(values.get(j), j) + ";");
            }
            w.close("}");
        });
        w.close("}");
        w.line("");
    }

    private void scatterKernel(SourceWriter w) {
        List<String> ps = new ArrayList<>();
        for (Leaf l : values) {
            ps.add("__global const " + l.cType() + "* stage_" + l.name());
        }
        ps.add("__global const int* keep_flags");
        ps.add("__global const int* pos");
        for (Leaf l : values) {
            ps.add("__global " + l.cType() + "* " + l.name());
        }
        ps.add("int n");
        w.open("__kernel void " + id + "_scatter(" + String.join(", ", ps) + ") {");
        w.line("int i = get_global_id(0);");
        if (fanSlots > 0) {
            w.line("if (i >= n) return;");
            w.open("for (int j = 0; j < keep_flags[i]; j++) {");
            for (Leaf l : values) {
                w.line(l.name() + "[pos[i] + j] = stage_" + l.name() + "[(size_t) i * " + fanSlots + " + j];");
            }
            w.close("}");
            w.close("}");
            w.line("");
            return;
        }
        w.line("if (i >= n || !keep_flags[i]) return;");
        for (Leaf l : values) {
            w.line(l.name() + "[pos[i]] = stage_" + l.name() + "[i];");
        }
        w.close("}");
        w.line("");
    }

    private void reduceKernel(SourceWriter w, ReduceOp op, PrimKind kind) {
        String v = ctx.type(kind);
        w.open(v + " " + id + "_combine(" + v + " a, " + v + " b) {");
        w.line("return " + combine(op, kind) + ";");
        w.close("}");
        w.line("");
        List<String> ps = commonParams();
        ps.add("__global " + v + "* partials");
        ps.add("__global int* partial_counts");
        ps.add("__local " + v + "* scratch");
        ps.add("__local int* scratch_counts");
        ps.add(v + " identity");
        ps.add("__global int* errors");
        ps.add("int n");
        w.open("__kernel void " + id + "_reduce(" + String.join(", ", ps) + ") {");
        w.line(v + " acc = identity;");
        w.line("int count = 0;");
        w.open("for (int i = get_global_id(0); i < n; i += get_global_size(0)) {");
        element(w, () -> {
            w.open("if (keep) {");
            if (op != ReduceOp.COUNT) {
                w.line("acc = " + id + "_combine(acc, " + valueLeaf(0) + ");");
            }
            w.line("count++;");
            w.close("}");
        });
        w.close("}");
        w.line("int lid = get_local_id(0);");
        w.line("scratch[lid] = acc;");
        w.line("scratch_counts[lid] = count;");
        w.line("barrier(CLK_LOCAL_MEM_FENCE);");
        w.open("for (int s = get_local_size(0) / 2; s > 0; s >>= 1) {");
        w.open("if (lid < s) {");
        w.line("scratch[lid] = " + id + "_combine(scratch[lid], scratch[lid + s]);");
        w.line("scratch_counts[lid] += scratch_counts[lid + s];");
        w.close("}");
        w.line("barrier(CLK_LOCAL_MEM_FENCE);");
        w.close("}");
        w.open("if (lid == 0) {");
        w.line("partials[get_group_id(0)] = scratch[0];");
        w.line("partial_counts[get_group_id(0)] = scratch_counts[0];");
        w.close("}");
        w.close("}");
        w.line("");
    }

    private String combine(ReduceOp op, PrimKind kind) {
        boolean dbl = kind == PrimKind.DOUBLE;
        boolean flt = kind == PrimKind.FLOAT;
        return switch (op) {
            case SUM -> kind == PrimKind.INT ? "as_int(as_uint(a) + as_uint(b))"
                    : kind == PrimKind.LONG ? "as_long(as_ulong(a) + as_ulong(b))" : "a + b";
            case MIN -> dbl ? ctx.use(OclHelper.MIN_D) + "(a, b)" : flt ? ctx.use(OclHelper.MIN_F) + "(a, b)" : "min(a, b)";
            case MAX -> dbl ? ctx.use(OclHelper.MAX_D) + "(a, b)" : flt ? ctx.use(OclHelper.MAX_F) + "(a, b)" : "max(a, b)";
            case COUNT -> "a";
        };
    }

    /** Parameters shared by the element kernels: input columns, then every stage's captures. */
    private List<String> commonParams() {
        List<String> ps = new ArrayList<>();
        for (Leaf l : inputs) {
            ps.add("__global const " + l.cType() + "* " + l.name());
        }
        for (int k = 0; k < stages.size(); k++) {
            for (List<Leaf> cap : stages.get(k).captureLeaves()) {
                for (Leaf l : cap) {
                    ps.add((l.array() ? l.cType() : ctx.type(l.kind())) + " " + captureName(k, l));
                }
            }
        }
        return ps;
    }

    private static String captureName(int stage, Leaf l) {
        return "c" + (stage + 1) + "_" + l.name().substring(2);
    }

    /**
     * Runs every stage on element {@code i}, then {@code each} with {@code keep} and the value
     * leaves set: once, or with a fan once per slot {@code j < n}, in list order.
     */
    private void element(SourceWriter w, Runnable each) {
        w.line("int err = 0;");
        if (fanSlots == 0) {
            w.line("int keep = 0;");
        }
        List<Leaf> current = OclTypes.leaves(single(stages.get(0).lambda()).type(), "s0");
        for (int j = 0; j < current.size(); j++) {
            w.line(ctx.type(current.get(j).kind()) + " " + current.get(j).name() + " = " + inputs.get(j).name() + "[i];");
        }
        if (fanSlots == 0) {
            stages(w, 0, current);
            each.run();
            return;
        }
        TranslatedLambda fan = stages.get(0);
        List<Leaf> fanLeaves = OclTypes.leaves(fan.result(), "s1");
        List<String> outs = new ArrayList<>();
        for (Leaf l : fanLeaves) {
            w.line(ctx.type(l.kind()) + " " + l.name() + " = " + OclLiterals.zero(l.kind()) + ";");
            outs.add("&" + l.name());
        }
        w.line(call(0, current) + ", " + String.join(", ", outs) + ");");
        w.open("if (err != 0) {");
        w.line("atomic_min(&errors[err - 1], i);");
        w.close("}");
        List<Leaf> slot = OclTypes.leaves(FanOut.element(fan.result()), "e");
        for (int l = 0; l < slot.size(); l++) {
            List<String> vs = new ArrayList<>();
            for (int j = 0; j < fanSlots; j++) {
                vs.add(fanLeaves.get(1 + j * slot.size() + l).name());
            }
            w.line(ctx.type(slot.get(l).kind()) + " " + slot.get(l).name() + "_slots[" + fanSlots + "] = {"
                    + String.join(", ", vs) + "};");
        }
        String n = fanLeaves.get(0).name();
        w.open("for (int j = 0; err == 0 && j < " + n + " && j < " + fanSlots + "; j++) {");
        w.line("int keep = 0;");
        for (Leaf l : slot) {
            w.line(ctx.type(l.kind()) + " " + l.name() + " = " + l.name() + "_slots[j];");
        }
        stages(w, 1, slot);
        each.run();
        w.close("}");
    }

    /** Runs stages {@code from..} on the value in {@code current}; sets {@code keep}, records a failure. */
    private void stages(SourceWriter w, int from, List<Leaf> current) {
        List<Leaf> result = current;
        for (int k = from; k < stages.size(); k++) {
            TranslatedLambda t = stages.get(k);
            if (!filters.get(k) && !(t.result() instanceof Type.Prim)) {
                List<Leaf> out = OclTypes.leaves(t.result(), "s" + (k + 1));
                for (Leaf l : out) {
                    w.line(ctx.type(l.kind()) + " " + l.name() + " = " + OclLiterals.zero(l.kind()) + ";");
                }
            } else if (!filters.get(k)) {
                PrimKind pk = ((Type.Prim) t.result()).kind();
                w.line(ctx.type(pk) + " s" + (k + 1) + " = " + OclLiterals.zero(pk) + ";");
            }
        }
        w.open("do {");
        for (int k = from; k < stages.size(); k++) {
            TranslatedLambda t = stages.get(k);
            String call = call(k, result);
            if (filters.get(k)) {
                w.line("if (!" + call + ") || err != 0) break;");
                continue;
            }
            if (t.result() instanceof Type.Prim) {
                w.line("s" + (k + 1) + " = " + call + ");");
                result = OclTypes.leaves(t.result(), "s" + (k + 1));
            } else {
                result = OclTypes.leaves(t.result(), "s" + (k + 1));
                List<String> outs = new ArrayList<>();
                result.forEach(l -> outs.add("&" + l.name()));
                w.line(call + ", " + String.join(", ", outs) + ");");
            }
            w.line("if (err != 0) break;");
        }
        w.line("keep = 1;");
        w.close("} while (0);");
        w.open("if (err != 0) {");
        w.line("atomic_min(&errors[err - 1], i);");
        w.line("keep = 0;");
        w.close("}");
        finalLeaves = result;
    }

    /** @return stage {@code k}'s call on {@code arg}, without its closing parenthesis (out-pointers may follow) */
    private String call(int k, List<Leaf> arg) {
        TranslatedLambda t = stages.get(k);
        List<String> args = new ArrayList<>();
        args.add("&err");
        for (List<Leaf> cap : t.captureLeaves()) {
            for (Leaf l : cap) {
                args.add(captureName(k, l));
            }
        }
        arg.forEach(l -> args.add(l.name()));
        return t.mainName() + "(" + String.join(", ", args);
    }

    private List<Leaf> finalLeaves;

    private String valueLeaf(int j) {
        return finalLeaves.get(j).name();
    }

    private String store(Leaf column, int j) {
        String v = valueLeaf(j);
        return switch (column.kind()) {
            case BOOLEAN, BYTE, SHORT, CHAR -> "(" + column.cType() + ") " + v;
            default -> v;
        };
    }

    private static List<Leaf> storage(List<Leaf> leaves) {
        return OclTypes.storage(leaves, "elements holding arrays");
    }

    private static Var single(LiftedLambda l) {
        if (l.args().size() != 1) {
            throw new OclUnsupportedException("lambda at " + l.source() + " takes " + l.args().size() + " arguments, not 1");
        }
        return l.args().get(0);
    }
}
