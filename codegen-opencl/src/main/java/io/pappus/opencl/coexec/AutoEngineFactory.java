package io.pappus.opencl.coexec;

import io.pappus.api.Engine;
import io.pappus.api.Target;
import io.pappus.exec.spi.TargetEngineFactory;
import io.pappus.plan.Lifting;

/** Serves {@code Target.AUTO} when the OpenCL backend is present (registered in {@code META-INF/services}). */
public final class AutoEngineFactory implements TargetEngineFactory {
    @Override
    public Target target() {
        return Target.AUTO;
    }

    @Override
    public Engine create(Lifting lifting) {
        return new AutoEngine(lifting);
    }
}
