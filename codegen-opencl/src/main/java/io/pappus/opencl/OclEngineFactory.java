package io.pappus.opencl;

import io.pappus.api.Engine;
import io.pappus.api.Target;
import io.pappus.exec.spi.TargetEngineFactory;
import io.pappus.plan.Lifting;

/** Serves {@code Target.OPENCL} (registered in {@code META-INF/services}). */
public final class OclEngineFactory implements TargetEngineFactory {
    @Override
    public Target target() {
        return Target.OPENCL;
    }

    @Override
    public Engine create(Lifting lifting) {
        return new OclEngine(lifting);
    }
}
