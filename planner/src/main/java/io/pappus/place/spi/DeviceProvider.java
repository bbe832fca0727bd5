package io.pappus.place.spi;

import java.util.List;

/**
 * A backend's devices, found with {@link java.util.ServiceLoader} (registered in
 * {@code META-INF/services/io.pappus.place.spi.DeviceProvider}): codegen-jvm offers the JVM
 * (all cores), codegen-opencl each OpenCL device. The planner knows no backend.
 */
public interface DeviceProvider {

    /** @return the backend's name, {@code jvm} or {@code opencl} */
    String backend();

    /** @return its devices; empty when it has none (no OpenCL driver, say) */
    List<PlacementDevice> devices();
}
