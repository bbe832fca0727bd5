package io.pappus.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a group of variants that compute the same answer: each once to check it against the
 * first variant's (a benchmark of a wrong answer is worthless), then timed.
 */
final class Measure {
    private Measure() {
    }

    /**
     * @param group     the group's name, e.g. {@code "Q1"}
     * @param size      the input, in words
     * @param variants  the variants; the first is the reference answer
     * @param digest    turns any variant's answer into numbers to compare
     * @param tolerance the largest relative difference allowed (absolute below magnitude 1)
     * @param reps      timed runs per variant
     * @return one row per variant, ratios to the fastest anchor
     * @throws IllegalStateException naming the variant and position, if an answer disagrees
     */
    static List<Row> group(String group, String size, List<Variant> variants, Function<Object, double[]> digest,
                           double tolerance, int reps) throws Exception {
        double[] expected = null;
        String expectedFrom = null;
        List<Row> rows = new ArrayList<>();
        for (Variant v : variants) {
            if (v.skipped() != null) {
                rows.add(new Row(group, v.name(), v.anchor(), size, Double.NaN, Double.NaN, v.skipped()));
                continue;
            }
            double[] got = digest.apply(v.run().call());
            if (expected == null) {
                expected = got;
                expectedFrom = v.name();
            } else {
                check(group, v.name(), got, expectedFrom, expected, tolerance);
            }
            System.out.printf("  %-4s %-58s ", group, v.name());
            double ms = Timing.medianMs(v.run(), reps);
            System.out.printf("%10.2f ms%n", ms);
            rows.add(new Row(group, v.name(), v.anchor(), size, ms, Double.NaN, ""));
        }
        double best = rows.stream().filter(r -> r.anchor() && r.measured()).mapToDouble(Row::ms).min()
                .orElse(Double.NaN);
        return rows.stream().map(r -> r.withRatio(best)).toList();
    }

    private static void check(String group, String name, double[] got, String expectedFrom, double[] expected,
                              double tolerance) {
        if (got.length != expected.length) {
            throw new IllegalStateException(group + ": '" + name + "' gave " + got.length + " numbers, '"
                    + expectedFrom + "' " + expected.length);
        }
        for (int i = 0; i < got.length; i++) {
            double scale = Math.max(1.0, Math.max(Math.abs(got[i]), Math.abs(expected[i])));
            if (!(Math.abs(got[i] - expected[i]) <= tolerance * scale)) {
                throw new IllegalStateException(group + ": '" + name + "' disagrees with '" + expectedFrom
                        + "' at position " + i + ": " + got[i] + " vs " + expected[i]);
            }
        }
    }
}
