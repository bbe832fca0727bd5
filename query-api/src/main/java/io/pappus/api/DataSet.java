package io.pappus.api;

import io.pappus.api.query.ArrayRows;
import io.pappus.api.query.CacheOp;
import io.pappus.api.query.CacheSlot;
import io.pappus.api.query.DistinctOp;
import io.pappus.api.query.FilterOp;
import io.pappus.api.query.FlatMapOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.MapOp;
import io.pappus.api.query.Node;
import io.pappus.api.query.OrderByOp;
import io.pappus.api.query.Source;
import io.pappus.api.query.TakeOp;
import io.pappus.api.query.Terminal;
import io.pappus.api.query.ZipOp;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lazily evaluated, immutable collection of elements that Pappus compiles and runs on the
 * JVM, OpenCL devices or a cluster. Transformations ({@code map}, {@code filter}, ...) build
 * a query; actions ({@code reduce}, {@code count}, {@code toList}, ...) run it on the data
 * set's engine ({@link #on(Engine)}, else {@link Engines#defaultEngine()}).
 *
 * <pre>{@code
 * double total = DataSet.from(prices)
 *         .map(p -> p * 1.2)
 *         .filter(p -> p > 10.0)
 *         .reduce(0.0, Double::sum);
 * }</pre>
 *
 * <p>Elements are boxed primitives, Strings or records of those (nested records too); data
 * sets hold no nulls. {@link #toList()} keeps source order through map, filter, flatMap, zip
 * and take, and sorted order after orderBy; group, join and distinct output order is
 * unspecified.
 *
 * @param <T> the element type
 */
public final class DataSet<T> {
    private final Node node;
    private final Engine engine;

    private DataSet(Node node, Engine engine) {
        this.node = node;
        this.engine = engine;
    }

    /**
     * Wraps a query tree; for engines and tools, not for application code.
     *
     * @param node the query tree
     * @param <T>  the element type
     * @return a data set over that tree, on the default engine
     */
    public static <T> DataSet<T> of(Node node) {
        return new DataSet<>(Objects.requireNonNull(node, "node"), null);
    }

    // ---------------------------------------------------------------- sources

    /**
     * A data set over a {@code double[]}, read (not copied) when a query runs.
     *
     * @param values the values
     * @return the data set
     */
    public static DataSet<Double> from(double[] values) {
        Objects.requireNonNull(values, "DataSet.from: values");
        return new DataSet<>(new Source(Source.Kind.DOUBLES, values, Double.class, values.length, 0), null);
    }

    /**
     * A data set over a {@code float[]}, read (not copied) when a query runs.
     *
     * @param values the values
     * @return the data set
     */
    public static DataSet<Float> from(float[] values) {
        Objects.requireNonNull(values, "DataSet.from: values");
        return new DataSet<>(new Source(Source.Kind.FLOATS, values, Float.class, values.length, 0), null);
    }

    /**
     * A data set over an {@code int[]}, read (not copied) when a query runs.
     *
     * @param values the values
     * @return the data set
     */
    public static DataSet<Integer> from(int[] values) {
        Objects.requireNonNull(values, "DataSet.from: values");
        return new DataSet<>(new Source(Source.Kind.INTS, values, Integer.class, values.length, 0), null);
    }

    /**
     * A data set over a {@code long[]}, read (not copied) when a query runs.
     *
     * @param values the values
     * @return the data set
     */
    public static DataSet<Long> from(long[] values) {
        Objects.requireNonNull(values, "DataSet.from: values");
        return new DataSet<>(new Source(Source.Kind.LONGS, values, Long.class, values.length, 0), null);
    }

    /**
     * A data set over objects: boxed primitives, Strings or records (nested records allowed).
     * The array is copied and every element checked here.
     *
     * @param values the elements
     * @param <T>    the element type
     * @return the data set
     * @throws NullPointerException     naming the index of a null element or component
     * @throws IllegalArgumentException naming an element of a type Pappus cannot lay out
     */
    @SafeVarargs
    public static <T> DataSet<T> from(T... values) {
        Objects.requireNonNull(values, "DataSet.from: values");
        return objects(new ArrayRows(values.clone()), values.getClass().getComponentType(), "DataSet.from(T[])");
    }

    /**
     * A data set over the elements of a collection, in its iteration order. The collection is
     * copied and every element checked here.
     *
     * @param values the elements
     * @param <T>    the element type
     * @return the data set
     * @throws NullPointerException     naming the index of a null element or component
     * @throws IllegalArgumentException naming an element of a type Pappus cannot lay out
     */
    public static <T> DataSet<T> from(Collection<? extends T> values) {
        Objects.requireNonNull(values, "DataSet.from: values");
        return objects(new ArrayRows(values.toArray()), Object.class, "DataSet.from(Collection)");
    }

    private static <T> DataSet<T> objects(ArrayRows copy, Class<?> declared, String what) {
        Class<?> cls = ElementCheck.check(copy, declared, what);
        return new DataSet<>(new Source(Source.Kind.OBJECTS, copy, cls, copy.size(), 0), null);
    }

    /**
     * The integers {@code startInclusive, startInclusive + 1, ..., endExclusive - 1}.
     *
     * @param startInclusive the first value
     * @param endExclusive   one past the last value; an empty range when not above the start
     * @return the data set
     * @throws IllegalArgumentException if the range holds more than {@code Integer.MAX_VALUE} values
     */
    public static DataSet<Integer> range(int startInclusive, int endExclusive) {
        long size = Math.max(0L, (long) endExclusive - startInclusive);
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("DataSet.range(" + startInclusive + ", " + endExclusive + ") has "
                    + size + " elements; a data set holds at most Integer.MAX_VALUE (2147483647)");
        }
        return new DataSet<>(new Source(Source.Kind.RANGE, null, Integer.class, (int) size, startInclusive), null);
    }

    // -------------------------------------------------------- transformations

    /**
     * One output per element.
     *
     * @param f   the function, lifted to the IR where possible
     * @param <R> the output type
     * @return the mapped data set
     */
    public <R> DataSet<R> map(Fn<? super T, ? extends R> f) {
        return next(new MapOp(node, Objects.requireNonNull(f, "map: function is null")));
    }

    /**
     * The elements that {@code p} accepts, in order.
     *
     * @param p the predicate
     * @return the filtered data set
     */
    public DataSet<T> filter(Pred<? super T> p) {
        return next(new FilterOp(node, Objects.requireNonNull(p, "filter: predicate is null")));
    }

    /**
     * The elements of the iterables {@code f} returns, in order. The function runs on the JVM
     * (it builds collections).
     *
     * @param f   returns each element's outputs
     * @param <R> the output type
     * @return the flattened data set
     */
    public <R> DataSet<R> flatMap(Fn<? super T, ? extends Iterable<? extends R>> f) {
        return next(new FlatMapOp(node, Objects.requireNonNull(f, "flatMap: function is null")));
    }

    /**
     * Groups elements by key; finish with {@link Grouped#reduce}, {@link Grouped#count} or
     * {@link Grouped#aggregate}.
     *
     * @param key the key function; keys are equal when {@code equals} says so
     * @param <K> the key type
     * @return the grouping
     */
    public <K> Grouped<K, T> groupBy(Fn<? super T, ? extends K> key) {
        return new Grouped<>(node, Objects.requireNonNull(key, "groupBy: key function is null"), engine);
    }

    /**
     * Inner equi-join; output order is unspecified.
     *
     * @param other    the right side
     * @param key      the key of an element of this data set
     * @param otherKey the key of an element of {@code other}
     * @param result   builds one output per matching pair
     * @param <U>      the right element type
     * @param <K>      the key type
     * @param <R>      the output type
     * @return the joined data set
     */
    public <U, K, R> DataSet<R> join(DataSet<U> other, Fn<? super T, ? extends K> key,
                                     Fn<? super U, ? extends K> otherKey,
                                     Fn2<? super T, ? super U, ? extends R> result) {
        Objects.requireNonNull(other, "join: other data set is null");
        return next(new JoinOp(node, other.node, Objects.requireNonNull(key, "join: key function is null"),
                Objects.requireNonNull(otherKey, "join: other key function is null"),
                Objects.requireNonNull(result, "join: result function is null")));
    }

    /**
     * Combines the i-th elements of this and {@code other}; as long as the shorter one.
     *
     * @param other the right side
     * @param f     builds one output from two elements
     * @param <U>   the right element type
     * @param <R>   the output type
     * @return the zipped data set
     */
    public <U, R> DataSet<R> zip(DataSet<U> other, Fn2<? super T, ? super U, ? extends R> f) {
        Objects.requireNonNull(other, "zip: other data set is null");
        return next(new ZipOp(node, other.node, Objects.requireNonNull(f, "zip: function is null")));
    }

    /**
     * Stable ascending sort by key: equal keys keep their input order.
     *
     * @param key the key function
     * @param <K> the key type
     * @return the sorted data set
     */
    public <K extends Comparable<? super K>> DataSet<T> orderBy(Fn<? super T, ? extends K> key) {
        return next(new OrderByOp(node, Objects.requireNonNull(key, "orderBy: key function is null"), false));
    }

    /**
     * Stable descending sort by key: equal keys keep their input order.
     *
     * @param key the key function
     * @param <K> the key type
     * @return the sorted data set
     */
    public <K extends Comparable<? super K>> DataSet<T> orderByDescending(Fn<? super T, ? extends K> key) {
        return next(new OrderByOp(node,
                Objects.requireNonNull(key, "orderByDescending: key function is null"), true));
    }

    /** @return the data set without elements {@code equals} to an earlier one */
    public DataSet<T> distinct() {
        return next(new DistinctOp(node));
    }

    /**
     * The first {@code n} elements. Like {@code Stream.limit}, an engine may stop evaluating
     * earlier operators once it has them, so a lambda that would throw only on a later element
     * may not be called on it (the reference engine evaluates everything).
     *
     * @param n how many, at least 0
     * @return the shortened data set
     */
    public DataSet<T> take(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("take: n must be at least 0, was " + n);
        }
        return next(new TakeOp(node, n));
    }

    /**
     * Materialises this data set once per engine (on the device, for OpenCL) and reuses it in
     * every later query: the tool for iterative jobs such as k-means.
     *
     * @return the cached data set
     */
    public DataSet<T> cache() {
        return next(new CacheOp(node, new CacheSlot()));
    }

    /**
     * Runs this query, and queries built from it, on {@code engine}.
     *
     * @param engine e.g. {@code Engines.local(Target.OPENCL)}
     * @return the same query bound to that engine
     */
    public DataSet<T> on(Engine engine) {
        return new DataSet<>(node, Objects.requireNonNull(engine, "on: engine is null"));
    }

    // ---------------------------------------------------------------- actions

    /**
     * Folds the elements from {@code identity}, as {@code Stream.reduce(identity, op)}.
     *
     * @param identity the start value and the result of an empty data set
     * @param op       an associative function; backends may regroup the applications
     * @return the result
     */
    public T reduce(T identity, Fn2<T, T, T> op) {
        return run(new Terminal.Reduce<>(identity, Objects.requireNonNull(op, "reduce: function is null")));
    }

    /**
     * Folds the elements without identity.
     *
     * @param op an associative function
     * @return the result, or empty for an empty data set
     */
    public Optional<T> reduce(Fn2<T, T, T> op) {
        return run(new Terminal.ReduceOptional<>(Objects.requireNonNull(op, "reduce: function is null")));
    }

    /**
     * Folds the elements into an accumulator of another type.
     *
     * @param seed       the initial accumulator (immutable: partial folds start from it too)
     * @param accumulate adds one element
     * @param combine    merges two partial accumulators
     * @param <A>        the accumulator type
     * @return the result
     */
    public <A> A aggregate(A seed, Fn2<A, ? super T, A> accumulate, Fn2<A, A, A> combine) {
        return run(new Terminal.Aggregate<>(seed,
                Objects.requireNonNull(accumulate, "aggregate: accumulate function is null"),
                Objects.requireNonNull(combine, "aggregate: combine function is null")));
    }

    /** @return the number of elements */
    public long count() {
        return run(new Terminal.Count());
    }

    /**
     * @param f the value of one element
     * @return the sum over all elements; 0.0 when empty
     */
    public double sum(ToDoubleFn<? super T> f) {
        return run(new Terminal.Sum(Objects.requireNonNull(f, "sum: function is null")));
    }

    /**
     * @param f the value of one element
     * @return the mean over all elements
     * @throws java.util.NoSuchElementException when the data set is empty, as LINQ's Average
     */
    public double average(ToDoubleFn<? super T> f) {
        return run(new Terminal.Average(Objects.requireNonNull(f, "average: function is null")));
    }

    /**
     * @param key the key function
     * @param <K> the key type
     * @return the first element with the smallest key, or empty
     */
    public <K extends Comparable<? super K>> Optional<T> minBy(Fn<? super T, ? extends K> key) {
        return run(new Terminal.Extreme<>(Objects.requireNonNull(key, "minBy: key function is null"), false));
    }

    /**
     * @param key the key function
     * @param <K> the key type
     * @return the first element with the largest key, or empty
     */
    public <K extends Comparable<? super K>> Optional<T> maxBy(Fn<? super T, ? extends K> key) {
        return run(new Terminal.Extreme<>(Objects.requireNonNull(key, "maxBy: key function is null"), true));
    }

    /** @return all elements as an unmodifiable list */
    public List<T> toList() {
        return run(new Terminal.ToList<>());
    }

    /**
     * Describes how the engine will run this query: the operator tree, each lambda's lifted
     * IR (or why it could not be lifted, with class and line), fragments, placement and
     * generated code.
     *
     * @return the description
     */
    public String explain() {
        return engine().explain(node, new Terminal.ToList<>());
    }

    /** @return the query tree, for engines and tools */
    public Node node() {
        return node;
    }

    /** @return the engine this data set runs on */
    public Engine engine() {
        return engine != null ? engine : Engines.defaultEngine();
    }

    private <R> DataSet<R> next(Node next) {
        return new DataSet<>(next, engine);
    }

    private <R> R run(Terminal<R> terminal) {
        return engine().execute(node, terminal);
    }

    @Override
    public String toString() {
        return "DataSet[" + node.opName() + "]";
    }
}
