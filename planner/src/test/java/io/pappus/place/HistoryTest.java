package io.pappus.place;

import org.junit.jupiter.api.Test;

import static io.pappus.place.FakeDevices.SIG;
import static io.pappus.place.FakeDevices.cpu;
import static io.pappus.place.FakeDevices.gpu;
import static io.pappus.place.FakeDevices.map;
import static io.pappus.place.FakeDevices.offers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Measured runs replace calibration in the computation term, and move the choice. */
class HistoryTest {
    private final ExecutionHistory history = new ExecutionHistory(0.5);
    private final CostModel model = new CostModel(history);
    private final Placer placer = new Placer(model);

    private String choice(long n) {
        return placer.decide(map(n), offers(cpu(), gpu(100_000, 12.0)), "single device under test").device().id();
    }

    @Test
    void measuredRunsReplaceCalibration() {
        WorkEstimate w = map(1_000_000);
        assertFalse(model.predict(w, cpu(), true).fromHistory());
        history.record(SIG, "jvm", 1_000_000, 3_020_000, 20_000);  // 3 ns per element computing
        Prediction p = model.predict(w, cpu(), true);
        assertTrue(p.fromHistory());
        assertEquals(3_000_000, p.compute(), 1e-6);
        assertEquals(6_000_000, model.predict(map(2_000_000), cpu(), true).compute(), 1e-6);
    }

    @Test
    void meanIsExponentiallyWeighted() {
        history.record(SIG, "jvm", 10_000, 10_000 * 4.0, 0);
        history.record(SIG, "jvm", 10_000, 10_000 * 8.0, 0);
        assertEquals(6.0, history.nanosPerElement(SIG, "jvm").getAsDouble(), 1e-9);
        history.record(SIG, "jvm", 10_000, 10_000 * 8.0, 0);
        assertEquals(7.0, history.nanosPerElement(SIG, "jvm").getAsDouble(), 1e-9);
    }

    @Test
    void aWarmUpRunIsShownButKeptOutOfTheMean() {
        history.recordWarmUp(SIG, "jvm", 1_000_000, 570e6);  // compile and cold JIT
        assertTrue(history.nanosPerElement(SIG, "jvm").isEmpty());
        assertEquals(570e6, history.last(SIG, "jvm").orElseThrow().nanos());
        history.record(SIG, "jvm", 1_000_000, 5e6, 0);
        assertEquals(5.0, history.nanosPerElement(SIG, "jvm").getAsDouble(), 1e-9);
    }

    @Test
    void tinyRunsDoNotMoveTheMeanButAreShown() {
        history.record(SIG, "jvm", 100, 1e9, 0);
        assertTrue(history.nanosPerElement(SIG, "jvm").isEmpty());
        assertEquals(100, history.last(SIG, "jvm").orElseThrow().elements());
    }

    @Test
    void aGpuThatMeasuresSlowerThanCalibratedLosesTheFragment() {
        long n = 4_000_000;  // far above the calibrated crossover (~23,500)
        assertEquals("gpu", choice(n));
        // the GPU measures 6 ns per element of computation (calibration said 0.25): slower than the CPU's 5
        for (int i = 0; i < 3; i++) {
            Prediction fixed = model.predict(map(n), gpu(100_000, 12.0), true);
            history.record(SIG, "gpu", n, fixed.launch() + fixed.transferIn() + fixed.transferOut() + 6.0 * n,
                    fixed.launch() + fixed.transferIn() + fixed.transferOut());
        }
        assertEquals("jvm", choice(n));
    }

    @Test
    void aDeviceThatGotSlowerLosesWorkAndWinsItBackWhenItRecovers() {
        long n = 200_000;
        Prediction g = model.predict(map(n), gpu(100_000, 12.0), true);
        double fixed = g.launch() + g.transferIn() + g.transferOut();
        history.record(SIG, "jvm", n, 20_000 + 5.0 * n, 20_000);
        history.record(SIG, "gpu", n, fixed + 0.25 * n, fixed);
        assertEquals("gpu", choice(n));
        int runs = 0;
        while (choice(n).equals("gpu")) {  // the GPU is now loaded: 8x slower per element
            history.record(SIG, "gpu", n, fixed + 8 * 0.25 * n * 4, fixed);
            runs++;
            assertTrue(runs < 10, "the loaded GPU kept the work");
        }
        assertEquals("jvm", choice(n));
        for (int i = 0; i < 20 && choice(n).equals("jvm"); i++) {
            history.record(SIG, "gpu", n, fixed + 0.25 * n, fixed);  // unloaded again (measured by a probe run)
        }
        assertEquals("gpu", choice(n));
    }

    /**
     * One stalled run must not keep a device out for good: the device not chosen is never measured
     * again, so its inflated mean is forgotten after {@link ExecutionHistory#STALE_RUNS} runs
     * elsewhere, the choice returns to it, and its next run starts a fresh mean.
     */
    @Test
    void aStalledDeviceIsTriedAgainAfterStaleRunsAndStartsAFreshMean() {
        long n = 1_000_000;
        history.record(SIG, "gpu", n, 500e6, 100_000);  // one run stalled: 500 ns per element
        assertEquals("jvm", choice(n));
        for (long k = 1; k < ExecutionHistory.STALE_RUNS; k++) {
            history.record(SIG, "jvm", n, 5e6, 20_000);
        }
        assertEquals("jvm", choice(n), "still within the window: the stalled mean stands");
        long v = history.version(SIG);
        history.record(SIG, "jvm", n, 5e6, 20_000);
        assertTrue(history.nanosPerElement(SIG, "gpu").isEmpty(), "stale: forgotten");
        assertTrue(history.version(SIG) != v, "a mean going stale places the signature again");
        assertEquals("gpu", choice(n), "calibration (40 units per ns) makes the GPU worth a second look");
        history.record(SIG, "gpu", n, 1.1e6, 100_000);  // the second look: 1 ns per element
        assertEquals(1.0, history.nanosPerElement(SIG, "gpu").getAsDouble(), 1e-9, "a fresh mean, not the stalled one");
        assertEquals("gpu", choice(n));
    }
}
