package io.pappus.place;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measured runs, per fragment signature and device: an exponentially weighted mean of the
 * computation time per element (the measured time less the predicted launch and transfers),
 * and the last run of each size class (powers of two) for {@code explain()}. A device that
 * gets slower (load, thermal limits) shows it in its next runs, and its predictions follow.
 * Each signature has a {@link #version}, which changes when what the cost model reads of it
 * changes materially, so a placement made from it can be kept until then.
 *
 * <pre>{@code
 * history.record(signature, "opencl:0:0", 10_000_000, measuredNanos, fixedNanos);
 * OptionalDouble nsPerElement = history.nanosPerElement(signature, "opencl:0:0");
 * }</pre>
 */
public final class ExecutionHistory {
    /** Runs smaller than this are remembered for explain but do not move the mean: they time the launch. */
    public static final long MIN_ELEMENTS = 4096;
    /**
     * A mean whose move since its signature's version last changed would change the predicted time
     * of a run like the one just recorded (its fixed part plus the mean then, times its elements)
     * by more than this fraction changes the version again. Run-to-run noise moves the weighted
     * mean by ~5-10%; a device that got twice as slow moves it by 40% in one run. A run whose time
     * is mostly fixed costs changes little whatever its mean does (W1 on 10,000 doubles runs faster
     * than the JVM's predicted launch: its mean per element falls by 40% at every run).
     */
    public static final double MATERIAL = 0.2;
    /**
     * A device's mean that no run has refreshed while the signature ran this many times elsewhere
     * is forgotten: the model falls back to the device's calibration and may try the device again,
     * whose next run then starts a new mean. Without it one stalled run (a GC pause, a busy machine)
     * would keep a device out for good, since a device that is not chosen is never measured again.
     * At most one run in this many pays for such a second look.
     */
    public static final long STALE_RUNS = 64;
    private final double alpha;
    private final Map<String, Double> mean = new ConcurrentHashMap<>();
    private final Map<String, Run> last = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Map<String, Double> meanAtVersion = new ConcurrentHashMap<>();
    /** Per signature: its runs that moved a mean, on any device. */
    private final Map<String, Long> runs = new ConcurrentHashMap<>();
    /** Per signature and device: the signature's run count when the device's mean last moved. */
    private final Map<String, Long> refreshedAt = new ConcurrentHashMap<>();
    /** Per signature: the devices with a mean. */
    private final Map<String, java.util.Set<String>> devices = new ConcurrentHashMap<>();

    /**
     * One measured run.
     *
     * @param device   the device id
     * @param elements input elements
     * @param nanos    measured wall time
     */
    public record Run(String device, long elements, double nanos) {
    }

    /** A history whose mean gives each new run weight 0.4. */
    public ExecutionHistory() {
        this(0.4);
    }

    /** @param alpha the weight of a new run in the mean, in (0, 1] */
    public ExecutionHistory(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        this.alpha = alpha;
    }

    /**
     * @param signature  the fragment's signature
     * @param device     the device id
     * @param elements   input elements
     * @param nanos      measured time of the run
     * @param fixedNanos the part of it that is not computation (predicted launch and transfers)
     */
    public void record(String signature, String device, long elements, double nanos, double fixedNanos) {
        String k = key(signature, device);
        Run run = new Run(device, elements, nanos);
        last.put(k + "#" + sizeClass(elements), run);
        last.put(k, run);
        if (elements < MIN_ELEMENTS) {
            return;
        }
        double perElement = Math.max(0, nanos - fixedNanos) / elements;
        long count = runs.merge(signature, 1L, Long::sum);
        if (stale(signature, device)) {
            mean.remove(k);  // a new look at a forgotten device starts a new mean
            meanAtVersion.remove(k);
        }
        refreshedAt.put(k, count);
        java.util.Set<String> known = devices.computeIfAbsent(signature, s -> ConcurrentHashMap.newKeySet());
        known.add(device);
        for (String other : known) {
            Long at = refreshedAt.get(key(signature, other));
            if (!other.equals(device) && at != null && count - at == STALE_RUNS) {
                versions.merge(signature, 1L, Long::sum);  // its mean just went stale: place again
            }
        }
        double now = mean.merge(k, perElement, (old, latest) -> old + alpha * (latest - old));
        Double then = meanAtVersion.get(k);
        if (then == null || Math.abs(now - then) * elements > MATERIAL * (fixedNanos + then * elements)) {
            meanAtVersion.put(k, now);
            versions.merge(signature, 1L, Long::sum);
        }
    }

    /**
     * Records a run as the last one (for explain) without letting it into the mean: a signature's
     * first run on a device pays for compiling and for the JIT warming the new code, which says
     * nothing about the next run (W1: ~700 ms, then ~5 ms).
     *
     * @param signature the fragment's signature
     * @param device    the device id
     * @param elements  input elements
     * @param nanos     measured time of the run
     */
    public void recordWarmUp(String signature, String device, long elements, double nanos) {
        last.put(key(signature, device) + "#" + sizeClass(elements), new Run(device, elements, nanos));
        last.put(key(signature, device), new Run(device, elements, nanos));
        versions.merge(signature, 1L, Long::sum);  // the device has the program now: no compile to predict
    }

    /**
     * @param signature a fragment signature
     * @return a number that changes whenever a mean of the signature moved materially
     *         ({@link #MATERIAL}) or appeared, a device ran it for the first time, or the history was
     *         cleared; 0 before any of that
     */
    public long version(String signature) {
        return versions.getOrDefault(signature, 0L);
    }

    /**
     * @return the weighted mean computation time per element, if this device has run the signature
     *         and its mean is not stale ({@link #STALE_RUNS})
     */
    public OptionalDouble nanosPerElement(String signature, String device) {
        Double m = mean.get(key(signature, device));
        return m == null || stale(signature, device) ? OptionalDouble.empty() : OptionalDouble.of(m);
    }

    /** @return whether the device's mean went unrefreshed for {@link #STALE_RUNS} runs of the signature elsewhere */
    private boolean stale(String signature, String device) {
        Long at = refreshedAt.get(key(signature, device));
        return at != null && runs.getOrDefault(signature, 0L) - at >= STALE_RUNS;
    }

    /** @return the last run of the signature on the device, any size */
    public Optional<Run> last(String signature, String device) {
        return Optional.ofNullable(last.get(key(signature, device)));
    }

    /** @return the last run of the signature on the device in the size class of {@code elements} */
    public Optional<Run> last(String signature, String device, long elements) {
        return Optional.ofNullable(last.get(key(signature, device) + "#" + sizeClass(elements)));
    }

    /** Forgets everything (tests, or after a hardware change). */
    public void clear() {
        mean.clear();
        last.clear();
        meanAtVersion.clear();
        runs.clear();
        refreshedAt.clear();
        devices.clear();
        versions.replaceAll((signature, v) -> v + 1);
    }

    private static String key(String signature, String device) {
        return signature + "@" + device;
    }

    private static int sizeClass(long elements) {
        return 64 - Long.numberOfLeadingZeros(Math.max(1, elements));
    }
}
