package io.pappus.opencl.exec;

import io.pappus.api.query.CacheOp;
import io.pappus.api.query.Source;
import io.pappus.exec.ShapeCache;
import io.pappus.jvm.codegen.FragmentShape;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link Placement}'s verdict without building the program, for the cost model: AUTO asks
 * every device first and builds only where it places the fragment.
 */
public final class PlacementCheck {
    private static final ShapeCache<Optional<String>> VERDICTS = new ShapeCache<>(4096);

    private PlacementCheck() {
    }

    /**
     * The verdict on a whole fragment, breaker and pipeline, for a planner that places fragment by
     * fragment: a fragment with nothing to run but its breaker can run on the device when the
     * device runs the breaker; otherwise its pipeline decides ({@link #whyNot}).
     *
     * @param f      a fragment
     * @param device a device
     * @return why the fragment cannot run there with Java's meaning, or empty when it can
     */
    public static Optional<String> fragmentWhyNot(Fragment f, DeviceInfo device) {
        if (f.stages().isEmpty() && f.sink() instanceof Sink.Collect && feedsInPlace(f, device)) {
            return Optional.empty();
        }
        return whyNot(f, device);
    }

    /**
     * @param f      a fragment
     * @param device a device
     * @return whether, run on the device, the fragment reads its feeds' outputs in device memory:
     *         its input is a breaker the device runs (not a source, not a {@code cache()})
     */
    public static boolean feedsInPlace(Fragment f, DeviceInfo device) {
        Object op = f.input().op();
        if (op instanceof Source || op instanceof CacheOp) {
            return false;
        }
        // like a pipeline's, a breaker's verdict depends on its shape: operation, types and lambdas
        List<Object> key = new ArrayList<>(List.of("breaker", op.getClass(), f.input().output(), device.id()));
        f.input().inputs().forEach(in -> key.add(in.output()));
        FragmentShape.addLambdas(key, f.input().lambdas());
        return verdict(key, () -> DeviceBreakers.whyNot(f.input(), device)).isEmpty();
    }

    /**
     * @param f      a fragment
     * @param device a device
     * @return why the fragment cannot run there with Java's meaning, or empty when it can
     */
    public static Optional<String> whyNot(Fragment f, DeviceInfo device) {
        // the verdict depends on the fragment's shape (types, sink, lambdas' IR), not on its data or
        // captured values; working it out writes the kernel source, ~1 ms AUTO paid on every query
        List<Object> key = new ArrayList<>(FragmentShape.key(f));
        key.add(device.id());
        return verdict(key, () -> {
            Placement.Decision d = Placement.decide(f, device, "none");
            return d.onDevice() ? Optional.empty() : Optional.of(d.reason());
        });
    }

    private static Optional<String> verdict(List<Object> key, Supplier<Optional<String>> work) {
        Optional<String> known = VERDICTS.get(key);
        if (known != null) {
            return known;
        }
        Optional<String> why = work.get();
        VERDICTS.put(key, why);
        return why;
    }
}
