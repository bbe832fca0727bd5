package io.pappus.testing;

/**
 * A test element: the right side of joins with {@link Order}.
 *
 * @param name       the join key
 * @param population an int column
 */
public record City(String name, int population) {
}
