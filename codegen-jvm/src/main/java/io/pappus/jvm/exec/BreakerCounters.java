package io.pappus.jvm.exec;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each pipeline breaker ran natively in this JVM, and how many input elements
 * {@code take} scanned, so tests can assert that work really ran in compiled code.
 *
 * <pre>{@code
 * long before = BreakerCounters.nativeRuns("groupBy");
 * }</pre>
 */
public final class BreakerCounters {
    private static final ConcurrentHashMap<String, LongAdder> RUNS = new ConcurrentHashMap<>();
    private static final LongAdder TAKE_SCANNED = new LongAdder();

    private BreakerCounters() {
    }

    /**
     * @param op an operator name, e.g. {@code groupBy}, {@code join}, {@code orderBy}
     * @return how many times it ran natively
     */
    public static long nativeRuns(String op) {
        LongAdder a = RUNS.get(op);
        return a == null ? 0 : a.sum();
    }

    /** @return the input elements scanned by native {@code take} so far */
    public static long takeScanned() {
        return TAKE_SCANNED.sum();
    }

    static void ran(String op) {
        RUNS.computeIfAbsent(op, k -> new LongAdder()).increment();
    }

    static void scanned(long n) {
        TAKE_SCANNED.add(n);
    }
}
