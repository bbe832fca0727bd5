package io.pappus.opencl.engine;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.OperatorSuite;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The shared OperatorSuite on Target.OPENCL, against the reference engine. */
class OclOperatorTest extends OperatorSuite {
    private static DeviceBreakerCoverage coverage;

    @BeforeContainer
    static void countBefore() {
        coverage = DeviceBreakerCoverage.start();
    }

    /** The suite's orderBy, distinct, groupBy, join and zip cases ran on the device, not only on the JVM. */
    @AfterContainer
    static void breakersRanOnTheDevice() {
        coverage.assertEachRan();
    }

    @Override
    protected Engine engine() {
        return Engines.local(Target.OPENCL);
    }
}
