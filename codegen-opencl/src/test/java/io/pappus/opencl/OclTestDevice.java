package io.pappus.opencl;

import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OpenClDevices;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The device tests run on. No device fails the test with the reason, unless
 * {@code -Dpappus.opencl.optional=true} says OpenCL is optional on this machine.
 */
public final class OclTestDevice {
    private OclTestDevice() {
    }

    /** @return the first OpenCL device */
    public static DeviceInfo get() {
        if (OpenClDevices.available().isEmpty()) {
            String why = "no OpenCL device: " + OpenClDevices.unavailableReason().orElse("?")
                    + " (install pocl-opencl-icd, or run with -Dpappus.opencl.optional=true)";
            if (Boolean.getBoolean("pappus.opencl.optional")) {
                Assumptions.abort(why);
            }
            fail(why);
        }
        return OpenClDevices.available().get(0);
    }
}
