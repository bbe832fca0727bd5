package io.pappus.exec;

import io.pappus.api.Engine;
import io.pappus.api.query.Node;
import io.pappus.api.query.Terminal;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.LogicalPlanner;

/**
 * Runs queries with every liftable lambda evaluated from its lifted IR by the
 * {@link IrInterpreter}, and opaque ones by calling the original. Slow, but it exercises the
 * lifter end to end; {@code Target.AUTO} uses it until a compiling backend is present.
 */
public final class InterpretingEngine implements Engine {
    private final LogicalPlanner planner;
    private final IrInterpreter interpreter = new IrInterpreter();
    private final String name;

    /**
     * @param planner the planner that lifts lambdas
     * @param name    the engine's name, e.g. {@code local[AUTO]}
     */
    public InterpretingEngine(LogicalPlanner planner, String name) {
        this.planner = planner;
        this.name = name;
    }

    @Override
    public <R> R execute(Node plan, Terminal<R> terminal) {
        LogicalPlan lp = planner.plan(plan, terminal);
        OpaqueLog.report(lp);
        ObjectEvaluator ev = new ObjectEvaluator(new InterpretedCalls(lp, interpreter), this);
        return Terminals.apply(ev, ev.evaluate(plan), terminal);
    }

    @Override
    public String explain(Node plan, Terminal<?> terminal) {
        return ExplainWriter.lifted(name + ", IR interpreter", planner.plan(plan, terminal));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
