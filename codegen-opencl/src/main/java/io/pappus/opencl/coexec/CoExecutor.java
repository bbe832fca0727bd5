package io.pappus.opencl.coexec;

import io.pappus.api.Engine;
import io.pappus.api.query.Source;
import io.pappus.api.query.Terminal;
import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.Columns;
import io.pappus.opencl.exec.DeviceColumns;
import io.pappus.opencl.exec.DevicePlacer;
import io.pappus.opencl.exec.DeviceWork;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.Futures;
import io.pappus.plan.fragment.Fragment;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one source fragment on the JVM and an OpenCL device at once: both pull input ranges from
 * one {@link ChunkQueue}, each sizing its chunks to its own measured rate ({@link ChunkSizer}),
 * and the chunk results are combined in input order ({@link Partials}), so integers come out
 * exactly as one device would give them and floating-point sums differ only by regrouping.
 */
final class CoExecutor {
    private static final ExecutorService DEVICE_THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pappus-coexec-device");
        t.setDaemon(true);
        return t;
    });

    /**
     * What one device did in a co-executed run.
     *
     * @param device   the device id
     * @param elements input elements it took
     * @param chunks   how many ranges it took
     * @param nanos    its busy time
     */
    record DeviceRun(String device, long elements, int chunks, long nanos) {
    }

    /**
     * @param value the fragment's result
     * @param runs  per device, JVM first
     * @param nanos wall time of the whole run
     */
    record Result(Object value, List<DeviceRun> runs, long nanos) {
    }

    private interface ChunkWork {
        Object run(int from, int to);
    }

    private CoExecutor() {
    }

    /**
     * @param f        a fragment reading a source
     * @param t        the query's terminal
     * @param placed   the fragment built for the device
     * @param device   the device
     * @param jvm      the JVM engine
     * @param jvmRate  the JVM's predicted elements per ns
     * @param devRate  the device's predicted elements per ns
     * @return the result and what each device did
     */
    static Result run(Fragment f, Terminal<?> t, DevicePlacer.Placed placed, DeviceInfo device, Engine jvm,
                      double jvmRate, double devRate) {
        long start = System.nanoTime();
        Source src = (Source) f.input().op();
        DeviceWork.Finish finish = placed.work().finish();
        Terminal<?> chunkTerminal = Partials.chunkTerminal(finish, t);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Object> cols = DeviceColumns.of(ColumnConverter.fromSource(src, f.inputType()));
        ChunkQueue queue = new ChunkQueue(src.size());
        ConcurrentSkipListMap<Integer, Object> parts = new ConcurrentSkipListMap<>();
        ChunkSizer js = new ChunkSizer(jvmRate, 1 << 22);
        ChunkSizer ds = new ChunkSizer(devRate, (int) Math.min(1 << 22, device.maxAlloc() / 16));
        AtomicBoolean failed = new AtomicBoolean();
        // each side's first chunk is taken before either loop starts (self-scheduling from a first
        // static share): one that starts while the other is descheduled could otherwise drain the queue alone
        int[] jvmFirst = queue.take(js.next(queue.remaining(), js.rate() / Math.max(1e-12, js.rate() + ds.rate())));
        int[] devFirst = queue.take(ds.next(queue.remaining(), ds.rate() / Math.max(1e-12, js.rate() + ds.rate())));
        Future<DeviceRun> dev = DEVICE_THREADS.submit(() -> loop(device.id(), devFirst, queue, ds, js, parts, failed,
                (a, b) -> Partials.ofDevice(finish, placed.pipeline().run(cols, a, b - a), f.outputType(), loader)));
        DeviceRun onJvm;
        try {
            onJvm = loop("jvm", jvmFirst, queue, js, ds, parts, failed,
                    (a, b) -> jvm.execute(SliceQuery.of(f, a, b), chunkTerminal));
        } catch (RuntimeException | Error e) {
            failed.set(true);
            Futures.await(dev, "the device's share of the chunks");
            throw e;
        }
        DeviceRun onDevice = Futures.await(dev, "the device's share of the chunks");
        Object value = Partials.combine(finish, t, parts);
        return new Result(value, List.of(onJvm, onDevice), System.nanoTime() - start);
    }

    /** @param first a chunk this device took before its loop started, or null */
    private static DeviceRun loop(String id, int[] first, ChunkQueue queue, ChunkSizer mine, ChunkSizer other,
                                  ConcurrentSkipListMap<Integer, Object> parts, AtomicBoolean failed, ChunkWork work) {
        long elements = 0;
        int chunks = 0;
        long busy = 0;
        int[] next = first;
        try {
            while (!failed.get()) {
                double share = mine.rate() / Math.max(1e-12, mine.rate() + other.rate());
                int[] r = next != null ? next : queue.take(mine.next(queue.remaining(), share));
                next = null;
                if (r == null) {
                    break;
                }
                long t0 = System.nanoTime();
                parts.put(r[0], work.run(r[0], r[1]));
                long dt = System.nanoTime() - t0;
                mine.measured(r[1] - r[0], dt);
                elements += r[1] - r[0];
                chunks++;
                busy += dt;
            }
        } catch (RuntimeException | Error e) {
            failed.set(true);
            throw e;
        }
        return new DeviceRun(id, elements, chunks, busy);
    }
}
