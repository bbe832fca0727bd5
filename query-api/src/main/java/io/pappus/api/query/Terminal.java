package io.pappus.api.query;

import io.pappus.api.Fn;
import io.pappus.api.Fn2;
import io.pappus.api.ToDoubleFn;

import java.util.List;
import java.util.Optional;

/**
 * The action that ends a query and gives its result to the caller.
 *
 * @param <R> the result type
 */
public sealed interface Terminal<R> {

    /** @return a short name for plans and error messages */
    String name();

    /** All elements, in the query's order. @param <T> element type */
    record ToList<T>() implements Terminal<List<T>> {
        @Override
        public String name() {
            return "toList";
        }
    }

    /**
     * A fold from {@code identity}, as {@code Stream.reduce(identity, op)}.
     *
     * @param identity the start value and the result on empty input
     * @param op       an associative combining function
     * @param <T>      element type
     */
    record Reduce<T>(T identity, Fn2<T, T, T> op) implements Terminal<T> {
        @Override
        public String name() {
            return "reduce";
        }
    }

    /**
     * A fold without identity; empty input gives an empty Optional.
     *
     * @param op  an associative combining function
     * @param <T> element type
     */
    record ReduceOptional<T>(Fn2<T, T, T> op) implements Terminal<Optional<T>> {
        @Override
        public String name() {
            return "reduce";
        }
    }

    /**
     * A fold into an accumulator of another type.
     *
     * @param seed       the initial accumulator; must be immutable
     * @param accumulate adds one element
     * @param combine    merges two partial accumulators
     * @param <A>        accumulator type
     */
    record Aggregate<A>(A seed, Fn2<A, ?, A> accumulate, Fn2<A, A, A> combine) implements Terminal<A> {
        @Override
        public String name() {
            return "aggregate";
        }
    }

    /** The number of elements. */
    record Count() implements Terminal<Long> {
        @Override
        public String name() {
            return "count";
        }
    }

    /**
     * The sum of {@code f} over the elements.
     *
     * @param f the summand of one element
     */
    record Sum(ToDoubleFn<?> f) implements Terminal<Double> {
        @Override
        public String name() {
            return "sum";
        }
    }

    /**
     * The mean of {@code f} over the elements; empty input throws
     * {@link java.util.NoSuchElementException}.
     *
     * @param f the value of one element
     */
    record Average(ToDoubleFn<?> f) implements Terminal<Double> {
        @Override
        public String name() {
            return "average";
        }
    }

    /**
     * The element with the smallest (or largest) key; the first such element on ties.
     *
     * @param key the key function, returning a {@link Comparable}
     * @param max whether the largest key wins
     * @param <T> element type
     */
    record Extreme<T>(Fn<?, ?> key, boolean max) implements Terminal<Optional<T>> {
        @Override
        public String name() {
            return max ? "maxBy" : "minBy";
        }
    }
}
