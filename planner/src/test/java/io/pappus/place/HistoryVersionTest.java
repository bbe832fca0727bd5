package io.pappus.place;

import org.junit.jupiter.api.Test;

import static io.pappus.place.FakeDevices.SIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A signature's version, which a kept placement is checked against: it changes when what the cost
 * model reads of the signature changes materially, and not at every noisy run.
 */
class HistoryVersionTest {
    private final ExecutionHistory history = new ExecutionHistory(0.5);

    @Test
    void aFirstMeanAWarmUpAndClearingChangeTheVersion() {
        assertEquals(0, history.version(SIG));
        history.recordWarmUp(SIG, "jvm", 1_000_000, 500e6);
        long warm = history.version(SIG);
        assertNotEquals(0, warm, "a first run on a device changes its compile cost to none");
        history.record(SIG, "jvm", 1_000_000, 5e6, 0);
        long first = history.version(SIG);
        assertNotEquals(warm, first, "a first mean replaces the calibrated throughput");
        history.clear();
        assertNotEquals(first, history.version(SIG));
    }

    @Test
    void noiseKeepsTheVersionAndASlowerDeviceChangesIt() {
        history.record(SIG, "jvm", 1_000_000, 5e6, 0);
        long v = history.version(SIG);
        history.record(SIG, "jvm", 1_000_000, 5.5e6, 0);  // 10% slower: the mean moves 5%
        history.record(SIG, "jvm", 1_000_000, 4.6e6, 0);
        assertEquals(v, history.version(SIG));
        history.record(SIG, "jvm", 1_000_000, 10e6, 0);  // twice as slow: the mean moves ~50%
        assertNotEquals(v, history.version(SIG));
    }

    @Test
    void aRunOfMostlyFixedCostsKeepsTheVersionWhateverItsMeanDoes() {
        history.record(SIG, "jvm", 10_000, 100_000, 80_000);  // 2 ns per element over an 80 us launch
        long v = history.version(SIG);
        history.record(SIG, "jvm", 10_000, 85_000, 80_000);  // the mean falls by 37%: 7.5 us of the run
        assertEquals(v, history.version(SIG));
    }
}
