package io.pappus.lift;

/** A record whose accessor has logic: it must not become a plain field read. */
public record Scaled(double v) {
    @Override
    public double v() {
        return v * 2;
    }
}
