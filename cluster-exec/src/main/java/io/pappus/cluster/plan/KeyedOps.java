package io.pappus.cluster.plan;

import io.pappus.api.query.DistinctOp;
import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.OrderByOp;
import io.pappus.cluster.remote.ShippedLambda;
import io.pappus.cluster.shuffle.KeyedOp;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;
import io.pappus.lift.LiftResult;
import io.pappus.plan.PlanNode;

/** A keyed plan node (one {@link ShufflePlacement} accepts) as IR data for the members. */
public final class KeyedOps {
    private KeyedOps() {
    }

    /** @param k a keyed node @return what members finish each target partition with */
    public static KeyedOp op(PlanNode k) {
        Object op = k.op();
        if (op instanceof GroupOp g) {
            if (g.agg() instanceof GroupOp.Count) {
                return new KeyedOp.GroupCount();
            } else if (g.agg() instanceof GroupOp.Reduce) {
                return new KeyedOp.GroupReduce(ship(k, "op"));
            }
            GroupOp.Aggregate a = (GroupOp.Aggregate) g.agg();
            Type acc = k.lambda("accumulate").argTypes().get(0);
            return new KeyedOp.GroupAggregate(IrValues.toIr(a.seed(), acc), ship(k, "accumulate"), ship(k, "combine"));
        } else if (op instanceof DistinctOp) {
            return new KeyedOp.Distinct();
        } else if (op instanceof JoinOp) {
            return new KeyedOp.Join(ship(k, "result"));
        } else if (op instanceof OrderByOp o) {
            return new KeyedOp.Sort(o.descending());
        }
        throw new AssertionError(op);
    }

    /**
     * @param k       a keyed node
     * @param enabled whether map-side combining is on ({@code pappus.cluster.combine})
     * @return whether its shuffle folds each source partition's elements per key before writing
     *         them (a groupBy aggregation), so only one partial per key and partition is shuffled
     */
    public static boolean combines(PlanNode k, boolean enabled) {
        if (!enabled || !(k.op() instanceof GroupOp g)) {
            return false;
        }
        // combine must give back an accumulator for its partials to be merged with it again
        return !(g.agg() instanceof GroupOp.Aggregate)
                || k.lambda("combine").resultType().equals(k.lambda("accumulate").argTypes().get(0));
    }

    /**
     * @param k    a keyed node
     * @param side 0, or 1 for a join's right input
     * @return the key function of that side, {@code null} for distinct (an element is its own key)
     */
    public static ShippedLambda key(PlanNode k, int side) {
        if (k.op() instanceof DistinctOp) {
            return null;
        }
        return ship(k, k.op() instanceof JoinOp ? (side == 0 ? "leftKey" : "rightKey") : "key");
    }

    /** @param k a keyed node @return the IR type of its keys */
    public static Type keyType(PlanNode k) {
        if (k.op() instanceof DistinctOp) {
            return k.inputs().get(0).output();
        }
        return k.lambda(k.op() instanceof JoinOp ? "leftKey" : "key").resultType();
    }

    private static ShippedLambda ship(PlanNode k, String role) {
        return Placement.ship((LiftResult.Lifted) k.lambda(role).lift());
    }
}
