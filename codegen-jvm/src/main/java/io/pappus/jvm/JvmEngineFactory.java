package io.pappus.jvm;

import io.pappus.api.Engine;
import io.pappus.api.Target;
import io.pappus.exec.spi.TargetEngineFactory;
import io.pappus.plan.Lifting;

/** Registers {@link JvmEngine} for {@code Target.JVM} (and so {@code Target.AUTO}) via ServiceLoader. */
public final class JvmEngineFactory implements TargetEngineFactory {
    @Override
    public Target target() {
        return Target.JVM;
    }

    @Override
    public Engine create(Lifting lifting) {
        return new JvmEngine(lifting);
    }
}
