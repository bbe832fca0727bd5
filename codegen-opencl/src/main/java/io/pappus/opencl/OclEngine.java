package io.pappus.opencl;

import io.pappus.api.Engine;
import io.pappus.api.query.Node;
import io.pappus.api.query.Terminal;
import io.pappus.exec.OpaqueLog;
import io.pappus.exec.ReferenceEngine;
import io.pappus.jvm.JvmEngine;
import io.pappus.opencl.exec.DevicePlacer;
import io.pappus.opencl.exec.DeviceRunner;
import io.pappus.opencl.exec.OclExecutor;
import io.pappus.opencl.exec.OclExplain;
import io.pappus.opencl.exec.RunLog;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuildException;
import io.pappus.opencl.runtime.OpenClDevices;
import io.pappus.plan.Lifting;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.LogicalPlanner;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.FragmentPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code Target.OPENCL}: fragments that are map/filter chains of lifted lambdas over primitive
 * or record columns, ending in collect, count, sum, average or a +/min/max reduce, run as fused
 * kernels on one OpenCL device; the rest of the plan runs on the JVM engine, and
 * {@code explain()} says why, per fragment.
 *
 * <pre>{@code
 * double s = DataSet.from(xs).map(x -> x * x).filter(x -> x > 0.25)
 *         .on(Engines.local(Target.OPENCL)).reduce(0.0, Double::sum);
 * }</pre>
 *
 * <p>The device is the first GPU found, else the first device; system property
 * {@code pappus.opencl.device} picks one whose id or name contains the value. Without any
 * OpenCL device the engine still works: everything runs on the JVM, said once in the log and
 * in every {@code explain()}. When a lambda throws, the query runs again on the reference
 * engine so the caller gets exactly Java's exception with its element.
 */
public final class OclEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(OclEngine.class);
    private static final AtomicBoolean SAID_NO_DEVICE = new AtomicBoolean();
    private final LogicalPlanner planner;
    private final JvmEngine jvm;
    private final ReferenceEngine reference = new ReferenceEngine();
    private final DevicePlacer placer;
    private final RunLog log = new RunLog();
    private final String noDevice;

    /** @param lifting the lifter to plan with */
    public OclEngine(Lifting lifting) {
        this.planner = new LogicalPlanner(lifting);
        this.jvm = new JvmEngine(lifting);
        DeviceInfo device = choose(OpenClDevices.available());
        this.noDevice = device != null ? null : OpenClDevices.unavailableReason().orElse("no device matches pappus.opencl.device");
        if (device == null && SAID_NO_DEVICE.compareAndSet(false, true)) {
            LOG.warn("Target.OPENCL has no OpenCL device ({}): every fragment runs on the JVM", noDevice);
        }
        this.placer = new DevicePlacer(device, noDevice);
    }

    @Override
    public <R> R execute(Node plan, Terminal<R> terminal) {
        LogicalPlan lp = planner.plan(plan, terminal);
        OpaqueLog.report(lp);
        Fragment root = new FragmentPlanner().cut(lp);
        OclExecutor x = new OclExecutor(placer, new DeviceRunner(placer.device(), log), jvm);
        try {
            return x.result(root, terminal);
        } catch (OclBuildException e) {
            throw e;
        } catch (RuntimeException e) {
            throw reference.rethrowAsJava(plan, terminal, e);
        }
    }

    @Override
    public String explain(Node plan, Terminal<?> terminal) {
        LogicalPlan lp = planner.plan(plan, terminal);
        return OclExplain.write(name(), lp, new FragmentPlanner().cut(lp), placer, noDevice, log);
    }

    /** @return what this engine measured on the device */
    public RunLog runLog() {
        return log;
    }

    /** @return the device fragments run on, or null when there is none */
    public DeviceInfo device() {
        return placer.device();
    }

    @Override
    public String name() {
        DeviceInfo d = placer.device();
        return d == null ? "local[OPENCL: no device, JVM]" : "local[OPENCL " + d.name() + "]";
    }

    @Override
    public String toString() {
        return name();
    }

    /**
     * @param devices the devices found
     * @return the one fragments run on: the one whose id or name matches system property
     *         {@code pappus.opencl.device} when set, else the first GPU, else the first; null when none
     */
    public static DeviceInfo choose(List<DeviceInfo> devices) {
        String want = System.getProperty("pappus.opencl.device");
        for (DeviceInfo d : devices) {
            if (want != null ? d.id().equals(want) || d.name().contains(want) : "GPU".equals(d.type())) {
                return d;
            }
        }
        return want == null && !devices.isEmpty() ? devices.get(0) : null;
    }
}
