package io.pappus.api;

import java.io.Serializable;

/**
 * A two-argument function that Pappus can lift from its bytecode, used by reductions,
 * joins and zips.
 *
 * <pre>{@code
 * double total = DataSet.from(prices).reduce(0.0, Double::sum);
 * }</pre>
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Fn2<A, B, R> extends Serializable {
    /**
     * Applies this function.
     *
     * @param a the first argument
     * @param b the second argument
     * @return the result
     */
    R apply(A a, B b);
}
