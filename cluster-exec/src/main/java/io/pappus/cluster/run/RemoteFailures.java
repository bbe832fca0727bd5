package io.pappus.cluster.run;

import io.pappus.api.query.Node;
import io.pappus.cluster.plan.Chain;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.exec.ElementFailure;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.LogicalPlan;

import java.util.List;

/**
 * Turns the element failures that members report into the exception the sequential run
 * throws: of the lambda's own exception type, for the element that the reference engine
 * reaches first (it runs one operator over all elements before the next, so the earliest
 * failing step wins, then the earliest chunk), with an {@link ElementFailure} naming the
 * operator, the element's global index, and the member.
 */
public final class RemoteFailures {
    private RemoteFailures() {
    }

    /**
     * @param result   the job's answers
     * @param chain    the chain the members ran
     * @param plan     the typed plan (for the terminal's lambdas), or {@code null} when only the chain ran
     * @param terminal whether the members also ran the terminal's partial aggregate
     * @throws RuntimeException the first failure, if any chunk failed
     */
    public static void rethrowFirst(JobResult result, Chain chain, LogicalPlan plan, boolean terminal) {
        List<ChunkResult> rs = result.results();
        int bestChunk = -1;
        ChunkResult.ElementFailed best = null;
        for (int c = 0; c < rs.size(); c++) {
            if (rs.get(c) instanceof ChunkResult.ElementFailed f && (best == null || f.stage() < best.stage())) {
                best = f;
                bestChunk = c;
            }
        }
        if (best == null) {
            return;
        }
        long index = best.index();
        for (int c = 0; c < bestChunk; c++) {
            index += ((ChunkResult.Done) rs.get(c)).counts()[best.stage()];
        }
        String operator;
        LambdaSite site;
        Type elementType;
        if (best.stage() < chain.steps().size()) {
            Node op = chain.steps().get(best.stage()).op();
            operator = op.opName();
            site = chain.steps().get(best.stage()).lambdas().get(0);
            elementType = site.argTypes().get(0);
        } else {
            site = plan.terminalLambdas().get(0);
            operator = plan.terminal().name() + (site.role().equals("op") || site.role().equals("f") ? "" : " " + site.role());
            elementType = chain.output();
        }
        RuntimeException e = rebuild(best.exceptionClass(), best.message());
        String where = (site.lift() instanceof LiftResult.Lifted l ? l.source().toString() : "?")
                + " on member " + result.members().get(bestChunk);
        throw ElementFailure.attach(e, operator, index, javaValue(best.element(), elementType, chain.loader()), where);
    }

    /**
     * @param className a member-side exception's class
     * @param message   its message
     * @return an exception of that class when it is a JDK runtime exception, else an {@link IllegalStateException} naming it
     */
    static RuntimeException rebuild(String className, String message) {
        if (className != null && className.startsWith("java.")) {
            try {
                Class<?> c = Class.forName(className, false, ClassLoader.getPlatformClassLoader());
                if (RuntimeException.class.isAssignableFrom(c)) {
                    return (RuntimeException) c.getConstructor(String.class).newInstance(message);
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // No (String) constructor: fall through to the wrapper, which keeps the name.
            }
        }
        return new IllegalStateException(className + " on a cluster member: " + message);
    }

    private static Object javaValue(Object ir, Type t, ClassLoader loader) {
        try {
            return ir == null ? null : IrValues.toJava(ir, t, loader);
        } catch (RuntimeException e) {
            return ir;  // only for the message
        }
    }
}
