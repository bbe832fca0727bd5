package io.pappus.benchmarks;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.OclBreakers;
import io.pappus.opencl.ResidentColumns;
import io.pappus.opencl.codegen.ReduceOp;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclKernel;
import io.pappus.opencl.runtime.OclSession;
import io.pappus.opencl.runtime.OpenClDevices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The device groupBy's two candidate algorithms, measured on one device: Pappus's sort-based
 * groupBy-count (stable radix sort of the keys, segment heads, prefix sum: groups in
 * first-occurrence order, deterministic) against a hash-based count written only for this
 * comparison (open addressing in global memory, {@code atomic_cmpxchg} to claim a slot,
 * {@code atomic_inc} to count, {@code atomic_min} for each key's first index, which the
 * first-occurrence order needs; the final ordering of the groups by that index is not timed, so
 * the hash side is favoured). Counts only: a hash fold of doubles would need compare-and-swap
 * loops and would add in a different order on every run.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.pappus.benchmarks.GroupStrategies 4000000 7
 * }</pre>
 */
public final class GroupStrategies {
    private static final String HASH = """
            __kernel void fill(__global int* keys, __global int* counts, __global int* first, int size) {
                int i = get_global_id(0);
                if (i >= size) return;
                keys[i] = INT_MIN;
                counts[i] = 0;
                first[i] = INT_MAX;
            }

            __kernel void hash_count(__global const int* in, __global int* keys, __global int* counts,
                                     __global int* first, int mask, int n) {
                int i = get_global_id(0);
                if (i >= n) return;
                int k = in[i];
                uint slot = ((uint) k * 2654435761u) & (uint) mask;
                for (int probe = 0; probe <= mask; probe++) {
                    int prev = atomic_cmpxchg(&keys[slot], INT_MIN, k);
                    if (prev == INT_MIN || prev == k) {
                        atomic_inc(&counts[slot]);
                        atomic_min(&first[slot], i);
                        return;
                    }
                    slot = (slot + 1) & (uint) mask;
                }
            }
            """;

    private GroupStrategies() {
    }

    /**
     * @param args elements (default 4,000,000) and timed runs per case (default 7)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4_000_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<DeviceInfo> devices = OpenClDevices.available();
        if (devices.isEmpty()) {
            System.out.println("no OpenCL device: " + OpenClDevices.unavailableReason().orElse("?"));
            return;
        }
        DeviceInfo device = devices.get(0);
        OclSession session = OclSession.of(device);
        System.out.println("device: " + device.name() + "; " + n + " int keys; median of " + reps
                + " after 2 warm-up runs; ms");
        System.out.printf("%12s %12s %12s %8s%n", "distinct", "sort-based", "hash-based", "hash/sort");
        for (int distinct : new int[] {4, 1_000, 100_000, 1_000_000}) {
            int[] keys = new Random(distinct).ints(n, 0, distinct).toArray();
            boolean[] seen = new boolean[distinct];
            int groups = 0;
            for (int k : keys) {
                if (!seen[k]) {
                    seen[k] = true;
                    groups++;
                }
            }
            int expected = groups;
            try (OclBuffer in = session.buffer(OclBuffer.ElementType.INT, n)) {
                in.write(keys, 0, 0, n);
                double sort = median(reps, () -> sortCount(device, in, n, expected));
                double hash = median(reps, () -> hashCount(session, in, n, distinct, expected));
                System.out.printf("%12d %12.2f %12.2f %8.2f%n", distinct, sort, hash, hash / sort);
            }
        }
    }

    /** Times runs of {@code run}, which checks its own answer; @return the median in ms */
    private static double median(int reps, Runnable run) {
        for (int w = 0; w < 2; w++) {
            run.run();
        }
        double[] ms = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            run.run();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[reps / 2];
    }

    private static void sortCount(DeviceInfo device, OclBuffer in, int n, int expected) {
        try (ResidentColumns groups = OclBreakers.on(device).group(in, PrimKind.INT, null, PrimKind.LONG,
                ReduceOp.COUNT, n)) {
            long[] counts = (long[]) groups.download().get(1);
            check("sort-based", counts.length, Arrays.stream(counts).sum(), n, expected);
        }
    }

    private static void hashCount(OclSession session, OclBuffer in, int n, int distinct, int expected) {
        int size = Integer.highestOneBit(Math.max(2, distinct) * 2 - 1) << 1;  // a power of two, at least 2x
        try (OclBuffer keys = session.buffer(OclBuffer.ElementType.INT, size);
             OclBuffer counts = session.buffer(OclBuffer.ElementType.INT, size);
             OclBuffer first = session.buffer(OclBuffer.ElementType.INT, size)) {
            var program = session.program(HASH, "");
            OclKernel fill = program.kernel("fill");
            fill.arg(0, keys).arg(1, counts).arg(2, first).arg(3, size);
            session.launchOver(fill, size, 64);
            OclKernel count = program.kernel("hash_count");
            count.arg(0, in).arg(1, keys).arg(2, counts).arg(3, first).arg(4, size - 1).arg(5, n);
            session.launchOver(count, n, 64);
            int[] c = new int[size];
            counts.read(0, c, 0, size);
            List<Integer> used = new ArrayList<>();
            long total = 0;
            for (int v : c) {
                if (v > 0) {
                    used.add(v);
                    total += v;
                }
            }
            check("hash-based", used.size(), total, n, expected);
        }
    }

    private static void check(String how, int groups, long total, int n, int expected) {
        if (total != n || groups != expected) {
            throw new IllegalStateException(how + ": " + groups + " groups counting " + total + " elements, expected "
                    + n + " elements in " + expected + " groups");
        }
    }
}
