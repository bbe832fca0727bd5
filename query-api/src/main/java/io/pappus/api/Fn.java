package io.pappus.api;

import java.io.Serializable;

/**
 * A one-argument function that Pappus can lift from its bytecode.
 *
 * <p>It extends {@link Serializable} so that the compiler emits a {@code writeReplace}
 * method for lambdas and method references; Pappus reads the lambda's implementation
 * method through it. Write it as an ordinary lambda:
 *
 * <pre>{@code
 * DataSet<Double> scaled = DataSet.from(prices).map(p -> p * 1.2);
 * }</pre>
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Fn<T, R> extends Serializable {
    /**
     * Applies this function.
     *
     * @param t the argument
     * @return the result
     */
    R apply(T t);
}
