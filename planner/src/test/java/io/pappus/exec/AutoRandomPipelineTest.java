package io.pappus.exec;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.RandomPipelineSuite;

/** Random pipelines on the local engine against the reference engine. */
class AutoRandomPipelineTest extends RandomPipelineSuite {
    @Override
    protected Engine engine() {
        return Engines.local(Target.AUTO);
    }
}
