package io.pappus.opencl.coexec;

import io.pappus.opencl.exec.PlacementCheck;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OpenClDevices;
import io.pappus.place.CalibrationStore;
import io.pappus.place.DeviceProfile;
import io.pappus.place.Eligibility;
import io.pappus.place.spi.DeviceProvider;
import io.pappus.place.spi.PlacementDevice;
import io.pappus.plan.fragment.Fragment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offers every OpenCL device to the cost model (registered in {@code META-INF/services}); each
 * is calibrated once ({@link OclCalibration}) and the result kept on disk.
 */
public final class OclDevices implements DeviceProvider {
    private static final Map<String, DeviceProfile> PROFILES = new ConcurrentHashMap<>();

    @Override
    public String backend() {
        return "opencl";
    }

    @Override
    public List<PlacementDevice> devices() {
        List<PlacementDevice> out = new ArrayList<>();
        for (DeviceInfo d : OpenClDevices.available()) {
            out.add(new Device(d));
        }
        return out;
    }

    /**
     * One OpenCL device as the cost model sees it.
     *
     * @param info the device
     */
    public record Device(DeviceInfo info) implements PlacementDevice {
        @Override
        public DeviceProfile profile() {
            return PROFILES.computeIfAbsent(info.id(), k -> CalibrationStore.standard().profile(
                    "opencl-" + info.platform() + "-" + info.name() + "-" + info.driverVersion(),
                    () -> OclCalibration.measure(info)));
        }

        @Override
        public Eligibility eligibility(Fragment f) {
            return PlacementCheck.fragmentWhyNot(f, info).map(Eligibility::no).orElse(Eligibility.yes());
        }

        @Override
        public boolean feedsInPlace(Fragment f) {
            return PlacementCheck.feedsInPlace(f, info);
        }
    }
}
