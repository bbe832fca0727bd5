package io.pappus.place;

import java.util.List;

/** Device profiles for model tests: no GPU needed. */
final class FakeDevices {
    static final String SIG = "test-signature";

    private FakeDevices() {
    }

    /** A CPU: no transfer (host memory), small launch, 2 work units per ns. */
    static DeviceProfile cpu() {
        return new DeviceProfile("jvm", "JVM", "jvm", 20_000, Double.POSITIVE_INFINITY, 2.0, 0, true);
    }

    /** A GPU: PCIe link, large launch, 40 work units per ns. */
    static DeviceProfile gpu(double launchNanos, double linkBytesPerNano) {
        return new DeviceProfile("gpu", "GPU", "opencl", launchNanos, linkBytesPerNano, 40.0, 0, true);
    }

    /** Doubles in, one double out per element, 10 work units per element. */
    static WorkEstimate map(long n) {
        return new WorkEstimate(SIG, n, 8 * n, 8 * n, 10);
    }

    static List<Offer> offers(DeviceProfile... ds) {
        return java.util.Arrays.stream(ds).map(d -> new Offer(d, Eligibility.yes(), true)).toList();
    }
}
