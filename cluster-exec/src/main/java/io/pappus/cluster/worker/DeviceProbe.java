package io.pappus.cluster.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Lists the member's OpenCL devices when the OpenCL backend is on the class path. The backend
 * is an optional dependency: without it (or without an OpenCL driver) the member has none.
 */
final class DeviceProbe {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceProbe.class);
    private static final String DEVICES_CLASS = "io.pappus.opencl.runtime.OpenClDevices";

    private DeviceProbe() {
    }

    /** @return {@code TYPE:name} per device, empty when the backend or a driver is absent. Never throws. */
    static List<String> openClDevices() {
        try {
            Class.forName(DEVICES_CLASS, false, DeviceProbe.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            LOG.info("no OpenCL backend on the class path: this member advertises no devices");
            return List.of();
        }
        try {
            return OpenClProbe.devices();
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("OpenCL backend present but unusable, no devices advertised: {}", e.toString());
            return List.of();
        }
    }
}
