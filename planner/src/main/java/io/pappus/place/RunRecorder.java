package io.pappus.place;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds measured runs into an {@link ExecutionHistory} the way the cost model reads them: a
 * signature's first run on a device (compile, cold JIT) is kept as a warm-up, shown but out of
 * the mean; later runs move the mean with the predicted fixed costs taken off. Whoever places
 * fragments by the model and then runs them records here (local AUTO, cluster members).
 *
 * <pre>{@code
 * RunRecorder runs = new RunRecorder(new ExecutionHistory());
 * Offer o = new Offer(profile, eligibility, runs.compiled(work.signature(), profile.id()));
 * ...
 * runs.record(decision, prediction, elements, measuredNanos, 1);
 * }</pre>
 */
public final class RunRecorder {
    private final ExecutionHistory history;
    private final Set<String> compiled = ConcurrentHashMap.newKeySet();

    /** @param history where the runs go */
    public RunRecorder(ExecutionHistory history) {
        this.history = history;
    }

    /** @return the history */
    public ExecutionHistory history() {
        return history;
    }

    /**
     * @param signature a fragment signature
     * @param deviceId  a device id
     * @return whether that fragment has run on that device (so its program is compiled there)
     */
    public boolean compiled(String signature, String deviceId) {
        return compiled.contains(signature + "@" + deviceId);
    }

    /**
     * @param d        the decision the run followed
     * @param pr       the prediction for the device that ran it
     * @param elements the elements that device ran
     * @param nanos    its measured time
     * @param launches how many launches it paid
     */
    public void record(Decision d, Prediction pr, long elements, long nanos, int launches) {
        double per = d.work().elements() == 0 ? 0 : (double) elements / d.work().elements();
        double fixed = launches * pr.launch() + pr.compile() + per * (pr.transferIn() + pr.transferOut());
        if (compiled.add(d.work().signature() + "@" + pr.device().id())) {
            history.recordWarmUp(d.work().signature(), pr.device().id(), elements, nanos);  // compile and cold JIT
        } else {
            history.record(d.work().signature(), pr.device().id(), elements, nanos, fixed);
        }
    }
}
