package io.pappus.jvm;

import io.pappus.api.Engine;
import io.pappus.api.query.Node;
import io.pappus.api.query.Source;
import io.pappus.api.query.Terminal;
import io.pappus.exec.Fallback;
import io.pappus.exec.InterpretingEngine;
import io.pappus.exec.OpaqueLog;
import io.pappus.exec.ReferenceEngine;
import io.pappus.jvm.compile.JaninoRejected;
import io.pappus.jvm.compile.NumberedSource;
import io.pappus.jvm.exec.FragmentExecutor;
import io.pappus.plan.Lifting;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.LogicalPlanner;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.FragmentPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Target.JVM}: every fragment compiled to Java source, then to bytecode with Janino, and
 * run chunk-parallel on all cores.
 *
 * <pre>{@code
 * double s = DataSet.from(xs).map(x -> x * x).filter(x -> x > 0.25)
 *         .on(Engines.local(Target.JVM)).reduce(0.0, Double::sum);
 * }</pre>
 *
 * <p>Small inputs are not compiled: below 4,096 elements (system property
 * {@code pappus.jvm.compileFrom}, summed over the query's sources) the query runs
 * by reference (the user's lambdas, in Java's order), which takes microseconds, where the first
 * compiled query of a process takes hundreds of milliseconds (ASM, Janino and their classes
 * loading) and a new shape in a warm process ~10 ms. Larger inputs of the same shape compile.
 * Until the process has compiled once, inputs below a million elements also run by reference
 * while the first compile happens in the background ({@link WarmUp}).
 *
 * <p>When a lambda throws, the query is run again by the reference engine, sequentially, so the
 * caller gets exactly Java's exception with the first failing element attached (as
 * {@link io.pappus.exec.ElementFailure}). If Janino rejects generated code, that is a bug: with
 * {@code -Dpappus.fallback=off} it is thrown with the numbered source; otherwise it is logged
 * once and the query runs on the IR interpreter.
 */
public final class JvmEngine implements Engine {
    /** The system property: inputs with fewer elements run by reference, uncompiled. */
    public static final String COMPILE_FROM = "pappus.jvm.compileFrom";
    private static final long DEFAULT_COMPILE_FROM = 4096;
    /** The system property: while the process has not compiled yet, inputs with fewer elements run by reference ({@link WarmUp}). */
    public static final String WARM_UP_BELOW = "pappus.jvm.warmUpBelow";
    private static final Logger LOG = LoggerFactory.getLogger(JvmEngine.class);
    private final LogicalPlanner planner;
    private final InterpretingEngine fallback;
    private final ReferenceEngine reference = new ReferenceEngine();

    /** @param lifting the lifter to plan with */
    public JvmEngine(Lifting lifting) {
        this.planner = new LogicalPlanner(lifting);
        this.fallback = new InterpretingEngine(planner, "local[JVM fallback: IR interpreter]");
    }

    @Override
    public <R> R execute(Node plan, Terminal<R> terminal) {
        long n = inputElements(plan);
        if (n < compileFrom()) {
            LOG.debug("{} input elements, below {}: runs by reference, nothing compiled", n, COMPILE_FROM);
            return reference.execute(plan, terminal);
        }
        if (WarmUp.runByReference(n)) {
            try {
                return reference.execute(plan, terminal);
            } finally {
                // then, not meanwhile: on few cores the compile would slow this query down
                WarmUp.start(() -> explain(plan, terminal));  // lifts, generates and compiles this query's fragments
            }
        }
        LogicalPlan lp = planner.plan(plan, terminal);
        OpaqueLog.report(lp);
        return executePlanned(plan, terminal, new FragmentPlanner().cut(lp));
    }

    /**
     * Runs a query that an engine placing queries (AUTO) has planned and cut already, so it is not
     * planned twice; the query must be one that does not run by reference ({@link #runsByReference}).
     *
     * <pre>{@code
     * Fragment root = new FragmentPlanner().cut(planner.plan(node, terminal));
     * double s = jvm.executePlanned(node, terminal, root);
     * }</pre>
     *
     * @param plan     the query, for the fallbacks that run it again
     * @param terminal its terminal
     * @param root     its fragment tree, cut from a plan of {@code plan} and {@code terminal}
     * @param <R>      the result type
     * @return the result, as {@link #execute} gives it
     */
    @SuppressWarnings("unchecked")
    public <R> R executePlanned(Node plan, Terminal<R> terminal, Fragment root) {
        try {
            R result = (R) new FragmentExecutor(this).result(root, terminal);
            WarmUp.compiled();
            return result;
        } catch (JaninoRejected e) {
            if (Fallback.off()) {
                throw e;
            }
            LOG.warn("falling back to the IR interpreter: {}", e.getMessage());
            return fallback.execute(plan, terminal);
        } catch (RuntimeException e) {
            throw reference.rethrowAsJava(plan, terminal, e);
        }
    }

    @Override
    public String explain(Node plan, Terminal<?> terminal) {
        LogicalPlan lp = planner.plan(plan, terminal);
        String compiled = JvmExplain.write(name(), lp, new FragmentPlanner().cut(lp));
        long n = inputElements(plan);
        if (n < compileFrom()) {
            return "runs by reference (the user's lambdas, in order), nothing compiled: " + n + " input elements,"
                    + " below " + COMPILE_FROM + "=" + compileFrom() + ". Larger inputs run the plan below.\n\n"
                    + compiled;
        }
        if (WarmUp.runByReference(n)) {
            return WarmUp.explainLine(n) + "\n\n" + compiled;
        }
        return compiled;
    }

    /**
     * @param plan a query
     * @return whether this engine would run it by reference, uncompiled: a small input, or a
     *         cold compiler ({@link WarmUp}); an engine that places queries (AUTO) skips placing it then
     */
    public static boolean runsByReference(Node plan) {
        long n = inputElements(plan);
        return n < compileFrom() || WarmUp.runByReference(n);
    }

    /** @return the input size from which queries compile (read at every query, so tests and benchmarks can set it) */
    static long compileFrom() {
        return Long.getLong(COMPILE_FROM, DEFAULT_COMPILE_FROM);
    }

    /** @return the elements of every source the query reads (a source read twice counts twice) */
    static long inputElements(Node plan) {
        if (plan instanceof Source s) {
            return s.size();
        }
        long n = 0;
        for (Node in : plan.inputs()) {
            n += inputElements(in);
        }
        return n;
    }

    /**
     * @param source generated source
     * @return it with line numbers
     */
    public static String numbered(String source) {
        return NumberedSource.of(source);
    }

    @Override
    public String name() {
        return "local[JVM]";
    }

    @Override
    public String toString() {
        return name();
    }
}
