package io.pappus.place;

/**
 * What the cost model knows about one device, as plain data: measured once by the backend
 * (see {@link CalibrationStore}) or written by hand in tests.
 *
 * <pre>{@code
 * DeviceProfile gpu = new DeviceProfile("opencl:0:0", "GTX", "opencl", 20_000, 12.0, 400.0, 300e6, true);
 * }</pre>
 *
 * @param id           a stable key, e.g. {@code jvm} or {@code opencl:0:0}
 * @param name         for explain, e.g. {@code JVM (2 cores)}
 * @param backend      which backend runs it: {@code jvm} or {@code opencl}
 * @param launchNanos  fixed cost of one fragment run (dispatch, kernel launch, synchronisation)
 * @param linkBytesPerNano bytes per nanosecond between host and device memory (GB/s);
 *                     {@code Double.POSITIVE_INFINITY} where the device reads host memory directly
 * @param workPerNano  work units per nanosecond (see {@link WorkEstimate#workPerElement})
 * @param compileNanos cost of compiling a fragment that is not cached
 * @param fp64         whether the device computes in double precision
 */
public record DeviceProfile(String id, String name, String backend, double launchNanos, double linkBytesPerNano,
                            double workPerNano, double compileNanos, boolean fp64) {
    public DeviceProfile {
        if (!(launchNanos >= 0) || !(linkBytesPerNano > 0) || !(workPerNano > 0) || !(compileNanos >= 0)) {
            throw new IllegalArgumentException("device profile " + id + " needs launch >= 0, link > 0, throughput > 0"
                    + " and compile >= 0, got " + launchNanos + ", " + linkBytesPerNano + ", " + workPerNano + ", "
                    + compileNanos);
        }
    }

    /** @return whether the device computes in host memory (the JVM): nothing crosses a bus to reach it */
    public boolean readsHostMemory() {
        return linkBytesPerNano == Double.POSITIVE_INFINITY;
    }

    /**
     * @param factor how much slower the device got (2 = half the throughput)
     * @return this profile with its throughput divided by {@code factor}
     */
    public DeviceProfile slowedBy(double factor) {
        return new DeviceProfile(id, name, backend, launchNanos, linkBytesPerNano, workPerNano / factor, compileNanos, fp64);
    }
}
