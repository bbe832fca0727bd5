package io.pappus.opencl.engine;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.RandomPipelineSuite;

/** The shared RandomPipelineSuite on Target.OPENCL, against the reference engine. */
class OclRandomPipelineTest extends RandomPipelineSuite {
    @Override
    protected Engine engine() {
        return Engines.local(Target.OPENCL);
    }
}
