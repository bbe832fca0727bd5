package io.pappus.benchmarks;

import java.util.concurrent.Callable;

/**
 * One way of computing a workload's answer.
 *
 * @param name    what the row in the table says
 * @param anchor  true for the hand-written or external baselines Pappus is compared against;
 *                ratios are to the fastest anchor of the group
 * @param run     computes the answer; its result is checked once against the group's first
 *                variant, then timed
 * @param skipped why the variant cannot run here (e.g. no OpenCL engine), or null
 */
record Variant(String name, boolean anchor, Callable<Object> run, String skipped) {
    static Variant anchor(String name, Callable<Object> run) {
        return new Variant(name, true, run, null);
    }

    static Variant pappus(String name, Callable<Object> run) {
        return new Variant(name, false, run, null);
    }

    static Variant unavailable(String name, String why) {
        return new Variant(name, false, null, why);
    }
}
