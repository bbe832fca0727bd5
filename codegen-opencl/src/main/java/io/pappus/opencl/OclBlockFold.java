package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclKernel;
import io.pappus.opencl.runtime.OclProgram;
import io.pappus.opencl.runtime.OclSession;

import java.util.List;

/**
 * The two-level group fold, parallel within large groups: each group's run of the stable sort
 * is cut into blocks of {@link #BLOCK} elements counted from its first element; one work-item
 * folds one block in input order into a partial, then one work-item per group combines its
 * partials in block order (the reduce op, or the aggregate's combine lambda). A group of one
 * block is the in-order fold bit for bit; a larger one is reassociated at block boundaries,
 * exact for integers (wrapping +, min and max associate), within rounding of a reordered sum
 * for floating point. When every group fits in one block the partials are the result and the
 * combine does not run. Kernels come from {@code GroupKernelWriter}.
 *
 * <pre>{@code
 * OclBlockFold.fold(sort, b, program, segments, sortedValues, PrimKind.DOUBLE, out);
 * }</pre>
 */
final class OclBlockFold {
    /** Elements per block: enough work to amortise a work-item, small enough that Q1's few groups fill a device. */
    static final int BLOCK = 1024;

    private OclBlockFold() {
    }

    /** Blocks numbered group by group: {@code starts[g]} is group g's first block. */
    private record Blocks(OclBuffer starts, int count) {
    }

    private static Blocks blocks(OclSort sort, Buffers b, OclProgram p, OclSort.Segments s) {
        OclSession session = sort.session();
        int segs = s.count();
        OclBuffer counts = b.track(session.buffer(OclBuffer.ElementType.INT, segs));
        session.launchOver(p.kernel("pappus_block_counts").arg(0, s.starts()).arg(1, counts).arg(2, segs)
                .arg(3, BLOCK), segs, sort.groupSize());
        OclBuffer starts = b.track(session.buffer(OclBuffer.ElementType.INT, segs));
        new OclScan(session, sort.program(), sort.groupSize()).exclusive(counts, starts, segs);
        return new Blocks(starts, OclScan.total(starts, counts, segs, "group fold blocks"));
    }

    /**
     * {@code groupBy(key).reduce(op)} with a recognised op: kernels {@code pappus_block_fold} and
     * {@code pappus_block_combine} of {@code GroupKernelWriter.fold}.
     *
     * @param sorted the values in sorted order
     * @param out    one value per segment
     */
    static void fold(OclSort sort, Buffers b, OclProgram p, OclSort.Segments s, OclBuffer sorted, PrimKind kind,
                     OclBuffer out) {
        Blocks bl = blocks(sort, b, p, s);
        boolean oneEach = bl.count() == s.count();
        OclBuffer partials = oneEach ? out : b.alloc(kind, bl.count());
        sort.session().launchOver(p.kernel("pappus_block_fold").arg(0, sorted).arg(1, s.starts()).arg(2, bl.starts())
                .arg(3, partials).arg(4, s.count()).arg(5, bl.count()).arg(6, BLOCK), bl.count(), sort.groupSize());
        if (!oneEach) {
            sort.session().launchOver(p.kernel("pappus_block_combine").arg(0, partials).arg(1, bl.starts())
                    .arg(2, out).arg(3, s.count()).arg(4, bl.count()), s.count(), sort.groupSize());
        }
    }

    /**
     * A translated user fold: kernels {@code pappus_block_accumulate} and {@code pappus_block_combine}
     * of {@code GroupKernelWriter.accumulate}.
     *
     * @param elements the element's leaf columns in sorted order
     * @param accs     the accumulator's leaf kinds
     * @param outs     one column per leaf, one value per segment
     * @param seeds    the seed's leaves (unused values when the fold starts from the first element)
     * @param errors   the error slots the kernels record failures in
     */
    static void accumulate(OclSort sort, Buffers b, OclProgram p, OclSort.Segments s, List<OclBuffer> elements,
                           List<PrimKind> accs, List<OclBuffer> outs, List<Object> seeds, OclBuffer errors) {
        Blocks bl = blocks(sort, b, p, s);
        boolean oneEach = bl.count() == s.count();
        List<OclBuffer> partials = oneEach ? outs : accs.stream().map(k -> b.alloc(k, bl.count())).toList();
        OclKernel k = p.kernel("pappus_block_accumulate");
        int a = 0;
        for (OclBuffer e : elements) {
            k.arg(a++, e);
        }
        k.arg(a++, s.starts()).arg(a++, bl.starts());
        for (OclBuffer part : partials) {
            k.arg(a++, part);
        }
        for (int j = 0; j < accs.size(); j++) {
            KernelArgs.scalar(k, a++, seeds.get(j), accs.get(j));
        }
        k.arg(a++, errors).arg(a++, s.count()).arg(a++, bl.count()).arg(a, BLOCK);
        sort.session().launchOver(k, bl.count(), sort.groupSize());
        if (oneEach) {
            return;
        }
        OclKernel c = p.kernel("pappus_block_combine");
        a = 0;
        for (OclBuffer part : partials) {
            c.arg(a++, part);
        }
        c.arg(a++, bl.starts());
        for (OclBuffer out : outs) {
            c.arg(a++, out);
        }
        c.arg(a++, errors).arg(a++, s.count()).arg(a, bl.count());
        sort.session().launchOver(c, s.count(), sort.groupSize());
    }
}
