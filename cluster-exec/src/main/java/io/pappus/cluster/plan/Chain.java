package io.pappus.cluster.plan;

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
 * A source followed by map/filter operators whose lambdas are all lifted: the part of a query
 * that members run over their partitions.
 *
 * @param source     the source
 * @param sourceType the IR type of its elements
 * @param steps      the map and filter nodes, from the source up
 * @param top        the chain's last node (the source itself when there are no steps)
 */
public record Chain(Source source, Type sourceType, List<PlanNode> steps, PlanNode top) {
    public Chain {
        steps = List.copyOf(steps);
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
        return new RemotePipeline(sourceType, out, partial);
    }

    /** @return the loader that knows the chain's output record classes: the last map's, else the source's */
    public ClassLoader loader() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).op() instanceof MapOp m) {
                return m.fn().getClass().getClassLoader();
            }
        }
        ClassLoader l = source.elementType().getClassLoader();
        return l != null ? l : Chain.class.getClassLoader();
    }
}
