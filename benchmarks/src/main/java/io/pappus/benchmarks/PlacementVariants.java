package io.pappus.benchmarks;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.plan.Lifting;
import io.pappus.opencl.coexec.AutoEngine;
import io.pappus.place.CoexecSetting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One workload under each placement, in one run: AUTO (cost model and measured history), the
 * JVM alone, OpenCL alone, and the JVM and OpenCL co-executing (forced, whatever the model
 * says). On a machine whose only OpenCL device is PoCL, both "devices" share the same cores.
 */
final class PlacementVariants {
    private static Engine shared;

    private PlacementVariants() {
    }

    /**
     * @param query the workload's query on a given engine
     * @return the four variants; the first (AUTO) gives the group's reference answer
     */
    static List<Variant> of(Function<Engine, Object> query) {
        List<Variant> v = new ArrayList<>();
        v.add(Variant.pappus("placement: AUTO (cost model + history)", () -> query.apply(Engines.local(Target.AUTO))));
        v.add(Variant.pappus("placement: JVM only", () -> query.apply(Engines.local(Target.JVM))));
        try {
            Engine ocl = Engines.local(Target.OPENCL);
            v.add(Variant.pappus("placement: OpenCL only (" + ocl.name() + ")", () -> query.apply(ocl)));
            Engine both = coexecuting();
            v.add(Variant.pappus("placement: co-execution JVM + OpenCL", () -> query.apply(both)));
        } catch (IllegalStateException | LinkageError e) {
            v.add(Variant.unavailable("placement: OpenCL only", "not available: " + e.getMessage()));
            v.add(Variant.unavailable("placement: co-execution JVM + OpenCL", "not available: " + e.getMessage()));
        }
        return v;
    }

    private static synchronized Engine coexecuting() {
        if (shared == null) {
            shared = new AutoEngine(Lifting.shared(), CoexecSetting.Mode.FORCE);
        }
        return shared;
    }
}
