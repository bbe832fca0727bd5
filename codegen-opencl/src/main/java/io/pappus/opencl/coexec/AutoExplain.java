package io.pappus.opencl.coexec;

import io.pappus.place.Decision;
import io.pappus.place.ExecutionHistory;
import io.pappus.place.PlacementExplain;
import io.pappus.plan.fragment.Fragment;

import java.util.Map;

/** The placement part of AUTO's {@code explain()}: per fragment, candidates, choice, why, measured. */
final class AutoExplain {
    private AutoExplain() {
    }

    static String write(String engine, Fragment root, AutoPlan plan, ExecutionHistory history,
                        Map<String, CoExecutor.Result> shared) {
        StringBuilder b = new StringBuilder("== ").append(engine).append(": placement ==\n");
        fragment(b, root, plan, history, shared);
        return b.append('\n').toString();
    }

    private static void fragment(StringBuilder b, Fragment f, AutoPlan plan, ExecutionHistory history,
                                 Map<String, CoExecutor.Result> shared) {
        Decision d = plan.decisions().get(f);
        b.append("fragment ").append(f.id()).append(": ").append(f.describe()).append('\n');
        b.append(PlacementExplain.write(d, history, "  "));
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
