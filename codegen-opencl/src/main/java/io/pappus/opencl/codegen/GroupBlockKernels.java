package io.pappus.opencl.codegen;

/**
 * The block layout of a two-level group fold, written into each group fold program: a group's
 * run of the stable sort is cut into blocks of {@code block} elements counted from the group's
 * first element (so a block never spans two groups, and a group that fits in one block is one
 * block), blocks numbered group by group by an exclusive prefix sum of the per-group counts.
 *
 * <pre>{@code
 * SourceWriter w = new SourceWriter();
 * GroupBlockKernels.write(w);  // kernel pappus_block_counts, function pappus_block_group
 * }</pre>
 */
final class GroupBlockKernels {
    private GroupBlockKernels() {
    }

    /** Writes kernel {@code pappus_block_counts(starts, counts, segments, block)} and {@code pappus_block_group}. */
    static void write(SourceWriter w) {
        w.open("__kernel void pappus_block_counts(__global const int* starts, __global int* counts, int segments,"
                + " int block) {");
        w.line("int g = get_global_id(0);");
        w.line("if (g >= segments) return;");
        w.line("int len = starts[g + 1] - starts[g];");
        w.line("counts[g] = len / block + (len % block != 0);");
        w.close("}");
        w.line("");
        w.line("// the group holding block b: the last g with blockStarts[g] <= b (every group has a block)");
        w.open("int pappus_block_group(__global const int* blockStarts, int segments, int b) {");
        w.line("int lo = 0;");
        w.line("int hi = segments - 1;");
        w.open("while (lo < hi) {");
        w.line("int mid = lo + (hi - lo + 1) / 2;");
        w.open("if (blockStarts[mid] <= b) {");
        w.line("lo = mid;");
        w.middle("} else {");
        w.line("hi = mid - 1;");
        w.close("}");
        w.close("}");
        w.line("return lo;");
        w.close("}");
        w.line("");
    }

    /** The block kernel's prologue: its group {@code g} and element range {@code [from, end)}. */
    static void blockRange(SourceWriter k) {
        k.line("int b = get_global_id(0);");
        k.line("if (b >= blocks) return;");
        k.line("int g = pappus_block_group(blockStarts, segments, b);");
        k.line("int from = starts[g] + (b - blockStarts[g]) * block;");
        k.line("int end = starts[g + 1] - from <= block ? starts[g + 1] : from + block;");
    }

    /** The combine kernel's prologue: group {@code g}'s partials are {@code [first, last)}. */
    static void partialRange(SourceWriter k) {
        k.line("int g = get_global_id(0);");
        k.line("if (g >= segments) return;");
        k.line("int first = blockStarts[g];");
        k.line("int last = g + 1 < segments ? blockStarts[g + 1] : blocks;");
    }
}
