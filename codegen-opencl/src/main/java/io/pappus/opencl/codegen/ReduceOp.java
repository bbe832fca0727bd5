package io.pappus.opencl.codegen;

/**
 * Reductions a device runs as a work-group tree in local memory plus a final pass over the
 * per-group partials on the host.
 *
 * <p>SUM of int and long wraps exactly as Java's sequential sum (addition mod 2^n is
 * associative). SUM of float and double adds in a different order than Java's left-to-right
 * loop, so the result may differ: for n elements the error of either order is at most about
 * {@code (n - 1) * u * sum(|x_i|)} (u = 2^-53 for double, 2^-24 for float), the tree order's
 * typically nearer {@code log2(n) * u * sum(|x_i|)}; tests compare within
 * {@code 2 * n * u * sum(|x_i|)}. MIN and MAX follow {@code Math.min/max} (NaN wins, -0.0 is
 * below 0.0), which is associative and commutative, so they match Java exactly. COUNT counts
 * the elements that pass the filters.
 */
public enum ReduceOp {
    SUM, MIN, MAX, COUNT
}
