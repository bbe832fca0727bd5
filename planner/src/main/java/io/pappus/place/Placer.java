package io.pappus.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the device for a fragment from the cost model: the eligible device with the least
 * predicted time, or several devices at once (co-execution) when they are within
 * {@link #COEXEC_RATIO} of the fastest and sharing is predicted to win over the launch costs
 * it multiplies.
 *
 * <pre>{@code
 * Decision d = new Placer(new CostModel(history)).decide(work, offers, "");
 * }</pre>
 */
public final class Placer {
    /** A device more than this many times faster than another runs the fragment alone. */
    public static final double COEXEC_RATIO = 3.0;
    /**
     * The history's pseudo-device for co-executed runs: their wall time per element, edges
     * included (laying out the device's share, gathering the results), which the per-device
     * rates the sharing prediction is made of do not see.
     */
    public static final String SHARED = "co-execution";
    /** Chunks each device takes in a co-executed run, for the launch costs it pays. */
    static final int CHUNKS_PER_DEVICE = 4;
    private final CostModel model;
    private final boolean force;

    /** @param model the cost model */
    public Placer(CostModel model) {
        this(model, false);
    }

    /**
     * @param model the cost model
     * @param force share every fragment that can be shared among all eligible devices, whatever
     *              the predictions (benchmarks and tests of co-execution)
     */
    public Placer(CostModel model, boolean force) {
        this.model = model;
        this.force = force;
    }

    /**
     * @param work    the fragment's work
     * @param offers  the devices, in a fixed order (ties go to the first)
     * @param noShare why the fragment cannot be shared between devices, or empty when it can
     * @return the decision
     * @throws IllegalArgumentException when no device is eligible
     */
    public Decision decide(WorkEstimate work, List<Offer> offers, String noShare) {
        List<Candidate> all = new ArrayList<>();
        List<Candidate> ok = new ArrayList<>();
        for (Offer o : offers) {
            Candidate c = o.eligibility().ok()
                    ? new Candidate(o.device(), o.eligibility(), model.predict(work, o.device(), o.compiled()))
                    : new Candidate(o.device(), o.eligibility(), null);
            all.add(c);
            if (o.eligibility().ok()) {
                ok.add(c);
            }
        }
        if (ok.isEmpty()) {
            throw new IllegalArgumentException("no device can run fragment " + work.signature());
        }
        ok.sort(Comparator.comparingDouble(Candidate::total));  // stable: ties keep offer order
        Candidate best = ok.get(0);
        if (ok.size() == 1) {
            return single(work, all, best, Reason.of("the only eligible device"));
        }
        Candidate next = ok.get(1);
        if (!noShare.isEmpty()) {
            return single(work, all, best, Reason.later(() -> "fastest predicted (" + runnerUp(best, next)
                    + "); not shared: " + noShare));
        }
        if (force) {
            List<DeviceProfile> all2 = ok.stream().map(Candidate::device).toList();
            return new Decision(work, all, all2, shared(work, ok), "co-execution forced (pappus.coexec=force)");
        }
        if (next.total() > COEXEC_RATIO * best.total()) {
            return single(work, all, best, Reason.later(() -> "fastest predicted, more than " + COEXEC_RATIO
                    + "x ahead (" + runnerUp(best, next) + ")"));
        }
        List<Candidate> share = new ArrayList<>();
        for (Candidate c : ok) {
            if (c.total() <= COEXEC_RATIO * best.total()) {
                share.add(c);
            }
        }
        double together = shared(work, share);
        java.util.OptionalDouble measured = model.history().nanosPerElement(work.signature(), SHARED);
        if (measured.isPresent()) {
            double wall = measured.getAsDouble() * work.elements();
            if (wall >= best.total()) {  // an earlier shared run of this fragment was slower than one device
                return single(work, all, best, Reason.later(() -> String.format("fastest predicted (%s); sharing"
                        + " measured %s (wall, edges included) in earlier runs, no gain", runnerUp(best, next),
                        Prediction.ms(wall))));
            }
        }
        if (together >= best.total()) {
            return single(work, all, best, Reason.later(() -> String.format(
                    "fastest predicted (%s); sharing predicted %s, no gain", runnerUp(best, next),
                    Prediction.ms(together))));
        }
        List<DeviceProfile> chosen = new ArrayList<>();
        for (Candidate c : share) {
            chosen.add(c.device());
        }
        return new Decision(work, all, chosen, together, Reason.later(() -> String.format(
                "co-execution predicted %s against %s on %s alone (devices within %.0fx)", Prediction.ms(together),
                Prediction.ms(best.total()), best.device().name(), COEXEC_RATIO)));
    }

    /** @return e.g. {@code GPU predicted 3.2x slower} (candidates are immutable: the text is the decision's) */
    private static String runnerUp(Candidate best, Candidate next) {
        return String.format("%s predicted %.1fx slower", next.device().name(), next.total() / best.total());
    }

    /**
     * Predicted time when the devices pull chunks from one queue: each compiles once and pays
     * {@link #CHUNKS_PER_DEVICE} launches, and the elements go at the sum of their rates.
     */
    static double shared(WorkEstimate work, List<Candidate> share) {
        double rate = 0;
        double fixed = 0;
        for (Candidate c : share) {
            Prediction p = c.prediction();
            rate += work.elements() / Math.max(1e-9, p.variable());
            fixed = Math.max(fixed, p.compile() + CHUNKS_PER_DEVICE * p.launch());
        }
        return fixed + work.elements() / rate;
    }

    private static Decision single(WorkEstimate work, List<Candidate> all, Candidate c, Reason why) {
        return new Decision(work, all, List.of(c.device()), c.total(), why);
    }
}
