package io.pappus.cluster.plan;

import io.pappus.api.query.DistinctOp;
import io.pappus.api.query.FilterOp;
import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.MapOp;
import io.pappus.api.query.OrderByOp;
import io.pappus.api.query.Source;
import io.pappus.cluster.remote.IrValueCheck;
import io.pappus.cluster.remote.PipelineCheck;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which keyed operators members run through a shuffle: groupBy, join, distinct and
 * orderBy whose lambdas are lifted, over inputs members can run, with element and key types
 * the IR can lay out. Their inputs are partitioned by key (by range for orderBy) across
 * members through Hazelcast and each target partition is finished on its owner.
 */
public final class ShufflePlacement {
    private ShufflePlacement() {
    }

    /**
     * @param n a plan node
     * @return the chain ending at {@code n} that members can run, shuffles included
     */
    public static Optional<Chain> chain(PlanNode n) {
        List<PlanNode> steps = new ArrayList<>();
        PlanNode cur = n;
        while (cur.op() instanceof MapOp || cur.op() instanceof FilterOp) {
            if (!cur.lambdas().get(0).lifted() || !PipelineCheck.complete(cur.output())) {
                return Optional.empty();
            }
            steps.add(0, cur);
            cur = cur.inputs().get(0);
        }
        if (cur.op() instanceof Source) {
            return PipelineCheck.complete(cur.output()) ? Optional.of(new Chain(cur, List.of(), steps, n))
                    : Optional.empty();
        }
        if (reason(cur) != null) {
            return Optional.empty();
        }
        List<Chain> inputs = new ArrayList<>();
        for (PlanNode in : cur.inputs()) {
            Optional<Chain> c = chain(in);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            inputs.add(c.get());
        }
        return Optional.of(new Chain(cur, inputs, steps, n));
    }

    /**
     * @param k a plan node
     * @return why members cannot finish it through a shuffle, or {@code null} when they can
     */
    public static String reason(PlanNode k) {
        Object op = k.op();
        if (!(op instanceof GroupOp || op instanceof JoinOp || op instanceof DistinctOp || op instanceof OrderByOp)) {
            return "not a keyed operator";
        }
        for (LambdaSite s : k.lambdas()) {
            if (!s.lifted()) {
                return "opaque " + s.role() + " needs user classes: runs on the caller";
            }
        }
        if (!PipelineCheck.complete(k.output())) {
            return "its output " + k.output().show() + " is a Java object: runs on the caller";
        }
        if (op instanceof GroupOp g) {
            Type in = k.inputs().get(0).output();
            if (!PipelineCheck.complete(k.lambda("key").resultType())) {
                return "key " + k.lambda("key").resultType().show() + " is not an IR value: runs on the caller";
            }
            if (g.agg() instanceof GroupOp.Reduce && !k.lambda("op").resultType().equals(in)) {
                return "op does not return " + in.show() + ": runs on the caller";
            }
            if (g.agg() instanceof GroupOp.Aggregate a) {
                Type acc = k.lambda("accumulate").argTypes().get(0);
                boolean fits = k.lambda("accumulate").resultType().equals(acc);
                if (!fits || !IrValueCheck.conforms(toIr(a.seed(), acc), acc)) {
                    return "accumulator " + acc.show() + " is not an IR value: runs on the caller";
                }
            }
        } else if (op instanceof JoinOp) {
            Type l = k.lambda("leftKey").resultType();
            if (!l.equals(k.lambda("rightKey").resultType()) || !PipelineCheck.complete(l)) {
                return "keys " + l.show() + " and " + k.lambda("rightKey").resultType().show()
                        + " differ in IR type: runs on the caller";
            }
        } else if (op instanceof OrderByOp) {
            Type key = k.lambda("key").resultType();
            if (!(key instanceof Type.Prim || key instanceof Type.Str)) {
                return "sort key " + key.show() + " is not a primitive or String: runs on the caller";
            }
        }
        return null;
    }

    private static Object toIr(Object v, Type t) {
        try {
            return v == null ? null : IrValues.toIr(v, t);
        } catch (RuntimeException e) {
            return null;  // not a value of that shape: the caller runs the group with the original lambdas
        }
    }
}
