package io.pappus.exec;

import io.pappus.api.Engine;
import io.pappus.api.Target;
import io.pappus.api.spi.EngineProvider;
import io.pappus.exec.spi.TargetEngineFactory;
import io.pappus.plan.Lifting;
import io.pappus.plan.LogicalPlanner;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The standard {@link EngineProvider}: local engines for every {@link Target}. Registered in
 * {@code META-INF/services}, so {@code Engines.local(...)} finds it.
 */
public final class LocalEngineProvider implements EngineProvider {

    @Override
    public Engine local(Target target) {
        return switch (target) {
            case REFERENCE -> new ReferenceEngine();
            case AUTO -> factory(Target.AUTO).or(() -> factory(Target.JVM))  // AUTO ships with the OpenCL backend
                    .map(f -> f.create(lifting()))
                    .orElseGet(() -> new InterpretingEngine(new LogicalPlanner(lifting()), "local[AUTO]"));
            case JVM -> factory(target).orElseThrow(() -> new IllegalStateException(
                    "Target.JVM needs the JVM backend: add io.pappus:pappus-codegen-jvm to the class path"))
                    .create(lifting());
            case OPENCL -> factory(target).orElseThrow(() -> new IllegalStateException(
                    "Target.OPENCL needs the OpenCL backend: add io.pappus:pappus-codegen-opencl to the class path"))
                    .create(lifting());
        };
    }

    private static Optional<TargetEngineFactory> factory(Target target) {
        return ServiceLoader.load(TargetEngineFactory.class, LocalEngineProvider.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.target() == target)
                .findFirst();
    }

    /** @return the lifter every local engine plans with */
    static Lifting lifting() {
        return Lifting.shared();
    }
}
