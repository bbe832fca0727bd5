package io.pappus.place;

import java.util.Optional;

/**
 * The placement section of {@code explain()} for one fragment: every candidate device with its
 * predicted time (or why it cannot run the fragment), the choice and why, and the measured
 * time of the last run of this signature on each device, if any.
 *
 * <pre>
 *   placement: 1,000,000 elements, 8.0 MB in, 8.2 kB out, 5.0 work/element, signature 9c1e0b7a44d2f310
 *     JVM (2 cores)         predicted 1.200 ms (launch 0.050 + in 0.000 + work 1.150 [history] + out 0.000)
 *     pthread-cpu [opencl]  not eligible: opaque lambda in map1 at Foo.java:12: calls a virtual method
 *     choice: JVM (2 cores): the only eligible device
 *     measured: JVM (2 cores) 1.310 ms (1,000,000 elements)
 * </pre>
 */
public final class PlacementExplain {
    private PlacementExplain() {
    }

    /**
     * @param d       the decision
     * @param history measured runs
     * @param indent  the prefix of every line
     * @return the lines, each ending in a newline
     */
    public static String write(Decision d, ExecutionHistory history, String indent) {
        WorkEstimate w = d.work();
        StringBuilder b = new StringBuilder(indent).append(String.format(
                "placement: %,d elements, %s in, %s out, %.1f work/element, signature %s%n", w.elements(),
                bytes(w.bytesIn()), bytes(w.bytesOut()), w.workPerElement(), w.signature()));
        for (Candidate c : d.candidates()) {
            b.append(indent).append("  ").append(String.format("%-28s ", c.device().name()));
            b.append(c.eligibility().ok() ? "predicted " + c.prediction().show()
                    : "not eligible: " + c.eligibility().reason()).append('\n');
        }
        b.append(indent).append("  choice: ");
        for (int i = 0; i < d.chosen().size(); i++) {
            b.append(i == 0 ? "" : " + ").append(d.chosen().get(i).name());
        }
        b.append(String.format(" (%s): %s%n", Prediction.ms(d.predicted()), d.why()));
        StringBuilder m = new StringBuilder();
        for (Candidate c : d.candidates()) {
            Optional<ExecutionHistory.Run> r = history.last(w.signature(), c.device().id(), w.elements())
                    .or(() -> history.last(w.signature(), c.device().id()));
            r.ifPresent(run -> m.append(m.length() == 0 ? "" : "; ").append(String.format("%s %s (%,d elements)",
                    c.device().name(), Prediction.ms(run.nanos()), run.elements())));
        }
        b.append(indent).append("  measured: ").append(m.length() == 0 ? "not run yet" : m).append('\n');
        return b.toString();
    }

    static String bytes(long n) {
        return n < 1_000 ? n + " B" : n < 1_000_000 ? String.format("%.1f kB", n / 1e3) : String.format("%.1f MB", n / 1e6);
    }
}
