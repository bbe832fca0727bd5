package io.pappus.jvm;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.RandomPipelineSuite;

/** The shared RandomPipelineSuite on Target.JVM, against the reference engine. */
class JvmRandomPipelineTest extends RandomPipelineSuite {
    @Override
    protected Engine engine() {
        return Engines.local(Target.JVM);
    }
}
