package io.pappus.cluster.run;

import io.pappus.api.query.Terminal;
import io.pappus.cluster.plan.Chain;
import io.pappus.cluster.plan.Placement;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.exec.ElementFailure;
import io.pappus.exec.IrInterpreter;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LogicalPlan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Combines the chunks' partial results on the caller, in partition order, and converts them
 * to Java values at the edge: lists are concatenated (so {@code toList} keeps source order),
 * counts and sums added, folds continued with the lifted operator from the identity, and
 * extremes compared with the first chunk winning ties, as the sequential run does.
 */
public final class Combiner {
    private final IrInterpreter interpreter = new IrInterpreter();

    /**
     * @param chain  the chain the members ran with {@code Collect}
     * @param result their answers, all {@link ChunkResult.Done}
     * @return the chain's output as Java values, in source order
     */
    public List<Object> collect(Chain chain, JobResult result) {
        List<Object> out = new ArrayList<>();
        ClassLoader loader = chain.loader();
        for (ChunkResult r : result.results()) {
            for (Object v : (Object[]) ((ChunkResult.Done) r).partial()) {
                out.add(IrValues.toJava(v, chain.output(), loader));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * @param plan   the typed plan
     * @param chain  the chain the members ran with the terminal's partial aggregate
     * @param result their answers, all {@link ChunkResult.Done}
     * @return the terminal's result as a Java value
     */
    public Object finish(LogicalPlan plan, Chain chain, JobResult result) {
        Terminal<?> t = plan.terminal();
        int last = chain.steps().size();
        List<ChunkResult.Done> done = result.results().stream().map(r -> (ChunkResult.Done) r).toList();
        long n = done.stream().mapToLong(d -> d.counts()[last]).sum();
        if (t instanceof Terminal.ToList<?>) {
            return collect(chain, result);
        } else if (t instanceof Terminal.Count) {
            return n;
        } else if (t instanceof Terminal.Sum || t instanceof Terminal.Average) {
            double s = 0.0;
            for (ChunkResult.Done d : done) {
                s += (Double) d.partial();
            }
            if (t instanceof Terminal.Average && n == 0) {
                throw new NoSuchElementException("average of an empty data set");
            }
            return t instanceof Terminal.Sum ? s : s / n;
        } else if (t instanceof Terminal.Reduce<?> r) {
            Object acc = fold(plan, "op", IrValues.toIr(r.identity(), chain.output()), done, last);
            return IrValues.toJava(acc, chain.output(), chain.loader());
        } else if (t instanceof Terminal.ReduceOptional<?>) {
            Object acc = fold(plan, "op", null, done, last);
            return acc == null ? Optional.empty() : Optional.of(IrValues.toJava(acc, chain.output(), chain.loader()));
        } else if (t instanceof Terminal.Aggregate<?> a) {
            Object acc = fold(plan, "combine", null, done, last);
            if (acc == null) {
                return a.seed();
            }
            Type accType = Placement.lifted(plan, "accumulate").resultType();
            return IrValues.toJava(acc, accType, a.accumulate().getClass().getClassLoader());
        } else if (t instanceof Terminal.Extreme<?> x) {
            return extreme(x.max(), done, chain);
        }
        throw new AssertionError(t);
    }

    /** Continues a fold over the non-empty chunks' partials, starting from {@code acc} (none when null). */
    private Object fold(LogicalPlan plan, String role, Object acc, List<ChunkResult.Done> done, int last) {
        LiftResult.Lifted op = Placement.lifted(plan, role);
        long index = 0;
        for (ChunkResult.Done d : done) {
            if (d.partial() != null) {
                try {
                    acc = acc == null ? d.partial() : interpreter.call(op.ir(), op.captures(), acc, d.partial());
                } catch (RuntimeException e) {
                    throw ElementFailure.attach(e, plan.terminal().name() + " " + role + " (combining partitions)",
                            index, d.partial(), op.source().toString());
                }
            }
            index += d.counts()[last];
        }
        return acc;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Object> extreme(boolean max, List<ChunkResult.Done> done, Chain chain) {
        Object[] best = null;
        for (ChunkResult.Done d : done) {
            Object[] p = (Object[]) d.partial();
            if (p == null) {
                continue;
            }
            int c = best == null ? 0 : ((Comparable<Object>) p[1]).compareTo(best[1]);
            if (best == null || (max ? c > 0 : c < 0)) {
                best = p;
            }
        }
        return best == null ? Optional.empty() : Optional.of(IrValues.toJava(best[0], chain.output(), chain.loader()));
    }
}
