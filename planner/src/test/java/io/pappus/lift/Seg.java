package io.pappus.lift;

/** A segment: a record of records. */
public record Seg(Point a, Point b) {
}
