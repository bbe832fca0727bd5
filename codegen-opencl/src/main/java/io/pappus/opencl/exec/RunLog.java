package io.pappus.opencl.exec;

import io.pappus.opencl.runtime.OclTimings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the device runs of one engine measured, for {@code explain()} and tests: the last run of
 * each generated program (keyed by its source), how many fragment runs went to the device, and
 * what each query moved over the bus and where its fragments ran (the latest, and the last of
 * each plan).
 */
public final class RunLog {
    private final Map<String, Run> last = new ConcurrentHashMap<>();
    private final AtomicLong deviceRuns = new AtomicLong();
    private final Map<String, AtomicLong> breakerRuns = new ConcurrentHashMap<>();
    private final Map<String, Run> lastBreaker = new ConcurrentHashMap<>();
    private final Map<String, Traffic> queries = new ConcurrentHashMap<>();
    private volatile Run latest;
    private volatile Traffic latestQuery;

    /**
     * One fragment run on the device.
     *
     * @param device    the device's name
     * @param timings   device time from profiling events, summed over the chunks
     * @param chunks    how many chunks the input streamed through in
     * @param chunkSize elements per chunk
     * @param elements  input elements
     * @param wallNanos host time of the whole run, compile lookup excluded
     * @param uploadedBytes input bytes sent from host memory in this run
     * @param input     where the input came from
     * @param pinned    whether host uploads staged through the driver's pinned memory
     */
    public record Run(String device, OclTimings timings, int chunks, int chunkSize, int elements, long wallNanos,
                      long uploadedBytes, Input input, boolean pinned) {
    }

    /** Where a run's input columns came from. */
    public enum Input {
        /** Host arrays, uploaded chunk by chunk. */
        HOST,
        /** A {@code cache()}'s columns resident on the device (uploaded only on the first run). */
        RESIDENT,
        /** The output of the query's previous device fragment, left on the device: nothing uploaded. */
        FRAGMENT
    }

    /**
     * One edge of a query's fragment tree in a run: where the data went from one fragment to the next.
     *
     * @param from     the fragment that produced the data
     * @param to       the fragment that read it
     * @param onDevice whether it stayed on the device
     * @param bytes    the data's size (what crossed the bus, when it did)
     * @param how      what happened, and why through the host when it was
     */
    public record Edge(int from, int to, boolean onDevice, long bytes, String how) {
        @Override
        public String toString() {
            return "fragment " + from + " -> " + to + ": " + how + (onDevice ? ", " : ", moved ") + bytes + " byte(s)";
        }
    }

    /**
     * One part of a query that ran on one side, timed: a device fragment's pipeline or breaker, or
     * a JVM query, which runs the fragment it was for and the JVM-only fragments below it.
     *
     * @param fragments the fragment it ran for first, then any others the same JVM query ran
     * @param onDevice  whether it ran on the device
     * @param nanos     its wall time, the data's way to it excluded where it crossed the bus first
     */
    public record Ran(List<Integer> fragments, boolean onDevice, long nanos) {
        public Ran {
            fragments = List.copyOf(fragments);
        }
    }

    /**
     * What one query moved over the bus.
     *
     * @param columnBytesUp   bytes of columns sent to the device: the sources, and the outputs of fragments that ran on the JVM
     * @param columnBytesDown bytes of columns read back: the result, and device outputs that a JVM fragment read
     * @param busBytesUp      every byte the device's session sent over the query: columns, error slots, captured arrays
     * @param busBytesDown    every byte read back: columns, error slots, counts and partial reductions
     * @param edges           each edge between fragments, in the order they were crossed
     * @param ran             each part that ran, where and how long, in the order they finished
     */
    public record Traffic(long columnBytesUp, long columnBytesDown, long busBytesUp, long busBytesDown,
                          List<Edge> edges, List<Ran> ran) {
        public Traffic {
            edges = List.copyOf(edges);
            ran = List.copyOf(ran);
        }

        /**
         * @param onDevice the side
         * @return the ids of the fragments that ran there, all or part, in ascending order
         */
        public java.util.SortedSet<Integer> fragmentsOn(boolean onDevice) {
            java.util.SortedSet<Integer> ids = new java.util.TreeSet<>();
            ran.stream().filter(r -> r.onDevice() == onDevice).forEach(r -> ids.addAll(r.fragments()));
            return ids;
        }

        @Override
        public String toString() {
            return String.format("columns %d byte(s) up, %d down; every transfer: %d up, %d down", columnBytesUp,
                    columnBytesDown, busBytesUp, busBytesDown);
        }
    }

    void record(String source, Run run) {
        latest = run;
        last.put(source, run);
        deviceRuns.incrementAndGet();
    }

    void recordQuery(String plan, Traffic t) {
        latestQuery = t;
        queries.put(plan, t);
    }

    /** @return what the most recent query on the device moved over the bus, if any */
    public Optional<Traffic> latestQuery() {
        return Optional.ofNullable(latestQuery);
    }

    /**
     * @param plan a query's fragment signature ({@link OclExecutor#signature})
     * @return what its last run moved over the bus, if it ran
     */
    Optional<Traffic> query(String plan) {
        return Optional.ofNullable(queries.get(plan));
    }

    void recordBreaker(String op, Run run) {
        lastBreaker.put(op, run);
        breakerRuns.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * @param op a breaker's name: {@code orderBy}, {@code groupBy}, {@code distinct}
     * @return how many times it ran on the device
     */
    public long breakerRuns(String op) {
        AtomicLong n = breakerRuns.get(op);
        return n == null ? 0 : n.get();
    }

    /**
     * @param op a breaker's name
     * @return its last device run, if any
     */
    public Optional<Run> lastBreaker(String op) {
        return Optional.ofNullable(lastBreaker.get(op));
    }

    /** @return how many fragment runs went to the device */
    public long deviceRuns() {
        return deviceRuns.get();
    }

    /** @return the most recent fragment run on the device, if any */
    public Optional<Run> latest() {
        return Optional.ofNullable(latest);
    }

    /**
     * @param source a generated program
     * @return its last run, if any
     */
    public Optional<Run> last(String source) {
        return Optional.ofNullable(last.get(source));
    }
}
