package io.pappus.opencl.runtime;

/** Child-process entry of {@link DiscoveryTest}: asks twice, prints the device count. */
public final class NoDeviceProbe {
    private NoDeviceProbe() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        OpenClDevices.available();
        System.out.println("devices=" + OpenClDevices.available().size());
    }
}
