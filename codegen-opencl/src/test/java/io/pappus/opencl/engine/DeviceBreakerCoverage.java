package io.pappus.opencl.engine;

import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.opencl.OclEngine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts the breaker runs the shared suites send to the device, so a suite can assert that its
 * orderBy, distinct, groupBy, join and zip cases really ran there and not on the JVM.
 */
final class DeviceBreakerCoverage {
    private static final List<String> BREAKERS = List.of("orderBy", "distinct", "groupBy", "join", "zip");
    private final Map<String, Long> before = new LinkedHashMap<>();

    private DeviceBreakerCoverage() {
    }

    /** @return the counts now, to compare with later */
    static DeviceBreakerCoverage start() {
        DeviceBreakerCoverage c = new DeviceBreakerCoverage();
        for (String b : BREAKERS) {
            c.before.put(b, engine().runLog().breakerRuns(b));
        }
        return c;
    }

    /** Fails unless every breaker ran on the device since {@link #start}. */
    void assertEachRan() {
        Map<String, Long> ran = new LinkedHashMap<>();
        for (String b : BREAKERS) {
            ran.put(b, engine().runLog().breakerRuns(b) - before.get(b));
        }
        assertTrue(ran.values().stream().allMatch(n -> n > 0), "device breaker runs in this suite: " + ran);
    }

    private static OclEngine engine() {
        return (OclEngine) Engines.local(Target.OPENCL);
    }
}
