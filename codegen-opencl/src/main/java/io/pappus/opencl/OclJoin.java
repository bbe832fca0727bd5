package io.pappus.opencl;

import io.pappus.ir.LiftedLambda;
import io.pappus.ir.PrimKind;
import io.pappus.opencl.codegen.JoinKernelWriter;
import io.pappus.opencl.codegen.Leaf;
import io.pappus.opencl.codegen.PipelineProgram;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclKernel;

import java.util.ArrayList;
import java.util.List;

/**
 * An inner equi-join on the device, sort-merge style: the right keys are radix-sorted (stable),
 * each left key finds its run of equal right keys by binary search, a prefix sum of the run
 * lengths places every left element's matches, and the result lambda runs once per matched
 * pair. Pairs come out left-major with right matches in right input order: the reference's
 * order. Keys match when their boxed values are {@code equals} (NaN matches NaN, -0.0 does not
 * match 0.0), which is equality of the sort's key bits.
 *
 * Inputs are device buffers and the result stays on the device ({@link ResidentColumns}).
 *
 * <pre>{@code
 * ResidentColumns r = OclJoin.on(device).join(left.buffers(), leftKey, n, right.buffers(), rightKey, m,
 *         PrimKind.INT, resultLambda);
 * }</pre>
 */
public final class OclJoin {
    private final OclSort sort;

    private OclJoin(OclSort sort) {
        this.sort = sort;
    }

    /**
     * @param device the device
     * @return joins on it
     */
    public static OclJoin on(DeviceInfo device) {
        return new OclJoin(OclSort.on(device));
    }

    /**
     * @param left      the left element's columns on the device
     * @param leftKey   the left key column
     * @param n         left elements
     * @param right     the right element's columns
     * @param rightKey  the right key column
     * @param m         right elements
     * @param keyKind   the keys' kind (int, long, float or double)
     * @param result    the result lambda (two arguments, no captures)
     * @return the result's columns, one element per matched pair, on the device
     */
    public ResidentColumns join(List<OclBuffer> left, OclBuffer leftKey, int n, List<OclBuffer> right,
                                OclBuffer rightKey, int m, PrimKind keyKind, LiftedLambda result) {
        JoinKernelWriter.Program p = JoinKernelWriter.write(result);
        try (Buffers b = new Buffers(sort.session())) {
            OclSort.Sorted r = sort.sort(b, sort.bits(b, rightKey, keyKind, false, m), m, OclSort.keyBits(keyKind));
            OclBuffer lk = sort.bits(b, leftKey, keyKind, false, n);
            OclBuffer lo = b.track(sort.session().buffer(OclBuffer.ElementType.INT, n));
            OclBuffer count = b.track(sort.session().buffer(OclBuffer.ElementType.INT, n));
            launch(sort.program().kernel("pappus_join_range").arg(0, r.keys()).arg(1, m).arg(2, lk).arg(3, lo)
                    .arg(4, count).arg(5, n), n);
            OclBuffer offsets = b.track(sort.session().buffer(OclBuffer.ElementType.INT, n));
            new OclScan(sort.session(), sort.program(), sort.groupSize()).exclusive(count, offsets, n);
            int t = n == 0 ? 0 : OclScan.total(offsets, count, n, "join");
            OclBuffer li = b.track(sort.session().buffer(OclBuffer.ElementType.INT, t));
            OclBuffer ri = b.track(sort.session().buffer(OclBuffer.ElementType.INT, t));
            launch(sort.program().kernel("pappus_join_pairs").arg(0, lo).arg(1, count).arg(2, offsets).arg(3, r.perm())
                    .arg(4, li).arg(5, ri).arg(6, n), n);
            return emit(b, p, li, ri, left, right, t);
        }
    }

    /**
     * {@code zip}: the result lambda over elements paired by position, up to the shorter input.
     *
     * @param left   the left element's columns on the device
     * @param right  the right element's columns
     * @param n      the shorter input's length
     * @param result the zip lambda (two arguments, no captures)
     * @return the result's columns, on the device
     */
    public ResidentColumns zip(List<OclBuffer> left, List<OclBuffer> right, int n, LiftedLambda result) {
        JoinKernelWriter.Program p = JoinKernelWriter.write(result);
        try (Buffers b = new Buffers(sort.session())) {
            OclBuffer idx = b.track(sort.session().buffer(OclBuffer.ElementType.INT, n));
            launch(sort.program().kernel("pappus_iota").arg(0, idx).arg(1, n), n);
            return emit(b, p, idx, idx, left, right, n);
        }
    }

    private ResidentColumns emit(Buffers b, JoinKernelWriter.Program p, OclBuffer li, OclBuffer ri, List<OclBuffer> left,
                                 List<OclBuffer> right, int t) {
        OclKernel k = sort.session().program(p.source(), PipelineProgram.BUILD_OPTIONS).kernel("pappus_join_emit");
        int a = 0;
        k.arg(a++, li).arg(a++, ri);
        for (int j = 0; j < p.left().size(); j++) {
            k.arg(a++, left.get(j));
        }
        for (int j = 0; j < p.right().size(); j++) {
            k.arg(a++, right.get(j));
        }
        List<OclBuffer> outs = new ArrayList<>();
        List<PrimKind> kinds = new ArrayList<>();
        for (Leaf l : p.output()) {
            OclBuffer o = b.alloc(l.kind(), t);
            outs.add(o);
            kinds.add(l.kind());
            k.arg(a++, o);
        }
        OclBuffer errors = b.upload(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE});
        k.arg(a++, errors).arg(a, t);
        launch(k, t);
        int[] slots = new int[2];
        errors.read(0, slots, 0, 2);
        if (slots[0] != Integer.MAX_VALUE) {
            throw new ArithmeticException("/ by zero");  // the engine reruns on the reference for Java's exact failure
        } else if (slots[1] != Integer.MAX_VALUE) {
            throw new ArrayIndexOutOfBoundsException("array index out of range in the join result lambda");
        }
        outs.forEach(b::keep);
        return new ResidentColumns(outs, kinds, t);
    }

    private void launch(OclKernel k, int n) {
        sort.session().launchOver(k, n, sort.groupSize());
    }
}
