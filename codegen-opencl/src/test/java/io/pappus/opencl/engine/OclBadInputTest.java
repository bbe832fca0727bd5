package io.pappus.opencl.engine;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.BadInputSuite;

/** The shared BadInputSuite on Target.OPENCL, against the reference engine. */
class OclBadInputTest extends BadInputSuite {
    @Override
    protected Engine engine() {
        return Engines.local(Target.OPENCL);
    }
}
