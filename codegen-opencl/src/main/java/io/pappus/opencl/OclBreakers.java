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
 * of each group's first element, which is the reference engine's order). Inputs are device
 * buffers and results stay on the device ({@link ResidentColumns}, owned by the caller), so
 * the breakers of one query hand data to each other without crossing the bus; the overloads
 * over host arrays (device layout, booleans as bytes) upload, run and read back.
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
     * @param columns    the element's columns on the device
     * @param kinds      their kinds
     * @param key        the key column, one per element
     * @param keyKind    its kind (int, long, float or double)
     * @param descending whether the largest key comes first
     * @param n          elements
     * @return the sorted columns, on the device
     */
    public ResidentColumns orderBy(List<OclBuffer> columns, List<PrimKind> kinds, OclBuffer key, PrimKind keyKind,
                                   boolean descending, int n) {
        try (Buffers b = new Buffers(sort.session())) {
            OclBuffer bits = sort.bits(b, key, keyKind, descending, n);
            OclBuffer perm = sort.sort(b, bits, n, OclSort.keyBits(keyKind)).perm();
            return gatherAll(b, columns, kinds, perm, n);
        }
    }

    /**
     * @param column the elements, one primitive column on the device
     * @param kind   its kind
     * @param n      elements
     * @return the first occurrence of each distinct element ({@code equals} of the boxed value), in input order
     */
    public ResidentColumns distinct(OclBuffer column, PrimKind kind, int n) {
        try (Buffers b = new Buffers(sort.session())) {
            if (n == 0) {
                return gatherAll(b, List.of(column), List.of(kind), null, 0);
            }
            Groups g = groups(b, column, kind, n);
            return gatherAll(b, List.of(column), List.of(kind), g.first(), g.count());
        }
    }

    /**
     * {@code groupBy(key).count()} or {@code .reduce(op)} over primitive elements.
     *
     * @param key     the key column on the device
     * @param keyKind its kind
     * @param values  the elements (ignored for a count)
     * @param kind    their kind
     * @param op      COUNT, SUM, MIN or MAX
     * @param n       elements
     * @return columns {@code key, value} of Pair(key, value), groups in first-occurrence order, on the device
     */
    public ResidentColumns group(OclBuffer key, PrimKind keyKind, OclBuffer values, PrimKind kind, ReduceOp op, int n) {
        PrimKind outKind = op == ReduceOp.COUNT ? PrimKind.LONG : kind;
        try (Buffers b = new Buffers(sort.session())) {
            if (n == 0) {
                return empty(b, List.of(keyKind, outKind));
            }
            Groups g = groups(b, key, keyKind, n);
            OclBuffer folded;
            if (op == ReduceOp.COUNT) {
                folded = sort.counts(b, g.segments());
            } else {
                OclBuffer sorted = sort.gather(b, values, kind, g.perm(), n);
                folded = b.alloc(kind, g.count());
                sort.session().launchOver(sort.session().program(GroupKernelWriter.fold(kind, op),
                        PipelineProgram.BUILD_OPTIONS).kernel("pappus_seg_fold").arg(0, sorted)
                        .arg(1, g.segments().starts()).arg(2, folded).arg(3, g.count()), g.count(), sort.groupSize());
            }
            return pairs(b, g, key, keyKind, folded, outKind);
        }
    }

    /**
     * {@code groupBy(key).aggregate(seed, accumulate, ...)} or {@code .reduce(op)} with the user's
     * lambda run on the device, one group per work-item, in input order.
     *
     * @param key      the key column on the device
     * @param keyKind  its kind
     * @param elements the element's columns on the device
     * @param fold     the translated fold
     * @param seed     the seed (Java value; unused when the fold starts from the first element)
     * @param n        elements
     * @return columns {@code key, accumulator} of Pair(key, value), groups in first-occurrence order, on the device
     */
    public ResidentColumns groupFold(OclBuffer key, PrimKind keyKind, List<OclBuffer> elements,
                                     GroupKernelWriter.Accumulate fold, Object seed, int n) {
        try (Buffers b = new Buffers(sort.session())) {
            if (n == 0) {
                return empty(b, List.of(keyKind, fold.acc()));
            }
            Groups g = groups(b, key, keyKind, n);
            io.pappus.opencl.runtime.OclKernel k = sort.session().program(fold.source(), PipelineProgram.BUILD_OPTIONS)
                    .kernel("pappus_seg_accumulate");
            int a = 0;
            for (int j = 0; j < fold.elements().size(); j++) {
                k.arg(a++, sort.gather(b, elements.get(j), fold.elements().get(j).kind(), g.perm(), n));
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
            return pairs(b, g, key, keyKind, folded, fold.acc());
        }
    }

    /**
     * {@link #orderBy(List, List, OclBuffer, PrimKind, boolean, int)} over host arrays (device
     * layout): uploads them and reads the result back.
     *
     * @return the sorted columns and the device time
     */
    public OclResult orderBy(List<Object> columns, List<PrimKind> kinds, Object key, PrimKind keyKind, boolean descending) {
        return onHost(columns, kinds, key, keyKind, (c, k) -> orderBy(c.buffers(), kinds, k, keyKind, descending,
                c.size()));
    }

    /**
     * {@link #distinct(OclBuffer, PrimKind, int)} over a host array.
     *
     * @return the distinct elements and the device time
     */
    public OclResult distinct(Object column, PrimKind kind) {
        return onHost(List.of(), List.of(), column, kind, (c, k) -> distinct(k, kind, c.size()));
    }

    /**
     * {@link #group(OclBuffer, PrimKind, OclBuffer, PrimKind, ReduceOp, int)} over host arrays.
     *
     * @return the groups' columns and the device time
     */
    public OclResult group(Object key, PrimKind keyKind, Object values, PrimKind kind, ReduceOp op) {
        List<Object> cols = values == null ? List.of() : List.of(values);
        return onHost(cols, values == null ? List.of() : List.of(kind), key, keyKind,
                (c, k) -> group(k, keyKind, values == null ? null : c.buffers().get(0), kind, op, c.size()));
    }

    /** Uploads the columns and the key, runs {@code op} on the device, reads its result back. */
    private OclResult onHost(List<Object> columns, List<PrimKind> kinds, Object key, PrimKind keyKind,
                             java.util.function.BiFunction<ResidentColumns, OclBuffer, ResidentColumns> op) {
        int n = java.lang.reflect.Array.getLength(key);
        OclTimings before = sort.session().timings();
        try (ResidentColumns in = ResidentColumns.upload(sort.session(), columns, kinds, n);
             ResidentColumns k = ResidentColumns.upload(sort.session(), List.of(key), List.of(keyKind), n);
             ResidentColumns out = op.apply(in, k.buffers().get(0))) {
            List<Object> cols = out.download();
            return new OclResult(cols, out.size(), null, sort.session().timings().since(before));
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

    /** Each column gathered by {@code perm} ({@code n} of them; no permutation when {@code n} is 0), kept on the device. */
    private ResidentColumns gatherAll(Buffers b, List<OclBuffer> columns, List<PrimKind> kinds, OclBuffer perm, int n) {
        List<OclBuffer> outs = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            outs.add(n == 0 ? b.alloc(kinds.get(j), 0) : sort.gather(b, columns.get(j), kinds.get(j), perm, n));
        }
        outs.forEach(b::keep);
        return new ResidentColumns(outs, kinds, n);
    }

    /** The groups' keys and folded values, in first-occurrence order, kept on the device. */
    private ResidentColumns pairs(Buffers b, Groups g, OclBuffer keys, PrimKind keyKind, OclBuffer folded, PrimKind kind) {
        List<OclBuffer> outs = List.of(sort.gather(b, keys, keyKind, g.first(), g.count()),
                sort.gather(b, folded, kind, g.order(), g.count()));
        outs.forEach(b::keep);
        return new ResidentColumns(outs, List.of(keyKind, kind), g.count());
    }

    private static ResidentColumns empty(Buffers b, List<PrimKind> kinds) {
        List<OclBuffer> outs = new ArrayList<>();
        for (PrimKind k : kinds) {
            outs.add(b.keep(b.alloc(k, 0)));
        }
        return new ResidentColumns(outs, kinds, 0);
    }
}
