package io.pappus.benchmarks;

import java.util.List;

/**
 * W6: the overhead of small queries (64 elements, so the work is nil): the first query in the
 * process, the first query of a fresh JVM (compiled; and over 100,000 elements with the default
 * tiers), a new shape once warm, and a repeat with a new captured constant, from an array and
 * from a cached data set. Only meaningful as the process's first workload.
 */
final class W6 {
    private W6() {
    }

    static List<Row> run(int reps) {
        Latency l = Latency.measure(reps);
        String size = "64 doubles";
        String repeat = "class cache hit: " + l.cacheHit;
        return List.of(
                new Row("W6", "first query in process (cold; 64 elements run by reference, nothing compiled)", false,
                        size, l.firstMs, Double.NaN, "target 50 ms"),
                new Row("W6", "first compiled query of a fresh JVM (lift + plan + Janino, cold; child process)", false,
                        size, l.firstCompiledColdMs, Double.NaN, "target 50 ms"),
                new Row("W6", "first query of a fresh JVM, default tiers (by reference; Janino warms up"
                        + " afterwards in the background; child process)", false, ColdFirst.DEFAULT_SIZE + " doubles",
                        l.firstDefaultColdMs, Double.NaN, "target 50 ms"),
                new Row("W6", "anchor: the same query as a DoubleStream, first in a fresh JVM (child process)", true,
                        ColdFirst.DEFAULT_SIZE + " doubles", l.firstStreamColdMs, Double.NaN, ""),
                new Row("W6", "new query shape, warm (plan + generate + compile)", false, size, l.newShapeMs,
                        Double.NaN, "target 50 ms"),
                new Row("W6", "same shape, new constant: overhead over a plain loop", false, size,
                        l.repeatOverheadMs, Double.NaN, "target 0.1 ms; " + repeat),
                new Row("W6", "same, on a cached DataSet: overhead over a plain loop", false, size,
                        l.cachedRepeatOverheadMs, Double.NaN, "target 0.1 ms; " + repeat));
    }
}
