package io.pappus.plan;

import io.pappus.ir.Type;
import io.pappus.lift.LiftResult;

import java.util.List;

/**
 * One user lambda in a plan: its role in its operator, the original object, the types it is
 * called with, and what lifting gave.
 *
 * @param role     e.g. {@code fn}, {@code pred}, {@code key}, {@code op}, {@code accumulate}
 * @param fn       the user's original object (never leaves this JVM)
 * @param argTypes the IR types of its arguments
 * @param lift     its IR, or why it is opaque
 */
public record LambdaSite(String role, Object fn, List<Type> argTypes, LiftResult lift) {
    public LambdaSite {
        argTypes = List.copyOf(argTypes);
    }

    /** @return the IR type of the lambda's result, {@link Type.Obj} when opaque */
    public Type resultType() {
        return lift instanceof LiftResult.Lifted l ? l.resultType() : LogicalPlanner.UNKNOWN;
    }

    /** @return whether the lambda was lifted to IR */
    public boolean lifted() {
        return lift instanceof LiftResult.Lifted;
    }
}
