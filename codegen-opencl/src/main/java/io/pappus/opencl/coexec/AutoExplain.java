package io.pappus.opencl.coexec;

import io.pappus.place.Decision;
import io.pappus.place.ExecutionHistory;
import io.pappus.place.PlacementExplain;
import io.pappus.place.TreePlacement;
import io.pappus.plan.fragment.Fragment;

import java.util.Map;

/**
 * The placement part of AUTO's {@code explain()}: the query's predicted total, then per fragment
 * its candidates with predicted times, the choice and why, each edge from its feeds with the
 * transfer it was charged, and the measured times of the last runs.
 */
final class AutoExplain {
    private AutoExplain() {
    }

    static String write(String engine, Fragment root, AutoPlan plan, ExecutionHistory history,
                        Map<String, CoExecutor.Result> shared) {
        StringBuilder b = new StringBuilder("== ").append(engine).append(": placement ==\n");
        if (!root.feeds().isEmpty()) {
            b.append(String.format("query predicted %.3f ms: each fragment's own time, plus every edge between the JVM"
                    + " and the device at the device's link (an edge within the device moves nothing)%n",
                    plan.tree().predicted() / 1e6));
        }
        fragment(b, root, plan, history, shared);
        return b.append('\n').toString();
    }

    private static void fragment(StringBuilder b, Fragment f, AutoPlan plan, ExecutionHistory history,
                                 Map<String, CoExecutor.Result> shared) {
        Decision d = plan.decisions().get(f);
        b.append("fragment ").append(f.id()).append(": ").append(f.describe()).append('\n');
        b.append(PlacementExplain.write(d, history, "  "));
        for (TreePlacement.Edge e : plan.tree().edgesInto(f.id())) {
            b.append("  edge ").append(e.show()).append('\n');
        }
        CoExecutor.Result r = shared.get(d.work().signature());
        if (r != null) {
            b.append(String.format("    last co-executed run: %.3f ms wall", r.nanos() / 1e6));
            for (CoExecutor.DeviceRun run : r.runs()) {
                b.append(String.format("; %s %,d elements in %d chunks, %.3f ms busy", run.device(), run.elements(),
                        run.chunks(), run.nanos() / 1e6));
            }
            b.append('\n');
        }
        for (Fragment feed : f.feeds()) {
            fragment(b, feed, plan, history, shared);
        }
    }
}
