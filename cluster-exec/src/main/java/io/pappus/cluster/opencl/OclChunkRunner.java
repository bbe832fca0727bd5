package io.pappus.cluster.opencl;

import io.pappus.cluster.fragment.IrColumns;
import io.pappus.cluster.fragment.PipelineFragment;
import io.pappus.cluster.fragment.StepCounts;
import io.pappus.cluster.jvm.JvmChunkRunner;
import io.pappus.cluster.remote.Chunk;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.ChunkRun;
import io.pappus.cluster.remote.ChunkRunner;
import io.pappus.cluster.remote.InterpretingChunkRunner;
import io.pappus.cluster.remote.MemberTarget;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.RanOn;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.exec.Fallback;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.opencl.OclEngine;
import io.pappus.opencl.exec.DevicePlacer;
import io.pappus.opencl.exec.DeviceRunner;
import io.pappus.opencl.exec.PlacementCheck;
import io.pappus.opencl.exec.RunLog;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuildException;
import io.pappus.opencl.runtime.OclException;
import io.pappus.opencl.runtime.OpenClDevices;
import io.pappus.place.Decision;
import io.pappus.place.ExecutionHistory;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs shipped pipelines on the member's OpenCL device: the pipeline becomes a fragment, the
 * OpenCL backend decides whether the device can run it with Java's meaning (lifted lambdas over
 * primitive columns, a sink it has a kernel for, fp64 where the pipeline uses double), builds
 * the fused kernel (cached by source) and runs it over the chunk's columns. Which device runs a
 * pipeline follows {@link MemberTarget}: the cost model's choice per pipeline ({@code auto}, the
 * default), always the JVM, or the device wherever it can. What the device cannot run goes to
 * the {@link JvmChunkRunner}, and the reply says why (logged once per reason); a chunk in which
 * a lambda throws is run again on the interpreter, so the failing element and step are exactly
 * the ones the sequential run reports. A member without an OpenCL device runs everything on the
 * JVM, said once in the log; without codegen-opencl on its class path this runner does not load
 * and {@link io.pappus.cluster.remote.ChunkRunners} picks the JVM runner.
 *
 * <p>The member's chunks take turns on the device (kernels are shared objects of the device's
 * session); with {@code -Dpappus.fallback=off} (the tests) a kernel the driver rejects or a
 * device failure is thrown instead of hiding on the JVM.
 */
public final class OclChunkRunner implements ChunkRunner {
    private static final Logger LOG = LoggerFactory.getLogger(OclChunkRunner.class);
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();
    private static final Map<String, AtomicLong> DEVICE_CHUNKS = new ConcurrentHashMap<>();
    private static final Map<String, Object> DEVICE_TURNS = new ConcurrentHashMap<>();
    // Resolved here so that without codegen-opencl this runner fails to load and the JVM runner is chosen.
    private static final Class<?> BACKEND = OpenClDevices.class;
    private final JvmChunkRunner jvm = new JvmChunkRunner();
    private final InterpretingChunkRunner interpreter = new InterpretingChunkRunner();
    private final RunLog log = new RunLog();
    private volatile Found found;
    private volatile MemberPlacement auto;
    private volatile String noAuto;

    /** The member's device, or why there is none; looked for on first use (not under {@code memberTarget=jvm}). */
    private record Found(DeviceInfo device, String none, DevicePlacer placer, DeviceRunner runner) {
    }

    /**
     * Runs on the member's device: the one {@code pappus.opencl.device} names when set, else its
     * first GPU, else its first device; looked for when the first chunk may use it.
     */
    public OclChunkRunner() {
    }

    private Found found() {
        Found f = found;
        if (f == null) {
            synchronized (this) {
                if (found == null) {
                    DeviceInfo d = OclEngine.choose(OpenClDevices.available());
                    String none = d != null ? null
                            : OpenClDevices.unavailableReason().orElse("no device matches pappus.opencl.device");
                    if (d == null) {
                        once("no-device", "this member has no OpenCL device ({}): shipped pipelines run on the JVM", none);
                    }
                    found = new Found(d, none, new DevicePlacer(d, none), new DeviceRunner(d, log));
                }
                f = found;
            }
        }
        return f;
    }

    @Override
    public ChunkRun run(RemotePipeline pipeline, Chunk chunk) {
        MemberTarget target = MemberTarget.current();
        if (target == MemberTarget.JVM) {
            return jvm.run(pipeline, chunk).because(MemberTarget.PROPERTY + "=jvm");
        }
        Found here = found();
        if (here.device() == null) {
            return jvm.run(pipeline, chunk).because("no OpenCL device: " + here.none());
        } else if (!PipelineFragment.compilable(pipeline)) {
            return jvm.run(pipeline, chunk);
        }
        DeviceInfo device = here.device();
        Fragment f = PipelineFragment.of(pipeline, pipeline.steps().size(), null, chunk.size());
        MemberPlacement model = target == MemberTarget.AUTO ? placement(device) : null;
        if (target == MemberTarget.AUTO && model == null) {
            return jvm.run(pipeline, chunk).because("AUTO leaves out " + device.name() + ": " + noAuto);
        }
        Decision d = model != null ? model.decide(f) : null;
        if (d != null && !model.onDevice(d)) {
            long t0 = System.nanoTime();
            ChunkRun r = jvm.run(pipeline, chunk);
            model.record(d, false, System.nanoTime() - t0);
            Optional<String> ineligible = model.ineligibility(d);
            if (ineligible.isEmpty()) {
                LOG.debug("AUTO runs shipped pipeline {} on the JVM: {}", f.describe(), d.why());
                return r.because("AUTO: " + d.why());
            }
            return r.because(notOnDevice(device, f, ineligible.get()));
        }
        DevicePlacer.Placed placed = here.placer().place(f);
        if (!placed.onDevice()) {
            return jvm.run(pipeline, chunk).because(notOnDevice(device, f, placed.reason()));
        }
        long t0 = System.nanoTime();
        ChunkRun r = onDevice(here, pipeline, chunk, f, placed);
        if (d != null && r.on().runner().equals(name())) {
            model.record(d, true, System.nanoTime() - t0);
        }
        return r;
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String describe() {
        if (MemberTarget.current() == MemberTarget.JVM) {
            return "jvm (" + MemberTarget.PROPERTY + "=jvm)";
        }
        Found here = found();
        return here.device() == null ? "jvm (no OpenCL device: " + here.none() + ")"
                : "opencl on " + here.device().name() + " where the device can run the pipeline (" + MemberTarget.PROPERTY
                + "=" + MemberTarget.current().setting() + "), else jvm";
    }

    @Override
    public String describe(RemotePipeline pipeline) {
        MemberTarget target = MemberTarget.current();
        if (target == MemberTarget.JVM) {
            return "jvm (" + MemberTarget.PROPERTY + "=jvm)";
        }
        Found here = found();
        DeviceInfo device = here.device();
        if (device == null) {
            return "jvm (no OpenCL device: " + here.none() + ")";
        } else if (!PipelineFragment.compilable(pipeline)) {
            return jvm.describe(pipeline);
        }
        Optional<String> why = PlacementCheck.whyNot(PipelineFragment.of(pipeline, pipeline.steps().size(), null, 0), device);
        if (why.isPresent()) {
            return "jvm (not on OpenCL " + device.name() + ": " + why.get() + ")";
        }
        return target == MemberTarget.OPENCL ? "opencl on " + device.name()
                : "opencl on " + device.name() + " or jvm, the cost model's choice per chunk (" + MemberTarget.PROPERTY + "=auto)";
    }

    @Override
    public int priority() {
        return 20;
    }

    /** @return what this runner measured on its device (runs, times) */
    public RunLog runLog() {
        return log;
    }

    /**
     * @param deviceName an OpenCL device's name
     * @return how many chunks runners in this JVM have run on that device
     */
    public static long chunksOn(String deviceName) {
        AtomicLong n = DEVICE_CHUNKS.get(deviceName);
        return n == null ? 0 : n.get();
    }

    /** @return the history AUTO places by, once it has placed a pipeline */
    Optional<ExecutionHistory> history() {
        MemberPlacement p = auto;
        return p == null ? Optional.empty() : Optional.of(p.history());
    }

    /** @return the device chunks run on, if the member has one */
    public Optional<DeviceInfo> device() {
        return Optional.ofNullable(found().device());
    }

    private ChunkRun onDevice(Found here, RemotePipeline p, Chunk chunk, Fragment f, DevicePlacer.Placed placed) {
        DeviceInfo device = here.device();
        int n = chunk.size();
        Columns in = new Columns(ColumnLayout.of(chunk.type()), IrColumns.leaves(chunk), n);
        ChunkResult.Done done;
        // one chunk at a time per device: the pipelines' kernel objects are shared and hold their arguments
        synchronized (DEVICE_TURNS.computeIfAbsent(device.id(), k -> new Object())) {
            try {
                Object out = here.runner().run(placed, in);
                long[] counts = StepCounts.of(p, n, finalCount(out), upTo -> prefixCount(here, p, upTo, in));
                done = new ChunkResult.Done(counts, partial(p.partial(), f, out));
            } catch (OclException e) {
                if (Fallback.off()) {
                    throw e;
                }
                once(e.getMessage(), "OpenCL run failed on {}, the chunk runs on the JVM: {}", device.name(), e.getMessage());
                return jvm.run(p, chunk).because("OpenCL run failed on " + device.name() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                // A lambda threw on the device: the interpreter finds the exact element and step.
                return interpreter.run(p, chunk).because(JvmChunkRunner.RERUN);
            }
        }
        DEVICE_CHUNKS.computeIfAbsent(device.name(), k -> new AtomicLong()).incrementAndGet();
        return new ChunkRun(done, new RanOn(name(), device.name(), ""));
    }

    /** @return the elements that reached the sink, or -1 when the device's answer does not say */
    private static long finalCount(Object out) {
        if (out instanceof Columns c) {
            return c.size();
        }
        return out instanceof Long count ? count : -1;
    }

    private static long prefixCount(Found here, RemotePipeline p, int upTo, Columns in) {
        DevicePlacer.Placed placed = here.placer().place(PipelineFragment.of(p, upTo, new Sink.Count(), in.size()));
        if (!placed.onDevice()) {
            throw new OclException("no device count for a device pipeline's prefix: " + placed.reason(), null);
        }
        return (Long) here.runner().run(placed, in);
    }

    /** @return the device's answer in the interpreter's IR form, which the caller combines */
    private static Object partial(PartialSpec spec, Fragment f, Object out) {
        if (spec instanceof PartialSpec.Collect) {
            Columns c = (Columns) out;
            return IrColumns.values(f.outputType(), c.leaves(), c.size());
        } else if (spec instanceof PartialSpec.Count) {
            return null;
        } else if (spec instanceof PartialSpec.Sum) {
            return out;
        } else if (spec instanceof PartialSpec.Fold) {
            return ((Optional<?>) out).map(v -> IrColumns.normal(v, f.outputType())).orElse(null);
        }
        throw new AssertionError("the device has no kernel for " + spec);  // accumulate, extreme: never placed there
    }

    private static String notOnDevice(DeviceInfo device, Fragment f, String reason) {
        String why = "not on OpenCL " + device.name() + ": " + reason;
        once(why, "shipped pipeline {} runs on the JVM, {}", f.describe(), why);
        return why;
    }

    /** @return AUTO's placement between the JVM and the device, or null when the device's calibration failed */
    private MemberPlacement placement(DeviceInfo device) {
        MemberPlacement p = auto;
        if (p == null && noAuto == null) {
            synchronized (this) {
                if (auto == null && noAuto == null) {
                    try {
                        auto = new MemberPlacement(device);
                    } catch (RuntimeException e) {
                        noAuto = "its calibration failed (" + e + "): every chunk runs on the JVM";
                        LOG.warn("AUTO on this member leaves out {}: {}", device.name(), noAuto);
                    }
                }
                p = auto;
            }
        }
        return p;
    }

    private static void once(String key, String format, Object... args) {
        if (SAID.add(key)) {
            LOG.info(format, args);
        }
    }
}
