package io.pappus.lift;

/** A record with an instance method, which lambdas may not call. */
public record Vec(double x) {
    public double twice() {
        return 2 * x;
    }
}
