package io.pappus.opencl.exec;

import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.plan.fragment.Fragment;

import java.util.Optional;

/**
 * {@link Placement}'s verdict without building the program, for the cost model: AUTO asks
 * every device first and builds only where it places the fragment.
 */
public final class PlacementCheck {
    private PlacementCheck() {
    }

    /**
     * @param f      a fragment
     * @param device a device
     * @return why the fragment cannot run there with Java's meaning, or empty when it can
     */
    public static Optional<String> whyNot(Fragment f, DeviceInfo device) {
        Placement.Decision d = Placement.decide(f, device, "none");
        return d.onDevice() ? Optional.empty() : Optional.of(d.reason());
    }
}
