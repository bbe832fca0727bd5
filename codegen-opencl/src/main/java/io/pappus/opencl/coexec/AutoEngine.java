package io.pappus.opencl.coexec;

import io.pappus.api.Engine;
import io.pappus.api.query.Node;
import io.pappus.api.query.Terminal;
import io.pappus.exec.OpaqueLog;
import io.pappus.exec.ReferenceEngine;
import io.pappus.jvm.JvmEngine;
import io.pappus.opencl.exec.DevicePlacer;
import io.pappus.opencl.exec.DeviceRunner;
import io.pappus.opencl.exec.OclExecutor;
import io.pappus.opencl.exec.RunLog;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuildException;
import io.pappus.place.Candidate;
import io.pappus.place.CoexecSetting;
import io.pappus.place.Decision;
import io.pappus.place.ExecutionHistory;
import io.pappus.place.Placer;
import io.pappus.place.Prediction;
import io.pappus.place.RunRecorder;
import io.pappus.place.TreePlacement;
import io.pappus.place.spi.DeviceProvider;
import io.pappus.place.spi.PlacementDevice;
import io.pappus.plan.Lifting;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.LogicalPlanner;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.FragmentPlanner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Target.AUTO} with the OpenCL backend present: each fragment goes to the JVM (all cores)
 * or an OpenCL device, wherever the cost model ({@link io.pappus.place.TreePlacer}) predicts the
 * whole query finishes first, transfers between the two sides included; a query of one fragment
 * may run on the JVM and a device at once ({@link CoExecutor}). Every fragment's measured time
 * feeds the history the next choice reads. A query of a shape and size placed before runs as it
 * was placed until that history changes materially ({@link PlacementCache}), and it is planned
 * once: the JVM runs the fragments AUTO cut.
 * {@code explain()} shows per fragment the candidates, their predicted times, the choice and
 * why, and the last measured times. Co-execution is off with {@code -Dpappus.coexec=off}.
 *
 * <pre>{@code
 * double s = DataSet.from(xs).map(x -> x * x).on(Engines.local(Target.AUTO)).sum(x -> x);
 * }</pre>
 */
public final class AutoEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(AutoEngine.class);
    private final LogicalPlanner planner;
    private final JvmEngine jvm;
    private final ReferenceEngine reference = new ReferenceEngine();
    private final RunLog runLog = new RunLog();
    private final ExecutionHistory history = new ExecutionHistory();
    private final RunRecorder runs = new RunRecorder(history);
    private final Map<String, CoExecutor.Result> lastShared = new ConcurrentHashMap<>();
    private final PlacementCache placements = new PlacementCache();
    private final java.util.concurrent.atomic.AtomicLong sharedRuns = new java.util.concurrent.atomic.AtomicLong();
    private final CoexecSetting.Mode sharing;
    private List<PlacementDevice> devices;

    /** @param lifting the lifter to plan with; co-execution as system property {@code pappus.coexec} says */
    public AutoEngine(Lifting lifting) {
        this(lifting, null);
    }

    /**
     * @param lifting the lifter to plan with
     * @param sharing co-execution mode, or null to read {@code pappus.coexec} at every query
     */
    public AutoEngine(Lifting lifting, CoexecSetting.Mode sharing) {
        this.planner = new LogicalPlanner(lifting);
        this.jvm = new JvmEngine(lifting);
        this.sharing = sharing;
    }

    /** @return the query's placement: kept from an earlier query of its shape, or made now */
    private AutoPlan plan(Fragment root) {
        CoexecSetting.Mode mode = sharing != null ? sharing : CoexecSetting.mode();
        return placements.plan(root, mode, history, (r, kept) -> {
            AutoPlan p = kept == null ? AutoPlan.of(r, devices(), runs, mode) : kept.again(r, devices(), runs, mode);
            if (LOG.isDebugEnabled()) {
                LOG.debug("placed {}: {}", r.describe(), p.root(r).why());
            }
            return p;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R execute(Node plan, Terminal<R> terminal) {
        if (JvmEngine.runsByReference(plan)) {
            // a small input, or the compiler still cold: by reference, with no lifting, placing or device start-up
            return jvm.execute(plan, terminal);
        }
        LogicalPlan lp = planner.plan(plan, terminal);
        OpaqueLog.report(lp);
        Fragment root = new FragmentPlanner().cut(lp);
        AutoPlan p = plan(root);
        Decision d = p.root(root);
        try {
            if (d.coexecution() && d.uses("jvm") && d.uses("opencl")) {  // the executor pairs the JVM with one device
                return (R) shared(plan, root, terminal, d, p);
            }
            long devRuns = runLog.deviceRuns();
            DeviceRunner runner = p.device() == null ? null : new DeviceRunner(info(p.device()), runLog);
            long t0 = System.nanoTime();
            R r = runner == null ? jvm.executePlanned(plan, terminal, root)
                    : new OclExecutor(new DevicePlacer(info(p.device()), null, p.sides()), runner, jvm).result(root, terminal);
            long nanos = System.nanoTime() - t0;
            if (!root.feeds().isEmpty()) {
                if (runner != null) {
                    recordFragments(p, runner.traffic());
                }
            } else {
                boolean onDevice = runLog.deviceRuns() > devRuns;
                runs.record(d, prediction(d, onDevice ? "opencl" : "jvm"), d.work().elements(), nanos, 1);
            }
            return r;
        } catch (OclBuildException e) {
            throw e;
        } catch (RuntimeException e) {
            throw reference.rethrowAsJava(plan, terminal, e);
        }
    }

    private Object shared(Node plan, Fragment root, Terminal<?> terminal, Decision d, AutoPlan p) {
        DeviceInfo info = info(p.device());
        DevicePlacer.Placed placed = new DevicePlacer(info, null).place(root);
        if (!placed.onDevice()) {  // the build failed and fallback is on: the JVM alone
            return jvm.execute(plan, terminal);
        }
        double jvmRate = rate(d, "jvm");
        double devRate = rate(d, "opencl");
        long t0 = System.nanoTime();
        CoExecutor.Result r = CoExecutor.run(root, terminal, placed, info, jvm, jvmRate, devRate);
        // the wall time, edges included: the next decision compares it with one device alone
        history.record(d.work().signature(), Placer.SHARED, d.work().elements(), System.nanoTime() - t0, 0);
        for (CoExecutor.DeviceRun run : r.runs()) {
            String id = run.device().equals("jvm") ? "jvm" : p.device().profile().id();
            d.candidates().stream().filter(c -> c.device().id().equals(id)).findFirst()
                    .ifPresent(c -> runs.record(d, c.prediction(), run.elements(), run.nanos(), Math.max(1, run.chunks())));
        }
        lastShared.put(d.work().signature(), r);
        sharedRuns.incrementAndGet();
        return r.value();
    }

    /**
     * Records each fragment's measured time on the side it ran, where a timed part ran one
     * fragment alone (a JVM query that also ran JVM-only fragments below it says nothing of each).
     */
    private void recordFragments(AutoPlan p, RunLog.Traffic t) {
        for (RunLog.Ran ran : t.ran()) {
            if (ran.fragments().size() != 1) {
                continue;
            }
            Decision d = p.tree().decision(ran.fragments().get(0));
            d.candidates().stream()
                    .filter(c -> c.prediction() != null && (ran.onDevice()
                            ? c.device().id().equals(p.device().profile().id()) : c.device().readsHostMemory()))
                    .findFirst().ifPresent(c -> runs.record(d, c.prediction(), d.work().elements(), ran.nanos(), 1));
        }
    }

    /** @return the prediction for the first candidate of the backend that could run the fragment */
    private static Prediction prediction(Decision d, String backend) {
        for (Candidate c : d.candidates()) {  // a loop, not a stream: this runs at every query
            if (c.device().backend().equals(backend) && c.prediction() != null) {
                return c.prediction();
            }
        }
        throw new IllegalStateException("no " + backend + " candidate ran fragment " + d.work().signature());
    }

    private static double rate(Decision d, String backend) {
        return d.candidates().stream().filter(c -> c.device().backend().equals(backend) && c.prediction() != null)
                .mapToDouble(c -> d.work().elements() / Math.max(1.0, c.prediction().variable())).findFirst().orElse(1e-3);
    }

    @Override
    public String explain(Node plan, Terminal<?> terminal) {
        if (JvmEngine.runsByReference(plan)) {
            return name() + ": not placed. " + jvm.explain(plan, terminal);
        }
        LogicalPlan lp = planner.plan(plan, terminal);
        Fragment root = new FragmentPlanner().cut(lp);
        AutoPlan p = plan(root);
        return AutoExplain.write(name(), root, p, history, lastShared) + jvm.explain(plan, terminal);
    }

    /**
     * @return how many queries (runs, explains, decisions) this engine placed by the cost model; the
     *         others of the same shape and size reused a placement whose history had not changed
     */
    public long placements() {
        return placements.placements();
    }

    /** @return how many fragment runs were shared between the JVM and a device */
    public long sharedRuns() {
        return sharedRuns.get();
    }

    /** @return what the device runs of this engine measured, and where each query's fragments ran */
    public RunLog runLog() {
        return runLog;
    }

    /**
     * @param plan     a query
     * @param terminal its terminal
     * @return the placement of all its fragments, as the next run would use it
     */
    public TreePlacement placement(Node plan, Terminal<?> terminal) {
        return plan(new FragmentPlanner().cut(planner.plan(plan, terminal))).tree();
    }

    /** @return the measured history this engine places by */
    public ExecutionHistory history() {
        return history;
    }

    /**
     * @param plan     a query
     * @param terminal its terminal
     * @return the decision for its last fragment, as the next run would use it
     */
    public Decision decision(Node plan, Terminal<?> terminal) {
        Fragment root = new FragmentPlanner().cut(planner.plan(plan, terminal));
        return plan(root).root(root);
    }

    @Override
    public String name() {
        return sharing == CoexecSetting.Mode.FORCE ? "local[AUTO, co-execution forced]" : "local[AUTO]";
    }

    @Override
    public String toString() {
        return name();
    }

    private synchronized List<PlacementDevice> devices() {
        if (devices == null) {
            List<PlacementDevice> jvms = new ArrayList<>();
            List<PlacementDevice> others = new ArrayList<>();
            for (DeviceProvider p : ServiceLoader.load(DeviceProvider.class, AutoEngine.class.getClassLoader())) {
                for (PlacementDevice d : p.devices()) {
                    if (p.backend().equals("jvm")) {
                        jvms.add(d);
                    } else if (calibrated(d)) {
                        others.add(d);
                    }
                }
            }
            if (jvms.isEmpty()) {
                throw new IllegalStateException("Target.AUTO needs the JVM backend's device provider on the class path");
            }
            jvms.addAll(others);  // the JVM first: it wins ties
            devices = List.copyOf(jvms);
        }
        return devices;
    }

    /** A device whose calibration fails is left out, said once in the log: AUTO still runs on the rest. */
    private static boolean calibrated(PlacementDevice d) {
        try {
            d.profile();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Target.AUTO leaves out a device whose calibration failed: {}", e.toString());
            return false;
        }
    }

    private static DeviceInfo info(PlacementDevice d) {
        return ((OclDevices.Device) d).info();
    }
}
