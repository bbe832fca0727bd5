package io.pappus.exec;

import io.pappus.api.Engine;
import io.pappus.api.Target;
import io.pappus.api.spi.EngineProvider;
import io.pappus.ir.SourceRef;
import io.pappus.lift.LiftResult;
import io.pappus.plan.Lifting;
import io.pappus.plan.LogicalPlanner;

/**
 * The standard {@link EngineProvider}: local engines for every {@link Target}. Registered in
 * {@code META-INF/services}, so {@code Engines.local(...)} finds it.
 */
public final class LocalEngineProvider implements EngineProvider {

    @Override
    public Engine local(Target target) {
        return switch (target) {
            case REFERENCE -> new ReferenceEngine();
            case AUTO -> new InterpretingEngine(new LogicalPlanner(lifting()), "local[AUTO]");
            case JVM -> throw new IllegalStateException(
                    "Target.JVM needs the JVM backend: add io.pappus:pappus-codegen-jvm to the class path");
            case OPENCL -> throw new IllegalStateException(
                    "Target.OPENCL needs the OpenCL backend: add io.pappus:pappus-codegen-opencl to the class path");
        };
    }

    /** @return the lifter every local engine plans with */
    static Lifting lifting() {
        return (fn, types) -> new LiftResult.Opaque("the lambda lifter is not built yet", SourceRef.UNKNOWN);
    }
}
