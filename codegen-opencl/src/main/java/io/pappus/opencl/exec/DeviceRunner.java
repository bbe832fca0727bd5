package io.pappus.opencl.exec;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.ir.Type;
import io.pappus.opencl.ChunkStream;
import io.pappus.opencl.OclPipeline;
import io.pappus.opencl.OclResult;
import io.pappus.opencl.ResidentColumns;
import io.pappus.opencl.codegen.ReduceOp;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclSession;
import io.pappus.plan.fragment.Sink;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Runs one query's fragments' {@link DeviceWork} on the device, streaming host input through
 * in chunks with double buffering ({@link ChunkStream}) so that no run holds more than the
 * device-memory budget ({@link MemoryBudget}); a {@code cache()}'s columns stay resident on the
 * device ({@link DeviceCache}) and are not uploaded again, and input that the previous device
 * fragment left on the device is read where it is. Output that fits in one chunk can stay on
 * the device for the next fragment; chunk results are combined on the host in chunk order.
 */
public final class DeviceRunner {
    private final DeviceInfo device;
    private final RunLog log;
    private final BusMeter bus;

    /**
     * One query's runner.
     *
     * @param device the device
     * @param log    where runs are recorded
     */
    public DeviceRunner(DeviceInfo device, RunLog log) {
        this.device = device;
        this.log = log;
        this.bus = new BusMeter(device);
    }

    /** @return what this query moved over the bus so far, and where its fragments ran */
    public RunLog.Traffic traffic() {
        return bus.traffic();
    }

    /** @return what this query moved over the bus */
    BusMeter bus() {
        return bus;
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
        Object out = run(placed, Handoff.onHost(in, null), false, false);
        return out instanceof Handoff h ? h.host(bus) : out;
    }

    /**
     * @param placed the fragment, placed on the device
     * @param in     the fragment's input columns
     * @param cached whether {@code in} are a {@code cache()}'s columns, to be kept resident on the device
     * @param keep   whether output columns should stay on the device (the next fragment runs there too)
     * @return a {@link Handoff} for a collect (on the device when {@code keep} and the input ran in
     *         one chunk), else the terminal's Java value
     */
    Object run(DevicePlacer.Placed placed, Handoff in, boolean cached, boolean keep) {
        DeviceWork w = placed.work();
        OclPipeline p = placed.pipeline();
        ColumnLayout outLayout = ColumnLayout.of(w.fragment().outputType());
        int chunk = MemoryBudget.chunkElements(device, in.layout(), outLayout,
                w.finish() == DeviceWork.Finish.COLUMNS ? w.fanOut() : 1);
        long start = System.nanoTime();
        Columns host = in.resident() ? null : in.host(bus);
        List<Object> cols = host == null ? null : DeviceColumns.of(host);
        DeviceCache.Lease lease = cached ? DeviceCache.of(device).acquire(host, cols, DeviceColumns.kinds(host.layout()))
                : null;
        ChunkStream.Streamed s;
        try {
            s = ChunkStream.run(p, cols, lease != null ? lease.columns() : in.resident() ? in.device(OclSession.of(device), bus) : null,
                    chunk, keep);
        } finally {
            if (lease != null) {
                lease.close();
            }
        }
        long uploaded = lease == null ? s.uploadedBytes() : lease.uploadedBytes();
        bus.up(uploaded);
        RunLog.Input from = lease != null ? RunLog.Input.RESIDENT : in.resident() ? RunLog.Input.FRAGMENT
                : RunLog.Input.HOST;
        long wall = System.nanoTime() - start;
        log.record(p.source(), new RunLog.Run(device.name(), s.timings(), s.chunks(), chunk, in.size(), wall, uploaded,
                from, s.pinned()));
        bus.ran(new RunLog.Ran(List.of(w.fragment().id()), true, wall));
        if (w.finish() != DeviceWork.Finish.COLUMNS) {
            return finish(w, s.parts());
        }
        ResidentColumns kept = s.parts().get(0).resident();
        if (kept != null) {
            return Handoff.onDevice(kept, outLayout);
        }
        Columns out = DeviceColumns.concat(outLayout, s.parts(), (int) count(s.parts()));
        bus.down(out.bytes());
        return Handoff.onHost(out, keep ? "fragment " + w.fragment().id() + " streamed its input in " + s.chunks()
                + " chunks to stay within the device-memory budget of " + MemoryBudget.bytes(device) + " bytes ("
                + MemoryBudget.PROPERTY + "), so its output came back through the host" : null);
    }

    private static long count(List<OclResult> parts) {
        long count = 0;
        for (OclResult r : parts) {
            count += r.count();
        }
        return count;
    }

    private static Object finish(DeviceWork w, List<OclResult> parts) {
        long count = count(parts);
        switch (w.finish()) {
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
