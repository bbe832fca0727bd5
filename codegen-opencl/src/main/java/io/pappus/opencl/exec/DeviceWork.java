package io.pappus.opencl.exec;

import io.pappus.opencl.Sink;
import io.pappus.opencl.Stage;
import io.pappus.opencl.codegen.ReduceOp;
import io.pappus.plan.fragment.Fragment;

import java.util.List;

/**
 * What one fragment becomes on the device: the fused stages (a lifted flatMap input's function
 * first, a {@code sum(f)}'s summand appended as a last map), the device sink, and how the host turns the device's answer into
 * the fragment's result.
 *
 * @param fragment the fragment
 * @param stages   the device stages, in order
 * @param sink     the device sink
 * @param finish   how the result is finished on the host
 */
public record DeviceWork(Fragment fragment, List<Stage> stages, Sink sink, Finish finish) {
    public DeviceWork {
        stages = List.copyOf(stages);
    }

    /** How the device's answer becomes the fragment's result. */
    public enum Finish {
        /** Columns, in input order. */
        COLUMNS,
        /** A {@code long} count. */
        COUNT,
        /** A {@code double} sum. */
        SUM,
        /** A {@code double} average; empty input throws. */
        AVERAGE,
        /** {@code reduce(identity, op)}. */
        REDUCE,
        /** {@code reduce(op)}: an {@code Optional}. */
        REDUCE_OPTIONAL
    }

    /**
     * @return whether the fragment's input, a lifted flatMap, is fused in as the first stage: the
     *         device program then reads the flatMap's feed, not the flatMap's output
     */
    public boolean fused() {
        return !stages.isEmpty() && stages.get(0).kind() == Stage.Kind.FAN;
    }

    /** @return the most output elements one input element gives: a fused flatMap's slots, else 1 */
    int fanOut() {
        return fused() ? io.pappus.lift.FanOut.slots(stages.get(0).lambda().main().result()) : 1;
    }

    /** @return the device reduction, or null for columns */
    ReduceOp reduceOp() {
        return sink instanceof Sink.Reduce r ? r.op() : null;
    }
}
