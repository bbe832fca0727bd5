package io.pappus.api;

import java.io.Serializable;

/**
 * A predicate that Pappus can lift from its bytecode.
 *
 * <pre>{@code
 * DataSet<Double> expensive = DataSet.from(prices).filter(p -> p > 10.0);
 * }</pre>
 *
 * @param <T> the argument type
 */
@FunctionalInterface
public interface Pred<T> extends Serializable {
    /**
     * Tests one element.
     *
     * @param t the element
     * @return whether the element is kept
     */
    boolean test(T t);
}
