package io.pappus.lift;

/** A record whose compact constructor validates: its construction must not be lifted away. */
public record Checked(double v) {
    public Checked {
        if (v < 0) {
            throw new IllegalArgumentException("negative");
        }
    }
}
