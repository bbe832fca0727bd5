package io.pappus.jvm.place;

import io.pappus.jvm.exec.ChunkRunner;
import io.pappus.place.CalibrationStore;
import io.pappus.place.DeviceProfile;
import io.pappus.place.Eligibility;
import io.pappus.place.spi.DeviceProvider;
import io.pappus.place.spi.PlacementDevice;
import io.pappus.plan.fragment.Fragment;

import java.util.List;

/**
 * Offers the JVM backend (generated Java on every core) to the cost model, registered in
 * {@code META-INF/services}. It runs every fragment: what it cannot compile runs by reference.
 */
public final class JvmDevices implements DeviceProvider {
    /** The JVM backend's device id. */
    public static final String ID = "jvm";
    private static volatile DeviceProfile profile;

    @Override
    public String backend() {
        return "jvm";
    }

    @Override
    public List<PlacementDevice> devices() {
        return List.of(new PlacementDevice() {
            @Override
            public DeviceProfile profile() {
                return JvmDevices.profile();
            }

            @Override
            public Eligibility eligibility(Fragment f) {
                return Eligibility.yes();
            }
        });
    }

    /** @return the JVM's profile, calibrated once per machine, core count and JDK */
    static DeviceProfile profile() {
        DeviceProfile p = profile;
        if (p == null) {
            synchronized (JvmDevices.class) {
                if (profile == null) {
                    String key = "jvm-" + ChunkRunner.threads() + "threads-" + Runtime.version().feature() + "-"
                            + System.getProperty("os.arch");
                    profile = CalibrationStore.standard().profile(key, JvmCalibration::measure);
                }
                p = profile;
            }
        }
        return p;
    }
}
