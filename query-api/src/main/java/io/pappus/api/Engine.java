package io.pappus.api;

import io.pappus.api.query.Node;
import io.pappus.api.query.Terminal;

/**
 * Runs queries: the SPI between the fluent API and an implementation (the local engine with
 * its backends, the reference engine, a cluster). Get one from {@link Engines}; implement
 * one by shipping an {@link io.pappus.api.spi.EngineProvider} or by handing an instance to
 * {@link DataSet#on(Engine)}.
 *
 * <pre>{@code
 * Engine oracle = Engines.local(Target.REFERENCE);
 * long n = DataSet.range(0, 100).filter(i -> i % 3 == 0).on(oracle).count();
 * }</pre>
 */
public interface Engine {

    /**
     * Runs a query.
     *
     * @param plan     the query tree
     * @param terminal the action that ends it
     * @param <R>      the result type
     * @return the result, as plain Java values
     */
    <R> R execute(Node plan, Terminal<R> terminal);

    /**
     * Describes how this engine would run a query: the plan, lifted IR, fragments,
     * placement and generated code, as far as this engine has them.
     *
     * @param plan     the query tree
     * @param terminal the action that ends it
     * @return a multi-line, human-readable description
     */
    String explain(Node plan, Terminal<?> terminal);

    /** @return a short name for logs and plans, e.g. {@code local[AUTO]} */
    String name();
}
