package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.codegen.PipelineProgram;
import io.pappus.opencl.codegen.SortKernels;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclKernel;
import io.pappus.opencl.runtime.OclProgram;
import io.pappus.opencl.runtime.OclSession;

import java.util.List;

/**
 * Device buffers through the {@link SortKernels} program: key columns into order-preserving
 * bits, a stable LSD radix sort of those bits carrying the input index as payload, gathers of
 * any column by a permutation, and segments of equal sorted keys.
 *
 * <pre>{@code
 * OclSort s = OclSort.on(device);
 * OclSort.Sorted r = s.sort(b, s.bits(b, keyColumn, PrimKind.DOUBLE, false, n), n, 64);
 * OclBuffer sortedPrices = s.gather(b, prices, PrimKind.DOUBLE, r.perm(), n);
 * }</pre>
 */
final class OclSort {
    /** Elements one work-item counts and scatters per pass: keeps the digit table at most n/4 ints. */
    private static final int MIN_BLOCK = 1024;

    private final OclSession session;
    private final OclProgram program;
    private final int groupSize;

    private OclSort(OclSession session) {
        this.session = session;
        this.program = session.program(SortKernels.source(), PipelineProgram.BUILD_OPTIONS);
        this.groupSize = (int) Math.max(1, Math.min(256, Integer.highestOneBit((int) Math.min(1 << 30,
                session.device().maxWorkGroup()))));
    }

    /**
     * @param device the device
     * @return the sort program on it (built once, then cached like any program)
     */
    static OclSort on(DeviceInfo device) {
        return new OclSort(OclSession.of(device));
    }

    OclSession session() {
        return session;
    }

    /** Sorted key bits and, per sorted position, the input index it came from. */
    record Sorted(OclBuffer keys, OclBuffer perm) {
    }

    /**
     * @param b          owns the new buffer
     * @param column     the key column (int, long, float or double)
     * @param kind       its kind
     * @param descending whether the largest key comes first
     * @param n          elements
     * @return the keys' order-preserving unsigned bit patterns
     */
    OclBuffer bits(Buffers b, OclBuffer column, PrimKind kind, boolean descending, int n) {
        OclBuffer out = b.track(session.buffer(OclBuffer.ElementType.LONG, n));
        String k = switch (kind) {
            case INT -> "pappus_bits_int";
            case LONG -> "pappus_bits_long";
            case FLOAT -> "pappus_bits_float";
            case DOUBLE -> "pappus_bits_double";
            default -> throw new IllegalArgumentException("no device sort key of kind " + kind);
        };
        launch(program.kernel(k).arg(0, column).arg(1, out).arg(2, descending ? 1 : 0).arg(3, n), n);
        return out;
    }

    /**
     * @param kind a key kind
     * @return how many low bits of its pattern vary
     */
    static int keyBits(PrimKind kind) {
        return kind == PrimKind.INT || kind == PrimKind.FLOAT ? 32 : 64;
    }

    /**
     * Stable sort: equal keys keep their input order.
     *
     * @param b       owns the new buffers
     * @param keys    key bits ({@code ulong}), left as they are
     * @param n       elements
     * @param keyBits how many low bits of the keys vary (the rest are zero)
     * @return the sorted keys and the permutation
     */
    Sorted sort(Buffers b, OclBuffer keys, int n, int keyBits) {
        OclBuffer idx = b.track(session.buffer(OclBuffer.ElementType.INT, n));
        launch(program.kernel("pappus_iota").arg(0, idx).arg(1, n), n);
        if (n <= 1) {
            return new Sorted(keys, idx);
        }
        int block = Math.max(MIN_BLOCK, (int) ((n + 65535L) / 65536));
        int blocks = (n + block - 1) / block;
        int table = (1 << SortKernels.RADIX_BITS) * blocks;
        OclBuffer k0 = keys;
        OclBuffer i0 = idx;
        OclBuffer k1 = b.track(session.buffer(OclBuffer.ElementType.LONG, n));
        OclBuffer i1 = b.track(session.buffer(OclBuffer.ElementType.INT, n));
        OclBuffer hist = b.track(session.buffer(OclBuffer.ElementType.INT, table));
        OclBuffer offsets = b.track(session.buffer(OclBuffer.ElementType.INT, table));
        boolean spare = false;  // k1 may be overwritten only once it is not the caller's keys
        OclScan scan = new OclScan(session, program, groupSize);
        long vary = varyingBits(b, keys, n);
        for (int shift = 0; shift < keyBits; shift += SortKernels.RADIX_BITS) {
            if ((vary >>> shift & ((1L << SortKernels.RADIX_BITS) - 1)) == 0) {
                continue;  // every key has this digit: the pass would keep the order as it is
            }
            launch(program.kernel("pappus_radix_hist").arg(0, k0).arg(1, hist).arg(2, shift).arg(3, block)
                    .arg(4, blocks).arg(5, n), blocks);
            scan.exclusive(hist, offsets, table);
            launch(program.kernel("pappus_radix_scatter").arg(0, k0).arg(1, i0).arg(2, offsets).arg(3, k1).arg(4, i1)
                    .arg(5, shift).arg(6, block).arg(7, blocks).arg(8, n), blocks);
            OclBuffer tk = k0;
            k0 = k1;
            k1 = spare ? tk : b.track(session.buffer(OclBuffer.ElementType.LONG, n));
            spare = true;
            OclBuffer ti = i0;
            i0 = i1;
            i1 = ti;
        }
        return new Sorted(k0, i0);
    }

    /**
     * Stable lexicographic sort on several sort words, least significant word first: each pass is
     * stable, so the last pass (word 0) keeps the order of the later words among its ties.
     *
     * @param b        owns the new buffers
     * @param words    the words of each element, most significant first
     * @param wordBits per word, how many low bits vary
     * @param n        elements
     * @return per word its values in sorted order, and the permutation
     */
    SortedWords sortWords(Buffers b, List<OclBuffer> words, List<Integer> wordBits, int n) {
        OclBuffer perm = null;
        OclBuffer first = null;
        for (int j = words.size() - 1; j >= 0; j--) {
            OclBuffer w = perm == null ? words.get(j) : gather(b, words.get(j), PrimKind.LONG, perm, n);
            Sorted s = sort(b, w, n, wordBits.get(j));
            perm = perm == null ? s.perm() : compose(b, perm, s.perm(), n);
            first = s.keys();
        }
        List<OclBuffer> sorted = new java.util.ArrayList<>(List.of(first));
        for (int j = 1; j < words.size(); j++) {
            sorted.add(gather(b, words.get(j), PrimKind.LONG, perm, n));
        }
        return new SortedWords(sorted, perm);
    }

    /** Sort words in sorted order and, per sorted position, the input index it came from. */
    record SortedWords(List<OclBuffer> words, OclBuffer perm) {
    }

    /** @return the OR over all keys of {@code key ^ keys[0]}: the bits in which some keys differ */
    private long varyingBits(Buffers b, OclBuffer keys, int n) {
        int g = (int) Math.min(4L * groupSize, OclSession.roundUp(n, groupSize));
        OclBuffer partial = b.track(session.buffer(OclBuffer.ElementType.LONG, g));
        session.launch(program.kernel("pappus_bits_vary").arg(0, keys).arg(1, partial).arg(2, n), g, groupSize);
        long[] p = new long[g];
        partial.read(0, p, 0, g);
        long vary = 0;
        for (long x : p) {
            vary |= x;
        }
        return vary;
    }

    /**
     * @param b    owns the new buffer
     * @param in   a column
     * @param kind its kind
     * @param perm for each output position, the input position
     * @param n    output elements
     * @return {@code out[i] = in[perm[i]]}
     */
    OclBuffer gather(Buffers b, OclBuffer in, PrimKind kind, OclBuffer perm, int n) {
        OclBuffer.ElementType t = ColumnArrays.elementType(kind);
        OclBuffer out = b.track(session.buffer(t, n));
        launch(program.kernel("pappus_gather_" + t.bytes()).arg(0, in).arg(1, perm).arg(2, out).arg(3, n), n);
        return out;
    }

    /** Segments of equal sorted keys: {@code starts[g]} for each, and {@code starts[count] = n}. */
    record Segments(OclBuffer starts, int count) {
    }

    /**
     * @param b    owns the new buffers
     * @param keys sorted key bits
     * @param n    elements, at least 1
     * @return the runs of equal keys
     */
    Segments segments(Buffers b, OclBuffer keys, int n) {
        OclBuffer heads = b.track(session.buffer(OclBuffer.ElementType.INT, n));
        launch(program.kernel("pappus_seg_heads").arg(0, keys).arg(1, heads).arg(2, n), n);
        return segmentsOf(b, heads, n);
    }

    /**
     * @param b     owns the new buffers
     * @param heads 1 where a run of equal sorted keys starts, else 0
     * @param n     elements, at least 1
     * @return the runs
     */
    Segments segmentsOf(Buffers b, OclBuffer heads, int n) {
        OclBuffer seg = b.track(session.buffer(OclBuffer.ElementType.INT, n));
        new OclScan(session, program, groupSize).exclusive(heads, seg, n);
        int[] last = new int[2];
        seg.read(n - 1, last, 0, 1);
        heads.read(n - 1, last, 1, 1);
        int count = last[0] + last[1];
        OclBuffer starts = b.track(session.buffer(OclBuffer.ElementType.INT, count + 1));
        launch(program.kernel("pappus_seg_starts").arg(0, heads).arg(1, seg).arg(2, starts).arg(3, n), n);
        return new Segments(starts, count);
    }

    /**
     * Segments in the order their first elements come in the input (the reference's order for
     * groups and distinct elements).
     *
     * @param b    owns the new buffers
     * @param s    the segments
     * @param perm the sort's permutation
     * @param n    elements
     * @return for each output position, a segment number
     */
    OclBuffer firstOccurrenceOrder(Buffers b, Segments s, OclBuffer perm, int n) {
        OclBuffer first = b.track(session.buffer(OclBuffer.ElementType.LONG, s.count()));
        launch(program.kernel("pappus_seg_first").arg(0, s.starts()).arg(1, perm).arg(2, first).arg(3, s.count()),
                s.count());
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n));
        return sort(b, first, s.count(), (bits + SortKernels.RADIX_BITS - 1) / SortKernels.RADIX_BITS
                * SortKernels.RADIX_BITS).perm();
    }

    /**
     * @param b     owns the new buffer
     * @param inner a permutation
     * @param outer positions into {@code inner}
     * @param n     output elements
     * @return {@code inner[outer[i]]}
     */
    OclBuffer compose(Buffers b, OclBuffer inner, OclBuffer outer, int n) {
        OclBuffer out = b.track(session.buffer(OclBuffer.ElementType.INT, n));
        launch(program.kernel("pappus_compose").arg(0, inner).arg(1, outer).arg(2, out).arg(3, n), n);
        return out;
    }

    /**
     * @param b    owns the new buffer
     * @param s    the segments
     * @return each segment's length, as Java longs
     */
    OclBuffer counts(Buffers b, Segments s) {
        OclBuffer out = b.track(session.buffer(OclBuffer.ElementType.LONG, s.count()));
        launch(program.kernel("pappus_seg_count").arg(0, s.starts()).arg(1, out).arg(2, s.count()), s.count());
        return out;
    }

    /** @return the program, for kernels written beside it */
    OclProgram program() {
        return program;
    }

    int groupSize() {
        return groupSize;
    }

    private void launch(OclKernel k, int n) {
        session.launchOver(k, n, groupSize);
    }
}
