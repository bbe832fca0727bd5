package io.pappus.place;

import java.util.List;

/**
 * Where one fragment runs, and why.
 *
 * @param work       the fragment's estimated work
 * @param candidates every device considered, in the order offered
 * @param chosen     one device, or several that share the fragment (co-execution)
 * @param predicted  the predicted time of the choice, ns
 * @param reason     why, one line written when first read ({@link #why()})
 */
public record Decision(WorkEstimate work, List<Candidate> candidates, List<DeviceProfile> chosen, double predicted,
                       Reason reason) {
    public Decision {
        candidates = List.copyOf(candidates);
        chosen = List.copyOf(chosen);
    }

    /** A decision whose reason is written already; the parameters are the record's, {@code why} its text. */
    public Decision(WorkEstimate work, List<Candidate> candidates, List<DeviceProfile> chosen, double predicted,
                    String why) {
        this(work, candidates, chosen, predicted, Reason.of(why));
    }

    /** @return why, in one line (written now if no one asked before) */
    public String why() {
        return reason.text();
    }

    /** @return whether several devices share the fragment */
    public boolean coexecution() {
        return chosen.size() > 1;
    }

    /** @return the single chosen device (the first, for co-execution) */
    public DeviceProfile device() {
        return chosen.get(0);
    }

    /**
     * @param backend {@code jvm} or {@code opencl}
     * @return whether a chosen device is of that backend
     */
    public boolean uses(String backend) {
        return chosen.stream().anyMatch(d -> d.backend().equals(backend));
    }
}
