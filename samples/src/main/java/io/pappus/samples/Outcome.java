package io.pappus.samples;

import java.io.PrintStream;

/**
 * One sample's answer beside the same computation in plain Java: what a sample's {@code main}
 * and the demo print.
 *
 * @param sample       the sample and its size, e.g. {@code "k-means (10000 points, k=4)"}
 * @param result       the answer, short
 * @param matches      whether Pappus and plain Java agree (within the sample's stated tolerance)
 * @param pappusMillis how long the Pappus queries took, data generation excluded
 * @param plainMillis  how long the plain-Java version took
 */
record Outcome(String sample, String result, boolean matches, double pappusMillis, double plainMillis) {

    /** @param out where to print one line: result, ok or MISMATCH, and both timings */
    void print(PrintStream out) {
        out.printf("%-40s %s%n%40s [%s: Pappus %.1f ms, plain Java %.1f ms]%n", sample, result, "",
                matches ? "ok" : "MISMATCH", pappusMillis, plainMillis);
    }

    /** @return milliseconds since {@code startNanos}, from {@link System#nanoTime()} */
    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /**
     * @return whether {@code a} and {@code b} differ by at most {@code relative} times the larger
     */
    static boolean close(double a, double b, double relative) {
        return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b));
    }
}
