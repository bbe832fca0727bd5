package io.pappus.opencl;

import io.pappus.opencl.codegen.ReduceOp;

/**
 * Where a pipeline's elements go: into output columns (order kept, filtered elements
 * dropped), or into one reduced value.
 */
public sealed interface Sink {

    /** Output columns, one per primitive leaf of the element type. */
    record Columns() implements Sink {
    }

    /**
     * A reduction of a primitive element.
     *
     * @param op the reduction
     */
    record Reduce(ReduceOp op) implements Sink {
    }

    /** @return a sink that collects columns */
    static Sink columns() {
        return new Columns();
    }

    /**
     * @param op the reduction
     * @return a sink that reduces
     */
    static Sink reduce(ReduceOp op) {
        return new Reduce(op);
    }
}
