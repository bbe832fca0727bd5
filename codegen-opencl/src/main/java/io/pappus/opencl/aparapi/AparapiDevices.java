package io.pappus.opencl.aparapi;

import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import io.pappus.opencl.runtime.DeviceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Aparapi's handle on the device Pappus discovered through JOCL. Both libraries load the
 * same OpenCL ICD loader and each opens its own context, so they coexist in one JVM; the match
 * is by device name and platform name.
 */
public final class AparapiDevices {
    private static final Logger LOG = LoggerFactory.getLogger(AparapiDevices.class);

    private AparapiDevices() {
    }

    /**
     * @param device a Pappus device, or null
     * @return Aparapi's device of the same name on the same platform, or null
     */
    public static OpenCLDevice match(DeviceInfo device) {
        if (device == null) {
            return null;
        }
        try {
            for (Device.TYPE t : new Device.TYPE[] {Device.TYPE.GPU, Device.TYPE.CPU, Device.TYPE.ACC}) {
                for (OpenCLDevice d : OpenCLDevice.listDevices(t)) {
                    if (d.getName().trim().equals(device.name())
                            && d.getOpenCLPlatform().getName().trim().equals(device.platform())) {
                        return d;
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Aparapi cannot list OpenCL devices: {}", e.toString());
        }
        return null;
    }
}
