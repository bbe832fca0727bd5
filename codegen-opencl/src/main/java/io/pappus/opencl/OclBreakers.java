package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.lift.IrValues;
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
 * (gather every column by the sort's permutation), distinct and groupBy-count/reduce/aggregate
 * on keys of one or more primitive columns ({@link KeyColumns}: a record key is its leaves,
 * sorted as packed words by {@link OclKeySort}); segments of keys equal in every column are
 * folded block by block and the blocks' partials combined per group ({@link OclBlockFold}), or
 * one work-item per group when the fold has no translated combine, then put in the order of
 * each group's first element, which
 * is the reference engine's order. Inputs are device
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
    private final OclKeySort keys;

    private OclBreakers(OclSort sort) {
        this.sort = sort;
        this.keys = new OclKeySort(sort);
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
        return orderBy(columns, kinds, KeyColumns.of(key, keyKind), descending, n);
    }

    /**
     * Stable sort of the elements by a key of one or more columns, compared column by column.
     *
     * @param columns    the element's columns on the device
     * @param kinds      their kinds
     * @param key        the key
     * @param descending whether the largest key comes first
     * @param n          elements
     * @return the sorted columns, on the device
     */
    public ResidentColumns orderBy(List<OclBuffer> columns, List<PrimKind> kinds, KeyColumns key, boolean descending,
                                   int n) {
        try (Buffers b = new Buffers(sort.session())) {
            if (n == 0) {
                return gatherAll(b, columns, kinds, null, 0);
            }
            return gatherAll(b, columns, kinds, keys.order(b, key, descending, n).perm(), n);
        }
    }

    /**
     * @param column the elements, one primitive column on the device
     * @param kind   its kind
     * @param n      elements
     * @return the first occurrence of each distinct element ({@code equals} of the boxed value), in input order
     */
    public ResidentColumns distinct(OclBuffer column, PrimKind kind, int n) {
        return distinct(List.of(column), List.of(kind), n);
    }

    /**
     * @param columns the elements' columns on the device (a record's leaves)
     * @param kinds   their kinds
     * @param n       elements
     * @return the first occurrence of each distinct element (equal in every column, as a record's
     *         {@code equals}), in input order
     */
    public ResidentColumns distinct(List<OclBuffer> columns, List<PrimKind> kinds, int n) {
        try (Buffers b = new Buffers(sort.session())) {
            if (n == 0) {
                return gatherAll(b, columns, kinds, null, 0);
            }
            Groups g = groups(b, new KeyColumns(columns, kinds), n);
            return gatherAll(b, columns, kinds, g.first(), g.count());
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
        return group(KeyColumns.of(key, keyKind), values, kind, op, n);
    }

    /**
     * {@code groupBy(key).count()} or {@code .reduce(op)} over primitive elements, by a key of one
     * or more columns.
     *
     * @param key    the key
     * @param values the elements (ignored for a count)
     * @param kind   their kind
     * @param op     COUNT, SUM, MIN or MAX
     * @param n      elements
     * @return the key's columns, then the value's, of Pair(key, value), groups in first-occurrence order, on the device
     */
    public ResidentColumns group(KeyColumns key, OclBuffer values, PrimKind kind, ReduceOp op, int n) {
        PrimKind outKind = op == ReduceOp.COUNT ? PrimKind.LONG : kind;
        try (Buffers b = new Buffers(sort.session())) {
            if (n == 0) {
                return empty(b, key.kinds(), List.of(outKind));
            }
            Groups g = groups(b, key, n);
            OclBuffer folded;
            if (op == ReduceOp.COUNT) {
                folded = sort.counts(b, g.segments());
            } else {
                OclBuffer sorted = sort.gather(b, values, kind, g.perm(), n);
                folded = b.alloc(kind, g.count());
                OclBlockFold.fold(sort, b, sort.session().program(GroupKernelWriter.fold(kind, op),
                        PipelineProgram.BUILD_OPTIONS), g.segments(), sorted, kind, folded);
            }
            return pairs(b, g, key, List.of(folded), List.of(outKind));
        }
    }

    /**
     * {@code groupBy(key).aggregate(seed, accumulate, combine)} or {@code .reduce(op)} with the user's
     * lambdas run on the device: two-level ({@link OclBlockFold}) when the fold was translated with
     * its combine, else one group per work-item, in input order.
     *
     * @param key      the key
     * @param elements the element's columns on the device
     * @param fold     the translated fold
     * @param seed     the seed's leaves (Java values, one per accumulator column); null when the fold
     *                 starts from the first element
     * @param n        elements
     * @return the key's columns, then the accumulator's, of Pair(key, value), groups in
     *         first-occurrence order, on the device
     */
    public ResidentColumns groupFold(KeyColumns key, List<OclBuffer> elements, GroupKernelWriter.Accumulate fold,
                                     List<Object> seed, int n) {
        List<PrimKind> accs = fold.accumulators();
        try (Buffers b = new Buffers(sort.session())) {
            if (n == 0) {
                return empty(b, key.kinds(), accs);
            }
            Groups g = groups(b, key, n);
            io.pappus.opencl.runtime.OclProgram p = sort.session().program(fold.source(), PipelineProgram.BUILD_OPTIONS);
            List<OclBuffer> sorted = new ArrayList<>();
            for (int j = 0; j < fold.elements().size(); j++) {
                sorted.add(sort.gather(b, elements.get(j), fold.elements().get(j).kind(), g.perm(), n));
            }
            List<OclBuffer> folded = new ArrayList<>();
            List<Object> seeds = new ArrayList<>();
            for (int j = 0; j < accs.size(); j++) {
                folded.add(b.alloc(accs.get(j), g.count()));
                seeds.add(seed != null ? seed.get(j) : IrValues.zero(accs.get(j)));
            }
            OclBuffer errors = b.upload(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE});
            if (fold.blocked()) {
                OclBlockFold.accumulate(sort, b, p, g.segments(), sorted, accs, folded, seeds, errors);
            } else {
                io.pappus.opencl.runtime.OclKernel k = p.kernel("pappus_seg_accumulate");
                int a = 0;
                for (OclBuffer e : sorted) {
                    k.arg(a++, e);
                }
                k.arg(a++, g.segments().starts());
                for (OclBuffer out : folded) {
                    k.arg(a++, out);
                }
                for (int j = 0; j < accs.size(); j++) {
                    KernelArgs.scalar(k, a++, seeds.get(j), accs.get(j));
                }
                k.arg(a++, errors).arg(a, g.count());
                sort.session().launchOver(k, g.count(), sort.groupSize());
            }
            int[] slots = new int[2];
            errors.read(0, slots, 0, 2);
            if (slots[0] != Integer.MAX_VALUE) {
                throw new ArithmeticException("/ by zero");  // the engine reruns on the reference for Java's exact failure
            } else if (slots[1] != Integer.MAX_VALUE) {
                throw new ArrayIndexOutOfBoundsException("array index out of range in a group fold lambda");
            }
            return pairs(b, g, key, folded, accs);
        }
    }

    /**
     * {@link #orderBy(List, List, OclBuffer, PrimKind, boolean, int)} over host arrays (device
     * layout): uploads them and reads the result back.
     *
     * @return the sorted columns and the device time
     */
    public OclResult orderBy(List<Object> columns, List<PrimKind> kinds, Object key, PrimKind keyKind, boolean descending) {
        return orderBy(columns, kinds, List.of(key), List.of(keyKind), descending);
    }

    /**
     * {@link #orderBy(List, List, KeyColumns, boolean, int)} over host arrays (device layout).
     *
     * @param keyColumns the key's columns, most significant first
     * @param keyKinds   their kinds
     * @return the sorted columns and the device time
     */
    public OclResult orderBy(List<Object> columns, List<PrimKind> kinds, List<Object> keyColumns, List<PrimKind> keyKinds,
                             boolean descending) {
        return onHost(columns, kinds, keyColumns, keyKinds, (c, k) -> orderBy(c.buffers(), kinds, k, descending,
                c.size()));
    }

    /**
     * {@link #distinct(OclBuffer, PrimKind, int)} over a host array.
     *
     * @return the distinct elements and the device time
     */
    public OclResult distinct(Object column, PrimKind kind) {
        return distinct(List.of(column), List.of(kind));
    }

    /**
     * {@link #distinct(List, List, int)} over host arrays (device layout): rows of several columns.
     *
     * @return the distinct rows' columns and the device time
     */
    public OclResult distinct(List<Object> columns, List<PrimKind> kinds) {
        return onHost(List.of(), List.of(), columns, kinds, (c, k) -> distinct(k.columns(), kinds, c.size()));
    }

    /**
     * {@link #group(OclBuffer, PrimKind, OclBuffer, PrimKind, ReduceOp, int)} over host arrays.
     *
     * @return the groups' columns and the device time
     */
    public OclResult group(Object key, PrimKind keyKind, Object values, PrimKind kind, ReduceOp op) {
        return group(List.of(key), List.of(keyKind), values, kind, op);
    }

    /**
     * {@link #group(KeyColumns, OclBuffer, PrimKind, ReduceOp, int)} over host arrays.
     *
     * @param keyColumns the key's columns
     * @param keyKinds   their kinds
     * @return the groups' columns (key columns, then the value) and the device time
     */
    public OclResult group(List<Object> keyColumns, List<PrimKind> keyKinds, Object values, PrimKind kind, ReduceOp op) {
        List<Object> cols = values == null ? List.of() : List.of(values);
        return onHost(cols, values == null ? List.of() : List.of(kind), keyColumns, keyKinds,
                (c, k) -> group(k, values == null ? null : c.buffers().get(0), kind, op, c.size()));
    }

    /** Uploads the columns and the key, runs {@code op} on the device, reads its result back. */
    private OclResult onHost(List<Object> columns, List<PrimKind> kinds, List<Object> key, List<PrimKind> keyKinds,
                             java.util.function.BiFunction<ResidentColumns, KeyColumns, ResidentColumns> op) {
        int n = java.lang.reflect.Array.getLength(key.get(0));
        OclTimings before = sort.session().timings();
        try (ResidentColumns in = ResidentColumns.upload(sort.session(), columns, kinds, n);
             ResidentColumns k = ResidentColumns.upload(sort.session(), key, keyKinds, n);
             ResidentColumns out = op.apply(in, new KeyColumns(k.buffers(), keyKinds))) {
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

    private Groups groups(Buffers b, KeyColumns key, int n) {
        OclKeySort.Ordered s = keys.order(b, key, false, n);
        OclSort.Segments seg = keys.segments(b, s, n);
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

    /** The groups' key columns and folded value columns, in first-occurrence order, kept on the device. */
    private ResidentColumns pairs(Buffers b, Groups g, KeyColumns key, List<OclBuffer> folded, List<PrimKind> kinds) {
        List<OclBuffer> outs = new ArrayList<>();
        List<PrimKind> all = new ArrayList<>(key.kinds());
        for (int j = 0; j < key.columns().size(); j++) {
            outs.add(sort.gather(b, key.columns().get(j), key.kinds().get(j), g.first(), g.count()));
        }
        for (int j = 0; j < folded.size(); j++) {
            outs.add(sort.gather(b, folded.get(j), kinds.get(j), g.order(), g.count()));
        }
        all.addAll(kinds);
        outs.forEach(b::keep);
        return new ResidentColumns(outs, all, g.count());
    }

    private static ResidentColumns empty(Buffers b, List<PrimKind> keyKinds, List<PrimKind> valueKinds) {
        List<PrimKind> kinds = new ArrayList<>(keyKinds);
        kinds.addAll(valueKinds);
        List<OclBuffer> outs = new ArrayList<>();
        for (PrimKind k : kinds) {
            outs.add(b.keep(b.alloc(k, 0)));
        }
        return new ResidentColumns(outs, kinds, 0);
    }
}
