package io.pappus.benchmarks;

/**
 * One measured (or skipped) variant.
 *
 * @param group   the query the row belongs to, e.g. {@code "Q1"}; ratios are per group
 * @param variant the variant's name
 * @param anchor  whether it is a baseline rather than Pappus
 * @param size    the input, in words ("10000000 options")
 * @param ms      the median in milliseconds; NaN when the variant could not run
 * @param ratio   ms over the fastest anchor's ms in the group; NaN when there is none
 * @param note    why it did not run, or what the number means; empty otherwise
 */
record Row(String group, String variant, boolean anchor, String size, double ms, double ratio, String note) {
    Row withRatio(double best) {
        return new Row(group, variant, anchor, size, ms, ms / best, note);
    }

    boolean measured() {
        return !Double.isNaN(ms);
    }
}
