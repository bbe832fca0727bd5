package io.pappus.ir;

import java.io.Serializable;
import java.util.List;

/**
 * A user lambda in IR. The first {@code captureCount} parameters of {@code main} are the
 * lambda's captured values (bound per query, so one compiled unit serves many values); the
 * rest are its arguments.
 *
 * @param main         the body
 * @param helpers      static methods it calls, lifted too; none recursive
 * @param captureCount how many leading parameters are captured values
 * @param source       where the lambda was written
 */
public record LiftedLambda(Function main, List<Function> helpers, int captureCount, SourceRef source)
        implements Serializable {
    public LiftedLambda {
        helpers = List.copyOf(helpers);
    }

    /** @return the lambda's own arguments, without the captured values */
    public List<Var> args() {
        return main.params().subList(captureCount, main.params().size());
    }

    /** @return the captured values' parameters */
    public List<Var> captures() {
        return main.params().subList(0, captureCount);
    }

    /**
     * @param name a helper's name
     * @return the helper
     * @throws IllegalArgumentException if there is none by that name
     */
    public Function helper(String name) {
        for (Function f : helpers) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no helper " + name + " in lambda at " + source);
    }
}
