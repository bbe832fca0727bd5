package io.pappus.opencl.coexec;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.RandomPipelineSuite;

/** The shared RandomPipelineSuite on Target.AUTO (PoCL + JVM), against the reference engine. */
class AutoRandomPipelineTest extends RandomPipelineSuite {
    @Override
    protected Engine engine() {
        return Engines.local(Target.AUTO);
    }
}
