package io.pappus.opencl.exec;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.ir.Type;
import io.pappus.opencl.ChunkStream;
import io.pappus.opencl.OclPipeline;
import io.pappus.opencl.OclResult;
import io.pappus.opencl.codegen.ReduceOp;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.plan.fragment.Sink;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Runs one fragment's {@link DeviceWork} on the device, streaming its input through in chunks
 * with double buffering ({@link ChunkStream}) so that no run holds more than the device-memory
 * budget ({@link MemoryBudget}); a {@code cache()}'s columns stay resident on the device
 * ({@link DeviceCache}) and are not uploaded again. Chunk results are combined on the host in
 * chunk order.
 */
public final class DeviceRunner {
    private final DeviceInfo device;
    private final RunLog log;

    /**
     * @param device the device
     * @param log    where runs are recorded
     */
    public DeviceRunner(DeviceInfo device, RunLog log) {
        this.device = device;
        this.log = log;
    }

    DeviceInfo device() {
        return device;
    }

    RunLog log() {
        return log;
    }

    /**
     * @param placed the fragment, placed on the device
     * @param in the fragment's input columns
     * @return columns for a collect, else the terminal's Java value (a count's {@code Long}, a
     *         sum's {@code Double}, a reduce's value or {@code Optional})
     * @throws RuntimeException when a lambda throws on the device ({@link io.pappus.exec.ElementFailure} names the element)
     */
    public Object run(DevicePlacer.Placed placed, Columns in) {
        return run(placed, in, false);
    }

    /**
     * @param placed the fragment, placed on the device
     * @param in     the fragment's input columns
     * @param cached whether {@code in} are a {@code cache()}'s columns, to be kept resident on the device
     * @return columns for a collect, else the terminal's Java value
     */
    Object run(DevicePlacer.Placed placed, Columns in, boolean cached) {
        DeviceWork w = placed.work();
        OclPipeline p = placed.pipeline();
        List<Object> cols = DeviceColumns.of(in);
        ColumnLayout outLayout = ColumnLayout.of(w.fragment().outputType());
        int chunk = MemoryBudget.chunkElements(device, in.layout(), outLayout);
        long start = System.nanoTime();
        DeviceCache.Lease lease = cached ? DeviceCache.of(device).acquire(in, cols) : null;
        ChunkStream.Streamed s;
        try {
            s = ChunkStream.run(p, cols, chunk, lease == null ? null : lease.buffers());
        } finally {
            if (lease != null) {
                lease.close();
            }
        }
        long uploaded = lease == null ? s.uploadedBytes() : lease.uploadedBytes();
        log.record(p.source(), new RunLog.Run(device.name(), s.timings(), s.chunks(), chunk, in.size(),
                System.nanoTime() - start, uploaded, lease == null ? RunLog.Input.HOST : RunLog.Input.RESIDENT,
                s.pinned()));
        return finish(w, outLayout, s.parts());
    }

    private static Object finish(DeviceWork w, ColumnLayout outLayout, List<OclResult> parts) {
        long count = 0;
        for (OclResult r : parts) {
            count += r.count();
        }
        switch (w.finish()) {
            case COLUMNS:
                return DeviceColumns.concat(outLayout, parts, (int) count);
            case COUNT:
                return count;
            case SUM:
                return 0.0 + (Double) combine(ReduceOp.SUM, parts, Type.DOUBLE);  // Java's sum starts from 0.0
            case AVERAGE:
                if (count == 0) {
                    throw new NoSuchElementException("average of an empty data set");
                }
                return (0.0 + (Double) combine(ReduceOp.SUM, parts, Type.DOUBLE)) / count;
            case REDUCE: {
                Sink.Reduce r = (Sink.Reduce) w.fragment().sink();
                return count == 0 ? r.identity()
                        : Combine.apply(w.reduceOp(), r.identity(), combine(w.reduceOp(), parts, w.fragment().outputType()));
            }
            case REDUCE_OPTIONAL:
                return count == 0 ? Optional.empty()
                        : Optional.of(combine(w.reduceOp(), parts, w.fragment().outputType()));
            default:
                throw new AssertionError(w.finish());
        }
    }

    /** Combines the non-empty chunks' values, left to right. */
    private static Object combine(ReduceOp op, List<OclResult> parts, Type type) {
        Object acc = null;
        for (OclResult r : parts) {
            if (r.count() > 0) {
                acc = acc == null ? r.value() : Combine.apply(op, acc, r.value());
            }
        }
        return acc == null ? Combine.zero(type) : acc;
    }
}
