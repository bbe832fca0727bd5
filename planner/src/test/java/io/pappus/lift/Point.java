package io.pappus.lift;

/** A 2-d point: the record most test lambdas take. */
public record Point(double x, double y) {
}
