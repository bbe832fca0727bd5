package io.pappus.opencl;

import io.pappus.ir.LiftedLambda;

import java.util.List;

/**
 * One step of a fused element-wise pipeline: a map, a filter or a flatMap lambda in IR, with the values
 * it captured (IR form, see {@code io.pappus.lift.IrValues}). The lambda takes one argument,
 * the element.
 *
 * <pre>{@code
 * Stage square = Stage.map(liftedSquare, List.of());
 * Stage positive = Stage.filter(liftedIsPositive, List.of());
 * Stage pairs = Stage.fan(liftedFlatMapFn, List.of());   // x -> List.of(x, -x): only first
 * }</pre>
 *
 * @param kind     map, filter or fan
 * @param lambda   the lambda
 * @param captures its captured values, one per captured parameter
 */
public record Stage(Kind kind, LiftedLambda lambda, List<Object> captures) {

    /** What a stage does with its lambda's result. */
    public enum Kind {
        /** The result replaces the element. */
        MAP,
        /** The element stays when the (boolean) result is true. */
        FILTER,
        /**
         * A lifted flatMap function ({@code io.pappus.lift.FanOut}): the element becomes the first
         * {@code n} slots of its result, each going on through the rest of the pipeline in list
         * order. Only the first stage may be one.
         */
        FAN
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
     * @param lambda   a lifted flatMap function, returning a fan
     * @param captures its captured values
     * @return a fan stage, to come first
     */
    public static Stage fan(LiftedLambda lambda, List<Object> captures) {
        return new Stage(Kind.FAN, lambda, captures);
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
