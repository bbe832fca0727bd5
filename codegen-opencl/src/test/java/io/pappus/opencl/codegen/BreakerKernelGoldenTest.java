package io.pappus.opencl.codegen;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.Lambdas;
import io.pappus.testing.Golden;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Golden OpenCL for representative device programs beyond map/filter: a fused
 * map-filter-reduce, the radix sort program (key bits, passes, gathers, segments, scan), a
 * record key's packing into sort words, and group-by folds. {@code -Dpappus.golden.update=true}
 * rewrites them; review the diff.
 */
class BreakerKernelGoldenTest {
    @Test
    void mapFilterReduce() {
        Golden.assertMatches("opencl/map_square_filter_above_quarter_sum.cl", KernelSourceWriter.write(
                "map_square_filter_above_quarter_sum", List.of(Lambdas.square(), Lambdas.aboveQuarter()),
                List.of(false, true), ReduceOp.SUM).source());
    }

    @Test
    void radixSortProgram() {
        Golden.assertMatches("opencl/radix_sort.cl", SortKernels.source());
    }

    @Test
    void recordKeyPacking() {
        Golden.assertMatches("opencl/key_pack_char_char_double.cl",
                KeyPackWriter.write(List.of(PrimKind.CHAR, PrimKind.CHAR, PrimKind.DOUBLE), false).source());
    }

    @Test
    void groupByFolds() {
        Golden.assertMatches("opencl/group_fold_double_sum.cl", GroupKernelWriter.fold(PrimKind.DOUBLE, ReduceOp.SUM));
        Golden.assertMatches("opencl/group_fold_float_min.cl", GroupKernelWriter.fold(PrimKind.FLOAT, ReduceOp.MIN));
        Golden.assertMatches("opencl/group_fold_long_max.cl", GroupKernelWriter.fold(PrimKind.LONG, ReduceOp.MAX));
    }
}
