package io.pappus.exec.spi;

import io.pappus.api.Engine;
import io.pappus.api.Target;
import io.pappus.plan.Lifting;

/**
 * A backend module's engine for one {@link Target}, found with {@link java.util.ServiceLoader}
 * by the local engine provider: codegen-jvm ships one for {@code Target.JVM}, codegen-opencl
 * one for {@code Target.OPENCL}. A module left off the class path is simply not found.
 */
public interface TargetEngineFactory {

    /** @return the target this factory serves */
    Target target();

    /**
     * @param lifting the lifter to plan with
     * @return a new engine
     */
    Engine create(Lifting lifting);
}
