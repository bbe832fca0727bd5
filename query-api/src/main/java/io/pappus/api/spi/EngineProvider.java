package io.pappus.api.spi;

import io.pappus.api.Engine;
import io.pappus.api.Target;

/**
 * Makes local engines; found with {@link java.util.ServiceLoader}. The planner module ships
 * the standard one, so {@code query-api} knows no implementation.
 */
public interface EngineProvider {

    /**
     * @param target where the engine runs queries
     * @return an engine for that target
     * @throws IllegalStateException if the modules that target needs are not on the class path
     */
    Engine local(Target target);

    /** @return the provider with the highest priority wins when several are found */
    default int priority() {
        return 0;
    }
}
