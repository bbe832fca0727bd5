package io.pappus.opencl.codegen;

import io.pappus.ir.PrimKind;

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
}
