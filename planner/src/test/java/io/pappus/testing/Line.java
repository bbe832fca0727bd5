package io.pappus.testing;

/**
 * A test element: a record nesting two records.
 *
 * @param a one end
 * @param b the other end
 */
public record Line(Point a, Point b) {
}
