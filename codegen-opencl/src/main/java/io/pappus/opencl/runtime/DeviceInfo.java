package io.pappus.opencl.runtime;

/**
 * What one OpenCL device is, as read once at discovery. Plain immutable data: it holds no
 * driver handle, so it can be logged, compared and shown in {@code explain()}.
 *
 * <pre>{@code
 * DeviceInfo d = OpenClDevices.available().get(0);
 * if (d.fp64()) { ... }
 * }</pre>
 *
 * @param id              a stable key inside this process: {@code platformIndex:deviceIndex}
 * @param name            the device name
 * @param vendor          the device vendor
 * @param platform        the platform name
 * @param driverVersion   the driver version (part of the binary cache key)
 * @param type            {@code CPU}, {@code GPU}, {@code ACCELERATOR} or {@code OTHER}
 * @param globalMemory    global memory in bytes
 * @param maxAlloc        the largest single buffer in bytes
 * @param computeUnits    compute units
 * @param maxWorkGroup    the largest work-group size
 * @param localMemory     local memory per work-group in bytes
 * @param fp64            whether doubles are supported ({@code cl_khr_fp64} or a double fp config)
 * @param openClCVersion  the OpenCL C version string, e.g. {@code OpenCL C 1.2 pocl}
 */
public record DeviceInfo(String id, String name, String vendor, String platform, String driverVersion,
                         String type, long globalMemory, long maxAlloc, int computeUnits, long maxWorkGroup,
                         long localMemory, boolean fp64, String openClCVersion) {

    /** @return a one-line description for logs */
    public String describe() {
        return String.format("%s [%s, %s, %s, %d CUs, %d MiB, fp64=%s, %s]", name, type, vendor, platform,
                computeUnits, globalMemory >> 20, fp64, openClCVersion);
    }
}
