package io.pappus.place.spi;

import io.pappus.place.DeviceProfile;
import io.pappus.place.Eligibility;
import io.pappus.plan.fragment.Fragment;

/**
 * One device a backend offers to the cost model: its profile (calibrated once) and whether
 * it can run a given fragment with Java's meaning.
 */
public interface PlacementDevice {

    /** @return the device's profile */
    DeviceProfile profile();

    /**
     * @param f a fragment
     * @return whether this device can run it, and why not
     */
    Eligibility eligibility(Fragment f);

    /**
     * @param f a fragment whose input is a breaker over other fragments
     * @return whether, run here, it reads its feeds' outputs where they were computed (this device
     *         runs its breaker too), so that an edge from a feed on this device moves nothing; by
     *         default not: it reads them from host memory
     */
    default boolean feedsInPlace(Fragment f) {
        return false;
    }
}
