package io.pappus.api;

import io.pappus.api.query.GroupOp;
import io.pappus.api.query.Node;

import java.util.Objects;

/**
 * The result of {@link DataSet#groupBy}: elements grouped by key, waiting for the aggregate
 * that turns each group into one {@link Pair}{@code (key, value)}. Group order is unspecified.
 *
 * <pre>{@code
 * List<Pair<String, Long>> perCity = DataSet.from(people).groupBy(Person::city).count().toList();
 * }</pre>
 *
 * @param <K> the key type
 * @param <T> the element type
 */
public final class Grouped<K, T> {
    private final Node input;
    private final Fn<?, ?> key;
    private final Engine engine;

    Grouped(Node input, Fn<?, ?> key, Engine engine) {
        this.input = input;
        this.key = key;
        this.engine = engine;
    }

    /**
     * Folds each group's elements with {@code op}.
     *
     * @param op an associative function
     * @return one (key, fold) pair per group
     */
    public DataSet<Pair<K, T>> reduce(Fn2<T, T, T> op) {
        return make(new GroupOp.Reduce(Objects.requireNonNull(op, "groupBy.reduce: function is null")));
    }

    /** @return one (key, number of elements) pair per group */
    public DataSet<Pair<K, Long>> count() {
        return make(new GroupOp.Count());
    }

    /**
     * Folds each group into an accumulator.
     *
     * @param seed       the initial accumulator of every group (immutable)
     * @param accumulate adds one element
     * @param combine    merges two partial accumulators
     * @param <A>        the accumulator type
     * @return one (key, accumulator) pair per group
     */
    public <A> DataSet<Pair<K, A>> aggregate(A seed, Fn2<A, ? super T, A> accumulate, Fn2<A, A, A> combine) {
        return make(new GroupOp.Aggregate(seed,
                Objects.requireNonNull(accumulate, "groupBy.aggregate: accumulate function is null"),
                Objects.requireNonNull(combine, "groupBy.aggregate: combine function is null")));
    }

    private <R> DataSet<R> make(GroupOp.Agg agg) {
        DataSet<R> d = DataSet.of(new GroupOp(input, key, agg));
        return engine == null ? d : d.on(engine);
    }
}
