package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.codegen.GroupKernelWriter;
import io.pappus.opencl.codegen.PipelineProgram;
import io.pappus.opencl.codegen.ReduceOp;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclTimings;

import java.util.ArrayList;
import java.util.List;

/**
 * Pipeline breakers on the device, built on {@link OclSort}'s stable radix sort: orderBy
 * (gather every column by the sort's permutation), distinct and groupBy-count/reduce on
 * primitive keys (segments of equal keys, folded one work-item per group, then put in the order
 * of each group's first element, which is the reference engine's order). Columns are host
 * arrays in device layout (booleans as bytes); each call uploads them, runs, and reads back the
 * result with the device time it took.
 *
 * <pre>{@code
 * OclResult sorted = OclBreakers.on(device).orderBy(List.of(prices), List.of(PrimKind.DOUBLE),
 *         prices, PrimKind.DOUBLE, false);
 * }</pre>
 */
public final class OclBreakers {
    private final OclSort sort;

    private OclBreakers(OclSort sort) {
        this.sort = sort;
    }

    /**
     * @param device the device
     * @return its breakers
     */
    public static OclBreakers on(DeviceInfo device) {
        return new OclBreakers(OclSort.on(device));
    }

    /**
     * @param kind a key kind
     * @return whether the device sorts keys of that kind
     */
    public static boolean sortable(PrimKind kind) {
        return kind == PrimKind.INT || kind == PrimKind.LONG || kind == PrimKind.FLOAT || kind == PrimKind.DOUBLE;
    }

    /**
     * Stable sort of the elements by a key column.
     *
     * @param columns    the element's columns
     * @param kinds      their kinds
     * @param key        the key column, one per element
     * @param keyKind    its kind (int, long, float or double)
     * @param descending whether the largest key comes first
     * @return the sorted columns
     */
    public OclResult orderBy(List<Object> columns, List<PrimKind> kinds, Object key, PrimKind keyKind, boolean descending) {
        int n = java.lang.reflect.Array.getLength(key);
        OclTimings before = sort.session().timings();
        try (Buffers b = new Buffers(sort.session())) {
            OclBuffer bits = sort.bits(b, b.upload(key), keyKind, descending, n);
            OclBuffer perm = sort.sort(b, bits, n, OclSort.keyBits(keyKind)).perm();
            return done(before, gatherAll(b, columns, kinds, perm, n), n);
        }
    }

    /**
     * @param column the elements, one primitive column
     * @param kind   its kind
     * @return the first occurrence of each distinct element ({@code equals} of the boxed value), in input order
     */
    public OclResult distinct(Object column, PrimKind kind) {
        int n = java.lang.reflect.Array.getLength(column);
        OclTimings before = sort.session().timings();
        if (n == 0) {
            return new OclResult(List.of(column), 0, null, OclTimings.ZERO);
        }
        try (Buffers b = new Buffers(sort.session())) {
            OclBuffer col = b.upload(column);
            Groups g = groups(b, col, kind, n);
            return done(before, gatherAll(b, List.of(column), List.of(kind), g.first(), g.count()), g.count());
        }
    }

    /**
     * {@code groupBy(key).count()} or {@code .reduce(op)} over primitive elements.
     *
     * @param key     the key column
     * @param keyKind its kind
     * @param values  the elements (ignored for a count)
     * @param kind    their kind
     * @param op      COUNT, SUM, MIN or MAX
     * @return columns {@code key, value} of Pair(key, value), groups in first-occurrence order
     */
    public OclResult group(Object key, PrimKind keyKind, Object values, PrimKind kind, ReduceOp op) {
        int n = java.lang.reflect.Array.getLength(key);
        OclTimings before = sort.session().timings();
        if (n == 0) {
            Object empty = ColumnArrays.newArray(op == ReduceOp.COUNT ? PrimKind.LONG : kind, 0);
            return new OclResult(List.of(key, empty), 0, null, OclTimings.ZERO);
        }
        try (Buffers b = new Buffers(sort.session())) {
            OclBuffer keys = b.upload(key);
            Groups g = groups(b, keys, keyKind, n);
            OclBuffer folded;
            PrimKind outKind = op == ReduceOp.COUNT ? PrimKind.LONG : kind;
            if (op == ReduceOp.COUNT) {
                folded = sort.counts(b, g.segments());
            } else {
                OclBuffer sorted = sort.gather(b, b.upload(values), kind, g.perm(), n);
                folded = b.alloc(kind, g.count());
                sort.session().launchOver(sort.session().program(GroupKernelWriter.fold(kind, op),
                        PipelineProgram.BUILD_OPTIONS).kernel("pappus_seg_fold").arg(0, sorted)
                        .arg(1, g.segments().starts()).arg(2, folded).arg(3, g.count()), g.count(), sort.groupSize());
            }
            List<OclBuffer> outs = List.of(sort.gather(b, keys, keyKind, g.first(), g.count()),
                    sort.gather(b, folded, outKind, g.order(), g.count()));
            return done(before, read(outs, List.of(keyKind, outKind), g.count()), g.count());
        }
    }

    /**
     * {@code groupBy(key).aggregate(seed, accumulate, ...)} or {@code .reduce(op)} with the user's
     * lambda run on the device, one group per work-item, in input order.
     *
     * @param key      the key column
     * @param keyKind  its kind
     * @param elements the element's columns (device layout)
     * @param fold     the translated fold
     * @param seed     the seed (Java value; unused when the fold starts from the first element)
     * @return columns {@code key, accumulator} of Pair(key, value), groups in first-occurrence order
     */
    public OclResult groupFold(Object key, PrimKind keyKind, List<Object> elements, GroupKernelWriter.Accumulate fold,
                               Object seed) {
        int n = java.lang.reflect.Array.getLength(key);
        OclTimings before = sort.session().timings();
        if (n == 0) {
            return new OclResult(List.of(key, ColumnArrays.newArray(fold.acc(), 0)), 0, null, OclTimings.ZERO);
        }
        try (Buffers b = new Buffers(sort.session())) {
            OclBuffer keys = b.upload(key);
            Groups g = groups(b, keys, keyKind, n);
            io.pappus.opencl.runtime.OclKernel k = sort.session().program(fold.source(), PipelineProgram.BUILD_OPTIONS)
                    .kernel("pappus_seg_accumulate");
            int a = 0;
            for (int j = 0; j < fold.elements().size(); j++) {
                k.arg(a++, sort.gather(b, b.upload(elements.get(j)), fold.elements().get(j).kind(), g.perm(), n));
            }
            OclBuffer folded = b.alloc(fold.acc(), g.count());
            k.arg(a++, g.segments().starts()).arg(a++, folded);
            KernelArgs.scalar(k, a++, seed != null ? seed : switch (fold.acc()) {
                case LONG -> (Object) 0L;
                case FLOAT -> 0f;
                case DOUBLE -> 0.0;
                default -> 0;
            }, fold.acc());
            OclBuffer errors = b.upload(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE});
            k.arg(a++, errors).arg(a, g.count());
            sort.session().launchOver(k, g.count(), sort.groupSize());
            int[] slots = new int[2];
            errors.read(0, slots, 0, 2);
            if (slots[0] != Integer.MAX_VALUE) {
                throw new ArithmeticException("/ by zero");  // the engine reruns on the reference for Java's exact failure
            } else if (slots[1] != Integer.MAX_VALUE) {
                throw new ArrayIndexOutOfBoundsException("array index out of range in a group fold lambda");
            }
            List<OclBuffer> outs = List.of(sort.gather(b, keys, keyKind, g.first(), g.count()),
                    sort.gather(b, folded, fold.acc(), g.order(), g.count()));
            return done(before, read(outs, List.of(keyKind, fold.acc()), g.count()), g.count());
        }
    }

    /**
     * Groups of equal keys.
     *
     * @param perm     the sort's permutation
     * @param segments the runs of equal sorted keys
     * @param order    per output group, its segment, in first-occurrence order
     * @param first    per output group, the input index of its first element
     */
    private record Groups(OclBuffer perm, OclSort.Segments segments, OclBuffer order, OclBuffer first) {
        int count() {
            return segments.count();
        }
    }

    private Groups groups(Buffers b, OclBuffer keys, PrimKind kind, int n) {
        OclSort.Sorted s = sort.sort(b, sort.bits(b, keys, kind, false, n), n, OclSort.keyBits(kind));
        OclSort.Segments seg = sort.segments(b, s.keys(), n);
        OclBuffer order = sort.firstOccurrenceOrder(b, seg, s.perm(), n);
        OclBuffer firstSorted = sort.compose(b, s.perm(), seg.starts(), seg.count());
        return new Groups(s.perm(), seg, order, sort.compose(b, firstSorted, order, seg.count()));
    }

    private List<Object> gatherAll(Buffers b, List<Object> columns, List<PrimKind> kinds, OclBuffer perm, int n) {
        List<OclBuffer> outs = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            outs.add(sort.gather(b, b.upload(columns.get(j)), kinds.get(j), perm, n));
        }
        return read(outs, kinds, n);
    }

    private static List<Object> read(List<OclBuffer> outs, List<PrimKind> kinds, int n) {
        List<Object> cols = new ArrayList<>();
        for (int j = 0; j < outs.size(); j++) {
            Object arr = ColumnArrays.newArray(kinds.get(j), n);
            outs.get(j).read(0, arr, 0, n);
            cols.add(ColumnArrays.fromDevice(arr, kinds.get(j)));
        }
        return cols;
    }

    private OclResult done(OclTimings before, List<Object> cols, int count) {
        OclTimings after = sort.session().timings();
        return new OclResult(cols, count, null, new OclTimings(after.kernelNanos() - before.kernelNanos(),
                after.transferNanos() - before.transferNanos(), after.kernelLaunches() - before.kernelLaunches(),
                after.transfers() - before.transfers()));
    }
}
