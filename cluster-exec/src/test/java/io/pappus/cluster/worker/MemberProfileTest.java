package io.pappus.cluster.worker;

import io.pappus.cluster.remote.ChunkRunners;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OpenClDevices;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The member profile: what is measured, and its round trip through member attributes. */
class MemberProfileTest {

    @Test
    void measureReadsThisJvmAndTheOpenClBackend() {
        MemberProfile p = MemberProfile.measure(50);
        assertEquals(Runtime.getRuntime().availableProcessors(), p.cores());
        assertEquals(Runtime.getRuntime().maxMemory(), p.maxMemory());
        List<DeviceInfo> devices = OpenClDevices.available();  // the backend is on the test class path
        assertEquals(devices.size(), p.devices().size(), p.devices()::toString);
        for (int i = 0; i < devices.size(); i++) {
            assertTrue(p.devices().get(i).startsWith(devices.get(i).type() + ":"), p.devices()::toString);
        }
        // 2^18 doubles through map, filter and sum: even the interpreter does over 10^5 a second.
        assertTrue(p.throughput() > 1e5, () -> "throughput " + p.throughput());
        assertEquals(ChunkRunners.get().describe(), p.runner());
    }

    @Test
    void withoutTheProbeNoDevicesAreAdvertised() {
        assertEquals(List.of(), MemberProfile.measure(20, false).devices());
    }

    @Test
    void attributesRoundTrip() {
        MemberProfile p = new MemberProfile(16, 64L << 30, List.of("GPU:NVIDIA H100", "CPU:pthread-EPYC"), 2.5e8,
                "opencl on NVIDIA H100 where the device can run the pipeline, else jvm");
        Map<String, String> a = p.attributes();
        assertEquals("16", a.get(MemberProfile.CORES));
        assertEquals("GPU:NVIDIA H100;CPU:pthread-EPYC", a.get(MemberProfile.DEVICES));
        assertEquals(p, MemberProfile.fromAttributes(a));
        assertTrue(p.hasGpu());
        MemberProfile none = new MemberProfile(2, 1L << 30, List.of(), 1e6, "jvm");
        assertEquals("", none.attributes().get(MemberProfile.DEVICES));
        assertEquals(none, MemberProfile.fromAttributes(none.attributes()));
        assertFalse(none.hasGpu());
    }

    @Test
    void aMissingOrMalformedAttributeIsNamed() {
        Map<String, String> a = new HashMap<>(new MemberProfile(2, 1L << 30, List.of(), 1e6, "jvm").attributes());
        a.remove(MemberProfile.THROUGHPUT);
        NullPointerException missing = assertThrows(NullPointerException.class, () -> MemberProfile.fromAttributes(a));
        assertTrue(missing.getMessage().contains(MemberProfile.THROUGHPUT), missing.getMessage());
        a.put(MemberProfile.THROUGHPUT, "fast");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> MemberProfile.fromAttributes(a));
        assertTrue(bad.getMessage().contains("fast"), bad.getMessage());
    }

    @Test
    void impossibleProfilesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MemberProfile(0, 1, List.of(), 1, "jvm"));
        assertThrows(IllegalArgumentException.class, () -> new MemberProfile(1, 1, List.of(), Double.NaN, "jvm"));
        assertThrows(IllegalArgumentException.class, () -> new MemberProfile(1, 1, List.of("a;b"), 1, "jvm"));
    }
}
