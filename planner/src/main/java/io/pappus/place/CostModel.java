package io.pappus.place;

import java.util.OptionalDouble;

/**
 * Predicts the time of one fragment on one device:
 * {@code launch + bytesIn / linkBandwidth + work / throughput + bytesOut / linkBandwidth},
 * plus the compile time when the fragment is not cached. The computation term comes from the
 * fragment's measured history on that device when there is one (Dinda's history-based
 * mapping), otherwise from the device's calibrated throughput.
 *
 * <pre>{@code
 * Prediction p = new CostModel(history).predict(work, gpuProfile, true);
 * double ms = p.total() / 1e6;
 * }</pre>
 */
public final class CostModel {
    private final ExecutionHistory history;

    /** @param history measured runs; may be empty */
    public CostModel(ExecutionHistory history) {
        this.history = history;
    }

    /**
     * @param w        the fragment's work
     * @param d        the device
     * @param compiled whether its program for {@code d} is already compiled
     * @return the prediction
     */
    public Prediction predict(WorkEstimate w, DeviceProfile d, boolean compiled) {
        double in = w.bytesIn() / d.linkBytesPerNano();
        double out = w.bytesOut() / d.linkBytesPerNano();
        OptionalDouble perElement = history.nanosPerElement(w.signature(), d.id());
        double compute = perElement.isPresent() ? perElement.getAsDouble() * w.elements() : w.work() / d.workPerNano();
        return new Prediction(d, d.launchNanos(), compiled ? 0 : d.compileNanos(), in, compute, out,
                perElement.isPresent());
    }

    /** @return the history the model reads */
    public ExecutionHistory history() {
        return history;
    }
}
