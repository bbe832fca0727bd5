package io.pappus.opencl;

import io.pappus.ir.LiftedLambda;

import java.util.List;

/**
 * One step of a fused element-wise pipeline: a map or a filter lambda in IR, with the values
 * it captured (IR form, see {@code io.pappus.lift.IrValues}). The lambda takes one argument,
 * the element.
 *
 * <pre>{@code
 * Stage square = Stage.map(liftedSquare, List.of());
 * Stage positive = Stage.filter(liftedIsPositive, List.of());
 * }</pre>
 *
 * @param kind     map or filter
 * @param lambda   the lambda
 * @param captures its captured values, one per captured parameter
 */
public record Stage(Kind kind, LiftedLambda lambda, List<Object> captures) {

    /** What a stage does with its lambda's result. */
    public enum Kind {
        /** The result replaces the element. */
        MAP,
        /** The element stays when the (boolean) result is true. */
        FILTER
    }

    public Stage {
        captures = List.copyOf(captures);
        if (captures.size() != lambda.captureCount()) {
            throw new IllegalArgumentException("lambda at " + lambda.source() + " captures " + lambda.captureCount()
                    + " values, got " + captures.size());
        }
    }

    /**
     * @param lambda   a one-argument lambda
     * @param captures its captured values
     * @return a map stage
     */
    public static Stage map(LiftedLambda lambda, List<Object> captures) {
        return new Stage(Kind.MAP, lambda, captures);
    }

    /**
     * @param lambda   a one-argument lambda returning boolean
     * @param captures its captured values
     * @return a filter stage
     */
    public static Stage filter(LiftedLambda lambda, List<Object> captures) {
        return new Stage(Kind.FILTER, lambda, captures);
    }
}
