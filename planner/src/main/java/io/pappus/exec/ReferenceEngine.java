package io.pappus.exec;

import io.pappus.api.Engine;
import io.pappus.api.query.Node;
import io.pappus.api.query.Terminal;

/**
 * {@code Target.REFERENCE}, the oracle: every operator runs plainly and sequentially and
 * calls the user's original lambdas (nothing is lifted), so its answers are Java's by
 * construction. Every backend is tested against it.
 *
 * <pre>{@code
 * long n = DataSet.range(0, 10).filter(i -> i % 2 == 0).on(Engines.local(Target.REFERENCE)).count();
 * }</pre>
 */
public final class ReferenceEngine implements Engine {

    @Override
    public <R> R execute(Node plan, Terminal<R> terminal) {
        ObjectEvaluator ev = new ObjectEvaluator(OriginalCalls.INSTANCE, this);
        return Terminals.apply(ev, ev.evaluate(plan), terminal);
    }

    /**
     * What a compiling engine does when its run of a query threw: runs the query here, so the
     * caller gets exactly Java's exception with the first failing element attached
     * ({@link ElementFailure}); if Java throws nothing, the engine's own exception stands.
     *
     * @param plan     the query tree
     * @param terminal its action
     * @param failure  what the engine's run threw
     * @return never returns normally
     */
    public RuntimeException rethrowAsJava(Node plan, Terminal<?> terminal, RuntimeException failure) {
        execute(plan, terminal);
        throw failure;
    }

    @Override
    public String explain(Node plan, Terminal<?> terminal) {
        return ExplainWriter.reference(name(), plan, terminal);
    }

    @Override
    public String name() {
        return "local[REFERENCE]";
    }

    @Override
    public String toString() {
        return name();
    }
}
