package io.pappus.api;

import io.pappus.api.spi.EngineProvider;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The engines a program can run queries on. A query with no {@link DataSet#on(Engine)} runs
 * on {@link #defaultEngine()}: {@link #local()} unless the system property
 * {@code pappus.target} ({@code auto|jvm|opencl|reference}) names another target.
 *
 * <pre>{@code
 * List<Double> xs = DataSet.from(values).map(v -> v * 2).on(Engines.local(Target.JVM)).toList();
 * }</pre>
 */
public final class Engines {
    /** The system property that picks the default target. */
    public static final String TARGET_PROPERTY = "pappus.target";

    private static final Map<Target, Engine> LOCAL = new EnumMap<>(Target.class);
    private static EngineProvider provider;

    private Engines() {
    }

    /** @return the local engine that picks devices itself ({@link Target#AUTO}) */
    public static Engine local() {
        return local(Target.AUTO);
    }

    /**
     * @param target where to run
     * @return the local engine for that target, one instance per target in this process
     * @throws IllegalStateException if no engine implementation is on the class path, or the
     *                               target's backend module is missing
     */
    public static synchronized Engine local(Target target) {
        Objects.requireNonNull(target, "target");
        Engine e = LOCAL.get(target);
        if (e == null) {
            e = provider().local(target);
            LOCAL.put(target, e);
        }
        return e;
    }

    /** @return the engine a query runs on when it names none */
    public static Engine defaultEngine() {
        String name = System.getProperty(TARGET_PROPERTY);
        return local(name == null || name.isBlank() ? Target.AUTO : Target.parse(name));
    }

    private static EngineProvider provider() {
        if (provider == null) {
            provider = ServiceLoader.load(EngineProvider.class, Engines.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .max(Comparator.comparingInt(EngineProvider::priority))
                    .orElseThrow(() -> new IllegalStateException(
                            "no Pappus engine on the class path: add the dependency io.pappus:pappus-planner"));
        }
        return provider;
    }
}
