package io.pappus.opencl.runtime;

import io.pappus.opencl.OclTestDevice;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device discovery reads real properties, and a machine without OpenCL gets an empty list. */
class DiscoveryTest {

    @Test
    void describesTheDevice() {
        DeviceInfo d = OclTestDevice.get();
        assertFalse(d.name().isBlank());
        assertTrue(d.globalMemory() > 0 && d.maxAlloc() > 0 && d.maxAlloc() <= d.globalMemory(), d.describe());
        assertTrue(d.computeUnits() > 0 && d.maxWorkGroup() > 0 && d.localMemory() > 0, d.describe());
        assertTrue(d.openClCVersion().startsWith("OpenCL C"), d.openClCVersion());
        assertTrue(OpenClDevices.unavailableReason().isEmpty());
    }

    @Test
    void aProcessWithoutAnOpenClPlatformGetsNoDeviceAndNoException() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), NoDeviceProbe.class.getName());
        pb.environment().put("OCL_ICD_VENDORS", "/nonexistent-pappus-vendors"); // ocl-icd then finds no platform
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("devices=0"), out);
        assertEquals(1, out.split("OpenCL unavailable", -1).length - 1, "said once: " + out);
    }
}
