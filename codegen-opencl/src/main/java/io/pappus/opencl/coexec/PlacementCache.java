package io.pappus.opencl.coexec;

import io.pappus.api.query.Source;
import io.pappus.exec.ShapeCache;
import io.pappus.jvm.codegen.FragmentShape;
import io.pappus.place.CoexecSetting;
import io.pappus.place.Decision;
import io.pappus.place.ExecutionHistory;
import io.pappus.plan.fragment.Fragment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * AUTO's placements, kept per query shape and input size: a query placed before is run as it was
 * placed, without estimating, predicting and comparing again (W1 repeated: ~200 us of a 2.5 ms
 * query while the JIT has not compiled the decision path, ~5 us once it has). The history still
 * moves a kept placement: it is made again when the measured history of one of its fragments
 * changed materially ({@link ExecutionHistory#version}: a mean moved enough to change a run's
 * predicted time by {@link ExecutionHistory#MATERIAL}, or a first run on a device), and every
 * {@link #REDECIDE_EVERY} queries for the drift below that; placed again from the kept work
 * estimates and device verdicts, which depend on the key only.
 *
 * <p>The key is what a placement depends on besides the history: per fragment its shape (the
 * types, stages, sink and lambdas its signature, work estimate and device verdicts come from, as
 * {@link FragmentShape}), its breaker's lambdas and input types (whether a device runs it), the
 * exact size of each source (predictions and the recorded runs scale with it), and the
 * co-execution mode. The device list is fixed for an engine.
 */
final class PlacementCache {
    /** A kept placement is made again after this many queries even when no version changed. */
    static final int REDECIDE_EVERY = 32;
    private final ShapeCache<Kept> kept = new ShapeCache<>(1024);
    private final AtomicLong placements = new AtomicLong();

    /** A placement and the history versions of its fragments' signatures it was made from. */
    private record Kept(AutoPlan plan, String[] signatures, long[] versions, AtomicInteger uses) {
        boolean current(ExecutionHistory history) {
            for (int i = 0; i < signatures.length; i++) {
                if (history.version(signatures[i]) != versions[i]) {
                    return false;
                }
            }
            return uses.incrementAndGet() < REDECIDE_EVERY;
        }
    }

    /**
     * @param root    a query's fragment tree
     * @param mode    the co-execution mode it runs under
     * @param history the history its placement reads
     * @param place   places it by the cost model, given the placement kept for its key, if any (else null)
     * @return its placement, kept or made now, bound to {@code root}'s fragments
     */
    AutoPlan plan(Fragment root, CoexecSetting.Mode mode, ExecutionHistory history,
                  BiFunction<Fragment, AutoPlan, AutoPlan> place) {
        List<Object> key = key(root, mode);
        Kept k = kept.get(key);
        if (k != null && k.current(history)) {
            return k.plan.rebind(root);
        }
        AutoPlan p = place.apply(root, k == null ? null : k.plan);
        placements.incrementAndGet();
        List<Decision> ds = new ArrayList<>(p.tree().decisions().values());
        String[] signatures = new String[ds.size()];
        long[] versions = new long[ds.size()];
        for (int i = 0; i < signatures.length; i++) {
            signatures[i] = ds.get(i).work().signature();
            // read after placing: a run recorded meanwhile leaves this placement kept until the next change or
            // REDECIDE_EVERY queries, no longer
            versions[i] = history.version(signatures[i]);
        }
        kept.put(key, new Kept(p, signatures, versions, new AtomicInteger()));
        return p;
    }

    /** @return how many queries were placed by the cost model rather than as a kept placement */
    long placements() {
        return placements.get();
    }

    static List<Object> key(Fragment root, CoexecSetting.Mode mode) {
        List<Object> key = new ArrayList<>();
        key.add(mode);
        add(key, root);
        return key;
    }

    private static void add(List<Object> key, Fragment f) {
        key.addAll(FragmentShape.key(f));
        key.add(f.input().op() instanceof Source s ? s.size() : -1);
        f.input().inputs().forEach(in -> key.add(in.output()));
        FragmentShape.addLambdas(key, f.input().lambdas());
        key.add(f.feeds().size());
        for (Fragment feed : f.feeds()) {
            add(key, feed);
        }
    }
}
