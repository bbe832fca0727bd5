package io.pappus.opencl.engine;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.OperatorSuite;

/** The shared OperatorSuite on Target.OPENCL, against the reference engine. */
class OclOperatorTest extends OperatorSuite {
    @Override
    protected Engine engine() {
        return Engines.local(Target.OPENCL);
    }
}
