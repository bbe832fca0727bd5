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

    /**
     * One fragment run on the device.
     *
     * @param device    the device's name
     * @param timings   device time from profiling events, summed over the chunks
     * @param chunks    how many chunks the input streamed through in
     * @param chunkSize elements per chunk
     * @param elements  input elements
     * @param wallNanos host time of the whole run, compile lookup excluded
     */
    public record Run(String device, OclTimings timings, int chunks, int chunkSize, int elements, long wallNanos) {
    }

    void record(String source, Run run) {
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

    /**
     * @param source a generated program
     * @return its last run, if any
     */
    public Optional<Run> last(String source) {
        return Optional.ofNullable(last.get(source));
    }
}
