package io.pappus.jvm.exec;

import io.pappus.exec.column.EdgePool;
import io.pappus.jvm.runtime.Kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Cuts an input into chunks and runs a kernel on each, on a pool sized to every core (not the
 * common pool, which leaves one core idle). Partials come back in chunk order, so combining
 * them left to right is deterministic for a given chunking. Threads: system property
 * {@code pappus.jvm.threads}, default all processors.
 */
public final class ChunkRunner {
    /** Inputs smaller than this run on the caller's thread, as one chunk. */
    static final int SEQUENTIAL_BELOW = 1 << 15;
    private static final int THREADS = EdgePool.threads();
    private static final ForkJoinPool POOL = EdgePool.pool();  // one pool for kernels and edge conversion

    private ChunkRunner() {
    }

    /** @return the number of worker threads */
    public static int threads() {
        return THREADS;
    }

    /**
     * @param n the number of elements
     * @return chunk boundaries: chunk k is {@code [b[k], b[k+1])}; at least one chunk
     */
    public static int[] chunks(int n) {
        int count = n < SEQUENTIAL_BELOW ? 1 : Math.min(THREADS * 4, (n + 4095) / 4096);
        int[] b = new int[count + 1];
        for (int k = 0; k <= count; k++) {
            b[k] = (int) ((long) n * k / count);
        }
        return b;
    }

    /**
     * @param kernel the compiled fragment
     * @param in     its input columns
     * @param n      the number of elements
     * @return one partial per chunk, in chunk order
     */
    public static List<Object> run(Kernel kernel, Object[] in, int n) {
        int[] b = chunks(n);
        List<Object> out = new ArrayList<>(b.length - 1);
        if (b.length == 2) {
            out.add(kernel.chunk(in, 0, n));
            return out;
        }
        List<ForkJoinTask<Object>> tasks = new ArrayList<>();
        for (int k = 0; k + 1 < b.length; k++) {
            int lo = b[k];
            int hi = b[k + 1];
            tasks.add(POOL.submit(() -> kernel.chunk(in, lo, hi)));
        }
        for (ForkJoinTask<Object> t : tasks) {
            out.add(t.join());
        }
        return out;
    }

    /**
     * Runs a collecting kernel over a prefix of the input, in order, until at least
     * {@code need} outputs exist: waves of {@code threads()} chunks run in parallel, chunks
     * grow from 4096 elements, and no chunk after the wave that reached {@code need} starts.
     *
     * @return the collect partials, in chunk order, and the elements scanned in the last slot
     */
    public static List<Object> prefix(Kernel kernel, Object[] in, int n, long need) {
        List<Object> out = new ArrayList<>();
        long have = 0;
        int lo = 0;
        int size = 4096;
        while (lo < n && have < need) {
            List<ForkJoinTask<Object>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS && lo < n; t++) {
                int a = lo;
                int b = (int) Math.min(n, (long) lo + size);
                tasks.add(POOL.submit(() -> kernel.chunk(in, a, b)));
                lo = b;
            }
            for (ForkJoinTask<Object> t : tasks) {
                Object p = t.join();
                out.add(p);
                have += (Integer) ((Object[]) p)[0];
            }
            size = Math.min(size * 2, 1 << 20);
        }
        out.add(lo);
        return out;
    }
}
