package io.pappus.testing;

/**
 * A test element: a flat record of two doubles.
 *
 * @param x the first coordinate
 * @param y the second coordinate
 */
public record Point(double x, double y) {
}
