package io.pappus.opencl.exec;

import io.pappus.opencl.runtime.OclTimings;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the device runs of one engine measured, for {@code explain()} and tests: the last run of
 * each generated program (keyed by its source) and how many fragment runs went to the device.
 */
public final class RunLog {
    private final Map<String, Run> last = new ConcurrentHashMap<>();
    private final AtomicLong deviceRuns = new AtomicLong();
    private final Map<String, AtomicLong> breakerRuns = new ConcurrentHashMap<>();
    private final Map<String, Run> lastBreaker = new ConcurrentHashMap<>();
    private volatile Run latest;

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
        RESIDENT
    }

    void record(String source, Run run) {
        latest = run;
        last.put(source, run);
        deviceRuns.incrementAndGet();
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
