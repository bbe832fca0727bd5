package io.pappus.cluster.plan;

import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.MapOp;
import io.pappus.api.query.Source;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.cluster.remote.RemoteStep;
import io.pappus.ir.Type;
import io.pappus.lift.LiftResult;
import io.pappus.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A source, or a keyed operator over chains (a shuffle), followed by map/filter operators
 * whose lambdas are all lifted: the part of a query that members run over their partitions.
 *
 * @param base   the source, or the keyed operator (groupBy, join, distinct, orderBy)
 * @param inputs the chains that feed a keyed base (one, two for a join); none for a source
 * @param steps  the map and filter nodes, from the base up
 * @param top    the chain's last node (the base itself when there are no steps)
 */
public record Chain(PlanNode base, List<Chain> inputs, List<PlanNode> steps, PlanNode top) {
    public Chain {
        inputs = List.copyOf(inputs);
        steps = List.copyOf(steps);
    }

    /** @return the source; only for a chain without shuffle ({@link #shuffles()} false) */
    public Source source() {
        return (Source) base.op();
    }

    /** @return the IR type of the base's elements */
    public Type sourceType() {
        return base.output();
    }

    /** @return whether the chain, or one it reads, starts at a keyed operator */
    public boolean shuffles() {
        return !(base.op() instanceof Source);
    }

    /** @return the IR type of the chain's output */
    public Type output() {
        return top.output();
    }

    /**
     * @param partial what members compute over the chain's output
     * @return the chain as IR data for the members
     */
    public RemotePipeline pipeline(PartialSpec partial) {
        List<RemoteStep> out = new ArrayList<>(steps.size());
        for (PlanNode n : steps) {
            RemoteStep.Kind kind = n.op() instanceof MapOp ? RemoteStep.Kind.MAP : RemoteStep.Kind.FILTER;
            LiftResult.Lifted l = (LiftResult.Lifted) n.lambdas().get(0).lift();
            out.add(new RemoteStep(kind, Placement.ship(l)));
        }
        return new RemotePipeline(sourceType(), out, partial);
    }

    /** @return the loader that knows the chain's output record classes: the last map's, else its base's */
    public ClassLoader loader() {
        return loaderOf(top);
    }

    private static ClassLoader loaderOf(PlanNode n) {
        Object fn = n.op() instanceof MapOp m ? m.fn() : n.op() instanceof GroupOp g ? g.key()
                : n.op() instanceof JoinOp j ? j.result() : null;
        if (fn != null) {
            return fn.getClass().getClassLoader();
        }
        if (n.op() instanceof Source s) {
            ClassLoader l = s.elementType().getClassLoader();
            return l != null ? l : Chain.class.getClassLoader();
        }
        return loaderOf(n.inputs().get(0));
    }
}
