package io.pappus.place;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calibration is measured once per device and kept on disk. */
class CalibrationStoreTest {
    @Test
    void measuresOnceThenReadsTheKeptFile() throws Exception {
        Path dir = Path.of("target", "calibration-test-" + System.nanoTime());
        AtomicInteger measured = new AtomicInteger();
        DeviceProfile p = new DeviceProfile("opencl:0:0", "pthread cpu", "opencl", 41_000, 9.5, 1.25, 3e6, true);
        DeviceProfile first = new CalibrationStore(dir).profile("opencl pthread/1.0", () -> {
            measured.incrementAndGet();
            return p;
        });
        DeviceProfile again = new CalibrationStore(dir).profile("opencl pthread/1.0", () -> {
            measured.incrementAndGet();
            return p.slowedBy(2);
        });
        assertEquals(p, first);
        assertEquals(p, again);
        assertEquals(1, measured.get());
        assertTrue(Files.exists(dir.resolve("opencl_pthread_1.0.properties")));
    }

    @Test
    void anUnreadableFileIsMeasuredAgain() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "calibration-test-" + System.nanoTime()));
        Files.writeString(dir.resolve("jvm.properties"), "launchNanos=oops\n");
        DeviceProfile p = new DeviceProfile("jvm", "JVM", "jvm", 1, Double.POSITIVE_INFINITY, 1, 0, true);
        assertEquals(p, new CalibrationStore(dir).profile("jvm", () -> p));
        assertEquals(p, new CalibrationStore(dir).profile("jvm", () -> p.slowedBy(3)));
    }
}
