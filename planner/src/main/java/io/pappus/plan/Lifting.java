package io.pappus.plan;

import io.pappus.ir.Type;
import io.pappus.lift.LiftResult;

import java.util.List;

/** Lifts one lambda given the IR types of its arguments; the planner's view of the lifter. */
@FunctionalInterface
public interface Lifting {
    /**
     * @param fn       the user's function object
     * @param argTypes the IR types of its arguments; an entry may be {@link Type.Obj} when unknown
     * @return its IR, or why it stays opaque
     */
    LiftResult lift(Object fn, List<Type> argTypes);

    /**
     * Lifts a flatMap function, whose list literals become a {@link io.pappus.lift.FanOut}
     * value; by default as any other lambda (so it stays opaque where it builds a list).
     *
     * @param fn       the user's function, returning an {@code Iterable}
     * @param argTypes the IR type of its argument
     * @return its IR, or why it stays opaque
     */
    default LiftResult liftFlatMap(Object fn, List<Type> argTypes) {
        return lift(fn, argTypes);
    }

    /** @return the process-wide lifter ({@link io.pappus.lift.LambdaLifter#shared()}), flatMap functions included */
    static Lifting shared() {
        return Standard.INSTANCE;
    }

    /** {@link #shared()}. */
    final class Standard implements Lifting {
        private static final Standard INSTANCE = new Standard();

        private Standard() {
        }

        @Override
        public LiftResult lift(Object fn, List<Type> argTypes) {
            return io.pappus.lift.LambdaLifter.shared().lift(fn, argTypes);
        }

        @Override
        public LiftResult liftFlatMap(Object fn, List<Type> argTypes) {
            return io.pappus.lift.LambdaLifter.shared().liftFlatMap(fn, argTypes);
        }
    }
}
