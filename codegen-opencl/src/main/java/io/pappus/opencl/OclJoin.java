package io.pappus.opencl;

import io.pappus.ir.LiftedLambda;
import io.pappus.ir.PrimKind;
import io.pappus.opencl.codegen.JoinKernelWriter;
import io.pappus.opencl.codegen.Leaf;
import io.pappus.opencl.codegen.PipelineProgram;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclKernel;
import io.pappus.opencl.runtime.OclTimings;

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
 * <pre>{@code
 * OclResult r = OclJoin.on(device).join(leftCols, leftKeys, rightCols, rightKeys, PrimKind.INT, resultLambda);
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
     * @param left      the left element's columns (device layout)
     * @param leftKey   the left key column
     * @param right     the right element's columns
     * @param rightKey  the right key column
     * @param keyKind   the keys' kind (int, long, float or double)
     * @param result    the result lambda (two arguments, no captures)
     * @return the result's columns, one element per matched pair
     */
    public OclResult join(List<Object> left, Object leftKey, List<Object> right, Object rightKey, PrimKind keyKind,
                          LiftedLambda result) {
        JoinKernelWriter.Program p = JoinKernelWriter.write(result);
        int n = java.lang.reflect.Array.getLength(leftKey);
        int m = java.lang.reflect.Array.getLength(rightKey);
        OclTimings before = sort.session().timings();
        try (Buffers b = new Buffers(sort.session())) {
            OclSort.Sorted r = sort.sort(b, sort.bits(b, b.upload(rightKey), keyKind, false, m), m, OclSort.keyBits(keyKind));
            OclBuffer lk = sort.bits(b, b.upload(leftKey), keyKind, false, n);
            OclBuffer lo = b.track(sort.session().buffer(OclBuffer.ElementType.INT, n));
            OclBuffer count = b.track(sort.session().buffer(OclBuffer.ElementType.INT, n));
            launch(sort.program().kernel("pappus_join_range").arg(0, r.keys()).arg(1, m).arg(2, lk).arg(3, lo)
                    .arg(4, count).arg(5, n), n);
            int[] counts = new int[n];
            count.read(0, counts, 0, n);
            long total = 0;
            for (int c : counts) {
                total += c;
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("join output of " + total + " elements exceeds one column");
            }
            int t = (int) total;
            OclBuffer offsets = b.track(sort.session().buffer(OclBuffer.ElementType.INT, n));
            new OclScan(sort.session(), sort.program(), sort.groupSize()).exclusive(count, offsets, n);
            OclBuffer li = b.track(sort.session().buffer(OclBuffer.ElementType.INT, t));
            OclBuffer ri = b.track(sort.session().buffer(OclBuffer.ElementType.INT, t));
            launch(sort.program().kernel("pappus_join_pairs").arg(0, lo).arg(1, count).arg(2, offsets).arg(3, r.perm())
                    .arg(4, li).arg(5, ri).arg(6, n), n);
            return emit(b, p, li, ri, left, right, t, before);
        }
    }

    /**
     * {@code zip}: the result lambda over elements paired by position, up to the shorter input.
     *
     * @param left   the left element's columns (device layout)
     * @param right  the right element's columns
     * @param n      the shorter input's length
     * @param result the zip lambda (two arguments, no captures)
     * @return the result's columns
     */
    public OclResult zip(List<Object> left, List<Object> right, int n, LiftedLambda result) {
        JoinKernelWriter.Program p = JoinKernelWriter.write(result);
        OclTimings before = sort.session().timings();
        try (Buffers b = new Buffers(sort.session())) {
            OclBuffer idx = b.track(sort.session().buffer(OclBuffer.ElementType.INT, n));
            launch(sort.program().kernel("pappus_iota").arg(0, idx).arg(1, n), n);
            return emit(b, p, idx, idx, left, right, n, before);
        }
    }

    private OclResult emit(Buffers b, JoinKernelWriter.Program p, OclBuffer li, OclBuffer ri, List<Object> left,
                           List<Object> right, int t, OclTimings before) {
        OclKernel k = sort.session().program(p.source(), PipelineProgram.BUILD_OPTIONS).kernel("pappus_join_emit");
        int a = 0;
        k.arg(a++, li).arg(a++, ri);
        for (int j = 0; j < p.left().size(); j++) {
            k.arg(a++, b.upload(left.get(j)));
        }
        for (int j = 0; j < p.right().size(); j++) {
            k.arg(a++, b.upload(right.get(j)));
        }
        List<OclBuffer> outs = new ArrayList<>();
        for (Leaf l : p.output()) {
            OclBuffer o = b.alloc(l.kind(), t);
            outs.add(o);
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
        List<Object> cols = new ArrayList<>();
        for (int j = 0; j < outs.size(); j++) {
            Object arr = ColumnArrays.newArray(p.output().get(j).kind(), t);
            outs.get(j).read(0, arr, 0, t);
            cols.add(ColumnArrays.fromDevice(arr, p.output().get(j).kind()));
        }
        OclTimings after = sort.session().timings();
        return new OclResult(cols, t, null, new OclTimings(after.kernelNanos() - before.kernelNanos(),
                after.transferNanos() - before.transferNanos(), after.kernelLaunches() - before.kernelLaunches(),
                after.transfers() - before.transfers()));
    }

    private void launch(OclKernel k, int n) {
        sort.session().launchOver(k, n, sort.groupSize());
    }
}
