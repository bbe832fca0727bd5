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
}
