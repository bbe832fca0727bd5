package io.pappus.cluster.worker;

import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OpenClDevices;

import java.util.ArrayList;
import java.util.List;

/** The only class of the worker that names the OpenCL backend; loaded only when it is present. */
final class OpenClProbe {
    private OpenClProbe() {
    }

    static List<String> devices() {
        List<String> out = new ArrayList<>();
        for (DeviceInfo d : OpenClDevices.available()) {
            out.add(d.type() + ":" + d.name().replace(';', ',').trim());
        }
        return out;
    }
}
