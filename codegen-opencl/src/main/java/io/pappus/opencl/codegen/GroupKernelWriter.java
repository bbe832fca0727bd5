package io.pappus.opencl.codegen;

import io.pappus.ir.LiftedLambda;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the segmented fold of a device {@code groupBy(key).reduce(op)}: after the stable sort
 * each group is a run of its elements in input order, and one work-item folds one run left to
 * right with the recognised operation (+ wrapping as Java's, or Java's {@code Math.min/max}),
 * so every group's value is exactly the reference's, floating point included.
 *
 * <pre>{@code
 * String src = GroupKernelWriter.fold(PrimKind.DOUBLE, ReduceOp.SUM);  // kernel pappus_seg_fold
 * }</pre>
 */
public final class GroupKernelWriter {
    private GroupKernelWriter() {
    }

    /**
     * @param kind the element kind (int, long, float or double)
     * @param op   SUM, MIN or MAX
     * @return the program: kernel {@code pappus_seg_fold(values, starts, out, segments)}
     */
    public static String fold(PrimKind kind, ReduceOp op) {
        String t = switch (kind) {
            case INT -> "int";
            case LONG -> "long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            default -> throw new OclUnsupportedException("group reduce over " + kind.javaName());
        };
        OclHelper helper = null;
        String combine = switch (op) {
            case SUM -> kind == PrimKind.INT ? "as_int(as_uint(a) + as_uint(b))"
                    : kind == PrimKind.LONG ? "as_long(as_ulong(a) + as_ulong(b))" : "a + b";
            case MIN -> {
                helper = kind == PrimKind.DOUBLE ? OclHelper.MIN_D : kind == PrimKind.FLOAT ? OclHelper.MIN_F : null;
                yield helper == null ? "min(a, b)" : kind == PrimKind.DOUBLE ? "pappus_min_d(a, b)" : "pappus_min_f(a, b)";
            }
            case MAX -> {
                helper = kind == PrimKind.DOUBLE ? OclHelper.MAX_D : kind == PrimKind.FLOAT ? OclHelper.MAX_F : null;
                yield helper == null ? "max(a, b)" : kind == PrimKind.DOUBLE ? "pappus_max_d(a, b)" : "pappus_max_f(a, b)";
            }
            case COUNT -> throw new OclUnsupportedException("count is not a fold");
        };
        SourceWriter w = new SourceWriter();
        w.line("// Pappus generated OpenCL C. Do not edit.");
        w.line("// plan: groupBy(key).reduce(" + op.name().toLowerCase(java.util.Locale.ROOT) + ") over " + t
                + ": one work-item folds one group's run of the stable sort, in input order");
        w.line("// backend: opencl");
        w.line("#pragma OPENCL FP_CONTRACT OFF");
        if (kind == PrimKind.DOUBLE) {
            w.line("#pragma OPENCL EXTENSION cl_khr_fp64 : enable");
        }
        w.line("");
        if (helper != null) {
            w.raw(helper.code()).line("");
        }
        w.open(t + " pappus_combine(" + t + " a, " + t + " b) {");
        w.line("return " + combine + ";");
        w.close("}");
        w.line("");
        w.open("__kernel void pappus_seg_fold(__global const " + t + "* values, __global const int* starts, __global "
                + t + "* out, int segments) {");
        w.line("int g = get_global_id(0);");
        w.line("if (g >= segments) return;");
        w.line("int end = starts[g + 1];");
        w.line(t + " acc = values[starts[g]];");
        w.line("for (int j = starts[g] + 1; j < end; j++) acc = pappus_combine(acc, values[j]);");
        w.line("out[g] = acc;");
        w.close("}");
        return w.toString();
    }

    /**
     * A group fold with the user's own lambda, translated: {@code aggregate(seed, accumulate, ...)}
     * starts each group at the seed, {@code reduce(op)} at the group's first element; either way
     * one work-item applies the lambda to its group's elements in input order, as the reference does.
     * A record accumulator (nested records included) lives as one scalar per primitive leaf and
     * leaves the kernel as one column per leaf (struct of arrays); the lambda's {@code new Sums(...)}
     * is translated leaf by leaf.
     *
     * <pre>{@code
     * GroupKernelWriter.Accumulate a = GroupKernelWriter.accumulate(sumsLambda, false);
     * // a.accumulators() == [DOUBLE, ..., LONG]: one output column per field of Sums
     * }</pre>
     *
     * @param fold        the accumulate (or reduce) lambda: (accumulator, element) -> accumulator
     * @param fromFirst   whether the fold starts from the first element (reduce) instead of the seed
     * @return kernel {@code pappus_seg_accumulate(element leaves, starts, accumulator leaf outs,
     *         seed leaves, errors, segments)} and its element and accumulator leaves
     * @throws OclUnsupportedException when the lambda or its types cannot run on OpenCL
     */
    public static Accumulate accumulate(LiftedLambda fold, boolean fromFirst) {
        if (fold.args().size() != 2 || fold.captureCount() != 0) {
            throw new OclUnsupportedException("group fold lambda at " + fold.source() + " captures values");
        }
        Type acc = fold.args().get(0).type();
        if (!fold.main().result().equals(acc)) {
            throw new OclUnsupportedException("group fold at " + fold.source() + " returns " + fold.main().result().show()
                    + " for an accumulator of " + acc.show());
        }
        List<Leaf> accs = accumulatorLeaves(acc);
        UnitContext ctx = new UnitContext();
        TranslatedLambda t = LambdaTranslator.translate(fold, "fold");
        ctx.addAll(t.context());
        List<Leaf> elems = new ArrayList<>();
        for (Leaf l : OclTypes.leaves(fold.args().get(1).type(), "elem")) {
            if (l.array()) {
                throw new OclUnsupportedException("group elements holding arrays");
            }
            elems.add(new Leaf(l.name(), OclTypes.storageType(l.kind()), l.kind(), false));
        }
        boolean scalar = acc instanceof Type.Prim;
        List<String> ps = new ArrayList<>();
        elems.forEach(l -> ps.add("__global const " + l.cType() + "* " + l.name()));
        ps.add("__global const int* starts");
        for (int i = 0; i < accs.size(); i++) {
            ps.add("__global " + accs.get(i).cType() + "* " + out(i, scalar));
        }
        for (int i = 0; i < accs.size(); i++) {
            ps.add(ctx.type(accs.get(i).kind()) + " " + (scalar ? "seed" : "seed" + i));
        }
        ps.addAll(List.of("__global int* errors", "int segments"));
        SourceWriter k = new SourceWriter();
        k.open("__kernel void pappus_seg_accumulate(" + String.join(", ", ps) + ") {");
        k.line("int g = get_global_id(0);");
        k.line("if (g >= segments) return;");
        k.line("int err = 0;");
        k.line("int end = starts[g + 1];");
        for (int i = 0; i < accs.size(); i++) {
            // reduce: the accumulator has the element's type, leaf for leaf
            k.line(ctx.type(accs.get(i).kind()) + " " + accName(i, scalar) + " = "
                    + (fromFirst ? elems.get(i).name() + "[starts[g]]" : scalar ? "seed" : "seed" + i) + ";");
        }
        k.open("for (int j = starts[g]" + (fromFirst ? " + 1" : "") + "; j < end; j++) {");
        List<String> args = new ArrayList<>(List.of("&err"));
        for (int i = 0; i < accs.size(); i++) {
            args.add(accName(i, scalar));
        }
        for (int j = 0; j < elems.size(); j++) {
            k.line(ctx.type(elems.get(j).kind()) + " x" + j + " = " + elems.get(j).name() + "[j];");
            args.add("x" + j);
        }
        if (scalar) {
            k.line("acc = " + t.mainName() + "(" + String.join(", ", args) + ");");
        } else {
            for (int i = 0; i < accs.size(); i++) {
                k.line(ctx.type(accs.get(i).kind()) + " next" + i + ";");
                args.add("&next" + i);
            }
            k.line(t.mainName() + "(" + String.join(", ", args) + ");");
            for (int i = 0; i < accs.size(); i++) {
                k.line("acc" + i + " = next" + i + ";");
            }
        }
        k.open("if (err != 0) {");
        k.line("atomic_min(&errors[err - 1], j);");
        k.line("return;");
        k.close("}");
        k.close("}");
        for (int i = 0; i < accs.size(); i++) {
            k.line(out(i, scalar) + "[g] = " + store(accs.get(i), accName(i, scalar)) + ";");
        }
        k.close("}");
        SourceWriter w = new SourceWriter();
        w.line("// Pappus generated OpenCL C. Do not edit.");
        w.line("// plan: groupBy(key)." + (fromFirst ? "reduce" : "aggregate") + "(" + fold.source()
                + "): one work-item folds one group's run of the stable sort, in input order"
                + (scalar ? "" : "; accumulator " + acc.show() + " as one column per field"));
        w.line("// backend: opencl");
        w.line("#pragma OPENCL FP_CONTRACT OFF");
        if (ctx.fp64()) {
            w.line("#pragma OPENCL EXTENSION cl_khr_fp64 : enable");
        }
        w.line("");
        for (OclHelper h : ctx.helpers()) {
            w.raw(h.code()).line("");
        }
        w.line("// " + t.mainName() + ": " + fold.source());
        w.raw(t.functions());
        w.raw(k.toString());
        List<PrimKind> kinds = new ArrayList<>();
        accs.forEach(l -> kinds.add(l.kind()));
        return new Accumulate(w.toString(), elems, kinds, ctx.fp64());
    }

    /** The accumulator's leaves with their column storage types; a scalar accumulator is int, long, float or double. */
    private static List<Leaf> accumulatorLeaves(Type acc) {
        if (acc instanceof Type.Prim p && !List.of(PrimKind.INT, PrimKind.LONG, PrimKind.FLOAT, PrimKind.DOUBLE)
                .contains(p.kind())) {
            throw new OclUnsupportedException("group fold accumulator " + acc.show() + " (int, long, float, double,"
                    + " or a record of primitives)");
        }
        if (!(acc instanceof Type.Prim) && !(acc instanceof Type.Struct)) {
            throw new OclUnsupportedException("group fold accumulator " + acc.show() + " (int, long, float, double,"
                    + " or a record of primitives)");
        }
        List<Leaf> out = new ArrayList<>();
        for (Leaf l : OclTypes.leaves(acc, "acc")) {
            if (l.array()) {
                throw new OclUnsupportedException("group fold accumulator " + acc.show() + " holds an array");
            }
            out.add(new Leaf(l.name(), OclTypes.storageType(l.kind()), l.kind(), false));
        }
        return out;
    }

    private static String accName(int i, boolean scalar) {
        return scalar ? "acc" : "acc" + i;
    }

    private static String out(int i, boolean scalar) {
        return scalar ? "out" : "out" + i;
    }

    /** A computed value as its column's storage: booleans as 0/1 bytes, sub-int kinds narrowed (the IR cast already). */
    private static String store(Leaf column, String value) {
        return switch (column.kind()) {
            case BOOLEAN -> "(uchar) (" + value + " != 0)";
            case BYTE, SHORT, CHAR -> "(" + column.cType() + ") " + value;
            default -> value;
        };
    }

    /**
     * A translated group fold.
     *
     * @param source       the program
     * @param elements     the element's columns
     * @param accumulators the accumulator's columns, one per primitive leaf (one for a scalar)
     * @param needsFp64    whether it uses double
     */
    public record Accumulate(String source, List<Leaf> elements, List<PrimKind> accumulators, boolean needsFp64) {
    }
}
