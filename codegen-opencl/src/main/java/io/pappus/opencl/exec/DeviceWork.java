package io.pappus.opencl.exec;

import io.pappus.opencl.Sink;
import io.pappus.opencl.Stage;
import io.pappus.opencl.codegen.ReduceOp;
import io.pappus.plan.fragment.Fragment;

import java.util.List;

/**
 * What one fragment becomes on the device: the fused stages (a {@code sum(f)}'s summand
 * appended as a last map), the device sink, and how the host turns the device's answer into
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

    /** @return the device reduction, or null for columns */
    ReduceOp reduceOp() {
        return sink instanceof Sink.Reduce r ? r.op() : null;
    }
}
