package io.pappus.plan.fragment;

import io.pappus.api.query.FilterOp;
import io.pappus.api.query.MapOp;
import io.pappus.api.query.Terminal;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.PlanNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cuts a logical plan into {@link Fragment}s at pipeline breakers: maps and filters fuse into
 * the fragment that reads them; every other operator (source, cache, groupBy, join, orderBy,
 * distinct, take, zip, flatMap) is a fragment input, and each of its own inputs is a fragment
 * that collects columns.
 *
 * <pre>{@code
 * Fragment root = new FragmentPlanner().cut(logicalPlan);  // root.sink() is the terminal's
 * }</pre>
 */
public final class FragmentPlanner {
    private int next = 1;

    /**
     * @param plan a typed plan
     * @return the fragment that ends in the plan's terminal, with its feeds
     */
    public Fragment cut(LogicalPlan plan) {
        next = 1;
        return fragment(plan.root(), sink(plan));
    }

    private Fragment fragment(PlanNode top, Sink sink) {
        int id = next++;
        List<PlanNode> chain = new ArrayList<>();
        PlanNode n = top;
        while (n.op() instanceof MapOp || n.op() instanceof FilterOp) {
            chain.add(n);
            n = n.inputs().get(0);
        }
        Collections.reverse(chain);
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            PlanNode in = i == 0 ? n : chain.get(i - 1);
            stages.add(new Stage(i + 1, chain.get(i), in.output()));
        }
        List<Fragment> feeds = new ArrayList<>();
        for (PlanNode in : n.inputs()) {
            feeds.add(fragment(in, new Sink.Collect()));
        }
        return new Fragment(id, n, stages, sink, feeds);
    }

    private static Sink sink(LogicalPlan plan) {
        Terminal<?> t = plan.terminal();
        List<LambdaSite> l = plan.terminalLambdas();
        if (t instanceof Terminal.ToList<?>) {
            return new Sink.Collect();
        } else if (t instanceof Terminal.Count) {
            return new Sink.Count();
        } else if (t instanceof Terminal.Reduce<?> r) {
            return new Sink.Reduce(l.get(0), r.identity(), false);
        } else if (t instanceof Terminal.ReduceOptional<?>) {
            return new Sink.Reduce(l.get(0), null, true);
        } else if (t instanceof Terminal.Aggregate<?> a) {
            return new Sink.Aggregate(a.seed(), l.get(0), l.get(1));
        } else if (t instanceof Terminal.Sum) {
            return new Sink.Sum(l.get(0), false);
        } else if (t instanceof Terminal.Average) {
            return new Sink.Sum(l.get(0), true);
        } else if (t instanceof Terminal.Extreme<?> x) {
            return new Sink.Extreme(l.get(0), x.max());
        }
        throw new AssertionError(t);
    }
}
