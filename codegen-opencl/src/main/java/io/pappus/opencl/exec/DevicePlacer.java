package io.pappus.opencl.exec;

import io.pappus.exec.Fallback;
import io.pappus.opencl.OclPipeline;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuildException;
import io.pappus.plan.fragment.Fragment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Places a fragment: a fragment the query's {@link FragmentSides} keeps on the JVM runs there;
 * otherwise {@link Placement} decides whether it can run on the device with Java's meaning,
 * then its program is built (or found in the cache). A program the driver rejects is
 * a bug: with {@code -Dpappus.fallback=off} the build log is thrown; otherwise it is logged once
 * and the fragment runs on the JVM.
 */
public final class DevicePlacer {
    private static final Logger LOG = LoggerFactory.getLogger(DevicePlacer.class);
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
    private final DeviceInfo device;
    private final String noDevice;
    private final FragmentSides sides;

    /**
     * Every fragment on the device where it can run there.
     *
     * @param device   the device, or null when there is none
     * @param noDevice why there is none
     */
    public DevicePlacer(DeviceInfo device, String noDevice) {
        this(device, noDevice, FragmentSides.DEVICE_WHERE_POSSIBLE);
    }

    /**
     * @param device   the device, or null when there is none
     * @param noDevice why there is none
     * @param sides    the fragments a planner keeps on the JVM
     */
    public DevicePlacer(DeviceInfo device, String noDevice, FragmentSides sides) {
        this.device = device;
        this.noDevice = noDevice;
        this.sides = sides;
    }

    /**
     * Where a fragment runs.
     *
     * @param work     the device work, or null
     * @param pipeline the built pipeline, or null
     * @param reason   why it runs on the JVM, or null
     */
    public record Placed(DeviceWork work, OclPipeline pipeline, String reason) {
        /** @return whether it runs on the device */
        public boolean onDevice() {
            return pipeline != null;
        }
    }

    /**
     * @param f a fragment
     * @return where it runs
     */
    public Placed place(Fragment f) {
        Optional<String> kept = sides.jvmReason(f);
        if (kept.isPresent()) {
            return new Placed(null, null, kept.get());
        }
        Placement.Decision d = Placement.decide(f, device, noDevice);
        if (!d.onDevice()) {
            return new Placed(null, null, d.reason());
        }
        DeviceWork w = d.work();
        try {
            return new Placed(w, OclPipeline.compile("f" + f.id(), device, w.stages(), w.sink()), null);
        } catch (OclBuildException e) {
            if (Fallback.off()) {
                throw e;
            }
            if (LOGGED.add(f.describe() + e.getMessage())) {
                LOG.warn("OpenCL build failed for fragment {} ({}), running it on the JVM: {}", f.id(), f.describe(),
                        e.getMessage());
            }
            return new Placed(null, null, "OpenCL program build failed on " + device.name() + ": " + firstLine(e.getMessage()));
        }
    }

    /**
     * @param f a fragment whose input is a breaker
     * @return why the breaker runs on the JVM, or empty when it runs on the device
     */
    Optional<String> breakerWhyNot(Fragment f) {
        return sides.jvmReason(f).or(() -> DeviceBreakers.whyNot(f.input(), device));
    }

    /** @return the device, or null */
    public DeviceInfo device() {
        return device;
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
