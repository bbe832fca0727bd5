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
}
