package io.pappus.opencl.codegen;

import io.pappus.ir.LiftedLambda;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the segmented folds of a device {@code groupBy(key)}: after the stable sort each group
 * is a run of its elements in input order. One work-item may fold one run left to right
 * ({@code pappus_seg_fold}, {@code pappus_seg_accumulate}), or, two-level, one work-item folds
 * one block of a run ({@link GroupBlockKernels}) and one per group combines the blocks' partials
 * in block order ({@code pappus_block_fold} / {@code pappus_block_accumulate}, then
 * {@code pappus_block_combine}). For {@code reduce(op)} with a recognised op (+ wrapping as
 * Java's, or Java's {@code Math.min/max}) integer results are exact either way; floating point
 * is the reference's bits for a group of one block and otherwise differs only as the sum is
 * reassociated at block boundaries.
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
     * @return the program: kernels {@code pappus_seg_fold(values, starts, out, segments)},
     *         {@code pappus_block_counts(starts, counts, segments, block)},
     *         {@code pappus_block_fold(values, starts, blockStarts, partials, segments, blocks, block)} and
     *         {@code pappus_block_combine(partials, blockStarts, out, segments, blocks)}
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
        foldRange(w, t, "values", "starts[g]", "end", "out[g]");
        w.close("}");
        w.line("");
        GroupBlockKernels.write(w);
        w.open("__kernel void pappus_block_fold(__global const " + t + "* values, __global const int* starts,"
                + " __global const int* blockStarts, __global " + t + "* partials, int segments, int blocks, int block) {");
        GroupBlockKernels.blockRange(w);
        foldRange(w, t, "values", "from", "end", "partials[b]");
        w.close("}");
        w.line("");
        w.open("__kernel void pappus_block_combine(__global const " + t + "* partials, __global const int* blockStarts,"
                + " __global " + t + "* out, int segments, int blocks) {");
        GroupBlockKernels.partialRange(w);
        foldRange(w, t, "partials", "first", "last", "out[g]");
        w.close("}");
        return w.toString();
    }

    /** Writes {@code out = array[from] combined with array[from + 1 .. end - 1]}, left to right. */
    private static void foldRange(SourceWriter w, String t, String array, String from, String end, String out) {
        w.line(t + " acc = " + array + "[" + from + "];");
        w.line("for (int j = " + from + " + 1; j < " + end + "; j++) acc = pappus_combine(acc, " + array + "[j]);");
        w.line(out + " = acc;");
    }

    /**
     * A group fold with the user's own lambda, translated: {@code aggregate(seed, accumulate, combine)}
     * starts each group at the seed, {@code reduce(op)} at the group's first element. Kernel
     * {@code pappus_seg_accumulate} applies the lambda to each group's elements in input order,
     * one work-item per group, as the reference does. With a combine lambda the program also
     * holds the two-level fold: {@code pappus_block_accumulate} folds each block of a group (see
     * {@link GroupBlockKernels}) from the seed (or the block's first element), one work-item per
     * block, and {@code pappus_block_combine} combines each group's block partials in block order
     * with the combine lambda. A group of one block is then the in-order fold, bit for bit; a
     * larger one differs from it only as the combine reassociates (for floating point sums, the
     * rounding of a reordered sum). A record accumulator (nested records included) lives as one
     * scalar per primitive leaf and leaves the kernel as one column per leaf (struct of arrays);
     * the lambdas' {@code new Sums(...)} is translated leaf by leaf.
     *
     * <pre>{@code
     * GroupKernelWriter.Accumulate a = GroupKernelWriter.accumulate(sumsLambda, combineLambda, false);
     * // a.accumulators() == [DOUBLE, ..., LONG]: one output column per field of Sums; a.blocked()
     * }</pre>
     *
     * @param fold      the accumulate (or reduce) lambda: (accumulator, element) -> accumulator
     * @param combine   the combine lambda (accumulator, accumulator) -> accumulator (for reduce, the
     *                  op itself), or null for the one-work-item-per-group fold only
     * @param fromFirst whether the fold starts from the first element (reduce) instead of the seed
     * @return kernels {@code pappus_seg_accumulate(element leaves, starts, accumulator leaf outs,
     *         seed leaves, errors, segments)} and, with a combine, {@code pappus_block_counts},
     *         {@code pappus_block_accumulate(element leaves, starts, blockStarts, partial leaf outs,
     *         seed leaves, errors, segments, blocks, block)} and {@code pappus_block_combine(partial
     *         leaves, blockStarts, accumulator leaf outs, errors, segments, blocks)}
     * @throws OclUnsupportedException when a lambda or its types cannot run on OpenCL
     */
    public static Accumulate accumulate(LiftedLambda fold, LiftedLambda combine, boolean fromFirst) {
        if (fold.args().size() != 2 || fold.captureCount() != 0) {
            throw new OclUnsupportedException("group fold lambda at " + fold.source() + " captures values");
        }
        Type acc = fold.args().get(0).type();
        if (!fold.main().result().equals(acc)) {
            throw new OclUnsupportedException("group fold at " + fold.source() + " returns " + fold.main().result().show()
                    + " for an accumulator of " + acc.show());
        }
        if (combine != null && (combine.args().size() != 2 || combine.captureCount() != 0
                || !combine.args().get(0).type().equals(acc) || !combine.args().get(1).type().equals(acc)
                || !combine.main().result().equals(acc))) {
            throw new OclUnsupportedException("group combine lambda at " + combine.source()
                    + " is not (" + acc.show() + ", " + acc.show() + ") -> " + acc.show() + " without captures");
        }
        List<Leaf> accs = accumulatorLeaves(acc);
        UnitContext ctx = new UnitContext();
        TranslatedLambda t = LambdaTranslator.translate(fold, "fold");
        ctx.addAll(t.context());
        TranslatedLambda c = null;
        if (combine != null) {
            c = combine == fold ? t : LambdaTranslator.translate(combine, "combine");
            ctx.addAll(c.context());
        }
        List<Leaf> elems = OclTypes.storage(OclTypes.leaves(fold.args().get(1).type(), "elem"),
                "group elements holding arrays");
        Shape s = new Shape(accs, elems, acc instanceof Type.Prim, ctx);
        SourceWriter k = new SourceWriter();
        s.foldKernel(k, "pappus_seg_accumulate", List.of(), t.mainName(), fromFirst);
        if (c != null) {
            k.line("");
            GroupBlockKernels.write(k);
            s.foldKernel(k, "pappus_block_accumulate", List.of("__global const int* blockStarts"), t.mainName(),
                    fromFirst);
            k.line("");
            s.combineKernel(k, c.mainName());
        }
        SourceWriter w = new SourceWriter();
        w.line("// Pappus generated OpenCL C. Do not edit.");
        w.line("// plan: groupBy(key)." + (fromFirst ? "reduce" : "aggregate") + "(" + fold.source()
                + (c != null ? "): in-order folds of blocks of a group, combined in block order by " + combine.source()
                : "): one work-item folds one group's run of the stable sort, in input order")
                + (s.scalar ? "" : "; accumulator " + acc.show() + " as one column per field"));
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
        if (c != null && c != t) {
            w.line("// " + c.mainName() + ": " + combine.source());
            w.raw(c.functions());
        }
        w.raw(k.toString());
        List<PrimKind> kinds = new ArrayList<>();
        accs.forEach(l -> kinds.add(l.kind()));
        return new Accumulate(w.toString(), elems, kinds, ctx.fp64(), c != null);
    }

    /** A fold's columns: how its kernels name, declare, read and write them. */
    private record Shape(List<Leaf> accs, List<Leaf> elems, boolean scalar, UnitContext ctx) {
        /**
         * A kernel folding a range of the sorted elements with {@code fn}: one group's run
         * ({@code extra} empty, out indexed by group) or one block (out indexed by block).
         */
        void foldKernel(SourceWriter k, String name, List<String> extra, String fn, boolean fromFirst) {
            boolean block = !extra.isEmpty();
            List<String> ps = new ArrayList<>();
            elems.forEach(l -> ps.add("__global const " + l.cType() + "* " + l.name()));
            ps.add("__global const int* starts");
            ps.addAll(extra);
            for (int i = 0; i < accs.size(); i++) {
                ps.add("__global " + accs.get(i).cType() + "* " + out(i, scalar));
            }
            for (int i = 0; i < accs.size(); i++) {
                ps.add(ctx.type(accs.get(i).kind()) + " " + (scalar ? "seed" : "seed" + i));
            }
            ps.addAll(List.of("__global int* errors", "int segments"));
            if (block) {
                ps.addAll(List.of("int blocks", "int block"));
            }
            k.open("__kernel void " + name + "(" + String.join(", ", ps) + ") {");
            if (block) {
                GroupBlockKernels.blockRange(k);
            } else {
                k.line("int g = get_global_id(0);");
                k.line("if (g >= segments) return;");
                k.line("int from = starts[g];");
                k.line("int end = starts[g + 1];");
            }
            k.line("int err = 0;");
            for (int i = 0; i < accs.size(); i++) {
                // reduce: the accumulator has the element's type, leaf for leaf
                k.line(ctx.type(accs.get(i).kind()) + " " + accName(i, scalar) + " = "
                        + (fromFirst ? elems.get(i).name() + "[from]" : scalar ? "seed" : "seed" + i) + ";");
            }
            k.open("for (int j = from" + (fromFirst ? " + 1" : "") + "; j < end; j++) {");
            step(k, fn, elems, "j");
            k.close("}");
            for (int i = 0; i < accs.size(); i++) {
                k.line(out(i, scalar) + "[" + (block ? "b" : "g") + "] = " + store(accs.get(i), accName(i, scalar)) + ";");
            }
            k.close("}");
        }

        /** Kernel {@code pappus_block_combine}: each group's block partials, combined in block order by {@code fn}. */
        void combineKernel(SourceWriter k, String fn) {
            List<Leaf> parts = new ArrayList<>();
            List<String> ps = new ArrayList<>();
            for (int i = 0; i < accs.size(); i++) {
                Leaf l = accs.get(i);
                parts.add(new Leaf(scalar ? "partials" : "partials" + i, l.cType(), l.kind(), false));
                ps.add("__global const " + l.cType() + "* " + parts.get(i).name());
            }
            ps.add("__global const int* blockStarts");
            for (int i = 0; i < accs.size(); i++) {
                ps.add("__global " + accs.get(i).cType() + "* " + out(i, scalar));
            }
            ps.addAll(List.of("__global int* errors", "int segments", "int blocks"));
            k.open("__kernel void pappus_block_combine(" + String.join(", ", ps) + ") {");
            GroupBlockKernels.partialRange(k);
            k.line("int err = 0;");
            for (int i = 0; i < accs.size(); i++) {
                k.line(ctx.type(accs.get(i).kind()) + " " + accName(i, scalar) + " = " + parts.get(i).name()
                        + "[first];");
            }
            k.open("for (int j = first + 1; j < last; j++) {");
            step(k, fn, parts, "j");
            k.close("}");
            for (int i = 0; i < accs.size(); i++) {
                k.line(out(i, scalar) + "[g] = " + store(accs.get(i), accName(i, scalar)) + ";");
            }
            k.close("}");
        }

        /** One application {@code acc = fn(acc, xs[j])}, leaf by leaf; an error records {@code j} and stops. */
        private void step(SourceWriter k, String fn, List<Leaf> xs, String j) {
            List<String> args = new ArrayList<>(List.of("&err"));
            for (int i = 0; i < accs.size(); i++) {
                args.add(accName(i, scalar));
            }
            for (int x = 0; x < xs.size(); x++) {
                k.line(ctx.type(xs.get(x).kind()) + " x" + x + " = " + xs.get(x).name() + "[" + j + "];");
                args.add("x" + x);
            }
            if (scalar) {
                k.line("acc = " + fn + "(" + String.join(", ", args) + ");");
            } else {
                for (int i = 0; i < accs.size(); i++) {
                    k.line(ctx.type(accs.get(i).kind()) + " next" + i + ";");
                    args.add("&next" + i);
                }
                k.line(fn + "(" + String.join(", ", args) + ");");
                for (int i = 0; i < accs.size(); i++) {
                    k.line("acc" + i + " = next" + i + ";");
                }
            }
            k.open("if (err != 0) {");
            k.line("atomic_min(&errors[err - 1], " + j + ");");
            k.line("return;");
            k.close("}");
        }
    }

    /** The accumulator's leaves with their column storage types; a scalar accumulator is int, long, float or double. */
    private static List<Leaf> accumulatorLeaves(Type acc) {
        boolean scalarOk = acc instanceof Type.Prim p
                && List.of(PrimKind.INT, PrimKind.LONG, PrimKind.FLOAT, PrimKind.DOUBLE).contains(p.kind());
        if (!scalarOk && !(acc instanceof Type.Struct)) {
            throw new OclUnsupportedException("group fold accumulator " + acc.show() + " (int, long, float, double,"
                    + " or a record of primitives)");
        }
        return OclTypes.storage(OclTypes.leaves(acc, "acc"), "group fold accumulator " + acc.show() + " holds an array");
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
     * @param blocked      whether it holds the two-level (block, then combine) kernels
     */
    public record Accumulate(String source, List<Leaf> elements, List<PrimKind> accumulators, boolean needsFp64,
                             boolean blocked) {
    }
}
