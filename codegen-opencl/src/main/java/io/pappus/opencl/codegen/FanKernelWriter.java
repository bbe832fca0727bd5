package io.pappus.opencl.codegen;

import io.pappus.ir.PrimKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the expand kernel of a device flatMap. The flatMap function has run as a map stage
 * returning a fan ({@code io.pappus.lift.FanOut}): per input element a count and K slots, each
 * slot's leaves in their own column. After an exclusive prefix sum of the counts, work-item
 * {@code i} copies its first {@code counts[i]} slots to {@code out[offsets[i] + j]}, so the
 * elements come out in input order and, within one input, in list order: the order a Java
 * flatMap gives.
 *
 * <pre>{@code
 * String src = FanKernelWriter.expand(List.of(PrimKind.DOUBLE), 2);  // kernel pappus_fan_expand
 * }</pre>
 */
public final class FanKernelWriter {
    private FanKernelWriter() {
    }

    /**
     * @param leaves the element's leaf kinds, in column order
     * @param slots  K, the most elements one input yields
     * @return the program: kernel {@code pappus_fan_expand(counts, offsets, slot leaves (slot-major),
     *         out leaves, n)}
     */
    public static String expand(List<PrimKind> leaves, int slots) {
        List<String> ps = new ArrayList<>(List.of("__global const int* counts", "__global const int* offsets"));
        for (int j = 0; j < slots; j++) {
            for (int l = 0; l < leaves.size(); l++) {
                ps.add("__global const " + OclTypes.storageType(leaves.get(l)) + "* s" + j + "_" + l);
            }
        }
        for (int l = 0; l < leaves.size(); l++) {
            ps.add("__global " + OclTypes.storageType(leaves.get(l)) + "* out_" + l);
        }
        ps.add("int n");
        SourceWriter w = new SourceWriter();
        w.line("// Pappus generated OpenCL C. Do not edit.");
        w.line("// plan: flatMap expand: " + slots + " slots of " + leaves.size()
                + " column(s) each, placed by the prefix sum of the counts");
        w.line("// backend: opencl");
        boolean fp64 = leaves.contains(PrimKind.DOUBLE);
        if (fp64) {
            w.line("#pragma OPENCL EXTENSION cl_khr_fp64 : enable");
        }
        w.line("");
        w.open("__kernel void pappus_fan_expand(" + String.join(", ", ps) + ") {");
        w.line("int i = get_global_id(0);");
        w.line("if (i >= n) return;");
        w.line("int c = counts[i];");
        w.line("int o = offsets[i];");
        for (int j = 0; j < slots; j++) {
            w.open("if (c > " + j + ") {");
            for (int l = 0; l < leaves.size(); l++) {
                w.line("out_" + l + "[o + " + j + "] = s" + j + "_" + l + "[i];");
            }
            w.close("}");
        }
        w.close("}");
        return w.toString();
    }
}
