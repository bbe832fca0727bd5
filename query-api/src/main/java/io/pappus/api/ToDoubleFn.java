package io.pappus.api;

import java.io.Serializable;

/**
 * A function to {@code double} that Pappus can lift from its bytecode, used by
 * {@link DataSet#sum} and {@link DataSet#average}.
 *
 * <pre>{@code
 * double revenue = DataSet.from(lines).sum(l -> l.price() * (1 - l.discount()));
 * }</pre>
 *
 * @param <T> the argument type
 */
@FunctionalInterface
public interface ToDoubleFn<T> extends Serializable {
    /**
     * Applies this function.
     *
     * @param t the argument
     * @return the result as a {@code double}
     */
    double applyAsDouble(T t);
}
