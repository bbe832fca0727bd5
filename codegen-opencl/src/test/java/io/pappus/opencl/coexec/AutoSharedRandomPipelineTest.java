package io.pappus.opencl.coexec;

import io.pappus.api.Engine;
import io.pappus.lift.LambdaLifter;
import io.pappus.place.CoexecSetting;
import io.pappus.testing.RandomPipelineSuite;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The shared RandomPipelineSuite on AUTO with co-execution forced: every fragment that reads a
 * source and ends in a shareable sink runs on the JVM and PoCL at once, whatever the model
 * predicts, so the chunk queue and the ordered combination meet random pipelines. 300 pipelines
 * in the bulk run (the plain AUTO suite runs the full 1,000).
 */
class AutoSharedRandomPipelineTest extends RandomPipelineSuite {
    private static final Engine SHARED = new AutoEngine(LambdaLifter.shared()::lift, CoexecSetting.Mode.FORCE);
    private static String tries;

    @BeforeContainer
    static void fewerPipelines() {
        tries = System.getProperty(TRIES_PROPERTY);
        if (tries == null) {
            System.setProperty(TRIES_PROPERTY, "300");
        }
    }

    @AfterContainer
    static void restore() {
        if (tries == null) {
            System.clearProperty(TRIES_PROPERTY);
        }
    }

    @Override
    protected Engine engine() {
        return SHARED;
    }
}
