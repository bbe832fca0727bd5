package io.pappus.api;

/**
 * Two values, as produced by {@link Grouped} (key and aggregate) and usable as a result
 * of {@code map}, {@code join} and {@code zip}. On a device a pair is a struct of its two
 * components.
 *
 * <pre>{@code
 * List<Pair<Integer, Long>> counts = DataSet.from(words).groupBy(String::length).count().toList();
 * }</pre>
 *
 * @param first  the first component
 * @param second the second component
 * @param <A>    the first component's type
 * @param <B>    the second component's type
 */
public record Pair<A, B>(A first, B second) {
    /**
     * Makes a pair; the same as the canonical constructor, shorter to read in a lambda.
     *
     * @param first  the first component
     * @param second the second component
     * @param <A>    the first component's type
     * @param <B>    the second component's type
     * @return the pair
     */
    public static <A, B> Pair<A, B> of(A first, B second) {
        return new Pair<>(first, second);
    }
}
