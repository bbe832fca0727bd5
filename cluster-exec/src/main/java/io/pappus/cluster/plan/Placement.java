package io.pappus.cluster.plan;

import io.pappus.api.query.CacheOp;
import io.pappus.api.query.DistinctOp;
import io.pappus.api.query.FilterOp;
import io.pappus.api.query.FlatMapOp;
import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.MapOp;
import io.pappus.api.query.OrderByOp;
import io.pappus.api.query.Source;
import io.pappus.api.query.TakeOp;
import io.pappus.api.query.Terminal;
import io.pappus.api.query.ZipOp;
import io.pappus.cluster.remote.IrValueCheck;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.PipelineCheck;
import io.pappus.cluster.remote.ShippedLambda;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides where each part of a typed query runs. Members run map/filter chains over sources
 * (all lambdas lifted, element types the IR can lay out) and the terminal's partial aggregate
 * (its lambdas lifted); everything else runs on the caller, and {@link #callerReason} says why.
 */
public final class Placement {
    private Placement() {
    }

    /**
     * @param n a plan node
     * @return the chain that ends at {@code n}, when members can run all of it
     */
    public static Optional<Chain> chain(PlanNode n) {
        List<PlanNode> steps = new ArrayList<>();
        PlanNode cur = n;
        while (cur.op() instanceof MapOp || cur.op() instanceof FilterOp) {
            LambdaSite f = cur.lambdas().get(0);
            if (!f.lifted() || !PipelineCheck.complete(cur.output())) {
                return Optional.empty();
            }
            steps.add(0, cur);
            cur = cur.inputs().get(0);
        }
        if (cur.op() instanceof Source && PipelineCheck.complete(cur.output())) {
            return Optional.of(new Chain(cur, List.of(), steps, n));
        }
        return Optional.empty();
    }

    /**
     * @param n a plan node that {@link #chain} does not cover
     * @return why it runs on the caller, in a line
     */
    public static String callerReason(PlanNode n) {
        Object op = n.op();
        if (op instanceof MapOp || op instanceof FilterOp) {
            LambdaSite f = n.lambdas().get(0);
            if (f.lift() instanceof LiftResult.Opaque o) {
                return "opaque lambda needs user classes: runs on the caller (" + o.reason() + ")";
            }
            if (chain(n.inputs().get(0)).isEmpty()) {
                return "its input is on the caller, so it runs there too";
            }
            return "its output " + n.output().show() + " is a Java object: runs on the caller";
        } else if (op instanceof Source s) {
            return "elements of " + n.output().show() + " the IR cannot lay out: read on the caller";
        } else if (op instanceof GroupOp || op instanceof JoinOp || op instanceof OrderByOp || op instanceof DistinctOp) {
            String why = ShufflePlacement.reason(n);
            return why != null ? why : "its input is on the caller, so it runs there too";
        } else if (op instanceof TakeOp || op instanceof ZipOp) {
            return "depends on global element positions: runs on the caller";
        } else if (op instanceof FlatMapOp) {
            LambdaSite f = n.lambdas().get(0);
            return f.lift() instanceof LiftResult.Opaque o
                    ? "opaque flatMap function needs user classes: runs on the caller (" + o.reason() + ")"
                    : "flatMap: members do not run flatMap stages yet, so it runs on the caller";
        } else if (op instanceof CacheOp) {
            return "cache: materialised once on the caller, then read as a source";
        }
        throw new AssertionError(op);
    }

    /**
     * Where the terminal runs, given the chain output type {@code t}.
     *
     * @param plan the typed plan
     * @param t    the IR type of the terminal's input
     * @return the members' partial aggregate, or the reason the terminal runs on the caller
     */
    public static TerminalPlacement terminal(LogicalPlan plan, Type t) {
        Terminal<?> term = plan.terminal();
        if (term instanceof Terminal.ToList<?>) {
            return TerminalPlacement.members(new PartialSpec.Collect());
        } else if (term instanceof Terminal.Count) {
            return TerminalPlacement.members(new PartialSpec.Count());
        }
        for (LambdaSite s : plan.terminalLambdas()) {
            if (s.lift() instanceof LiftResult.Opaque o) {
                return TerminalPlacement.caller("opaque " + s.role() + " needs user classes: runs on the caller ("
                        + o.reason() + ")");
            }
        }
        if (term instanceof Terminal.Sum || term instanceof Terminal.Average) {
            LiftResult.Lifted f = lifted(plan, "f");
            if (!(f.resultType() instanceof Type.Prim p) || p.equals(Type.BOOLEAN)) {
                return TerminalPlacement.caller("summand is not numeric in IR: runs on the caller");
            }
            return TerminalPlacement.members(new PartialSpec.Sum(ship(f), term.name()));
        } else if (term instanceof Terminal.Reduce<?> || term instanceof Terminal.ReduceOptional<?>) {
            LiftResult.Lifted op = lifted(plan, "op");
            if (!op.resultType().equals(t)) {
                return TerminalPlacement.caller("op returns " + op.resultType().show() + ", not " + t.show()
                        + ": runs on the caller");
            }
            if (term instanceof Terminal.Reduce<?> r && !IrValueCheck.conforms(toIr(r.identity(), t), t)) {
                return TerminalPlacement.caller("identity is not a value of " + t.show() + ": runs on the caller");
            }
            return TerminalPlacement.members(new PartialSpec.Fold(ship(op)));
        } else if (term instanceof Terminal.Aggregate<?> a) {
            LiftResult.Lifted acc = lifted(plan, "accumulate");
            LiftResult.Lifted combine = lifted(plan, "combine");
            Type accType = plan.lambda(term, "accumulate").argTypes().get(0);
            if (!PipelineCheck.complete(accType) || !acc.resultType().equals(accType)
                    || !combine.resultType().equals(accType)) {
                return TerminalPlacement.caller("accumulator " + accType.show() + " is not an IR value: runs on the caller");
            }
            Object seed = toIr(a.seed(), accType);
            if (!IrValueCheck.conforms(seed, accType)) {
                return TerminalPlacement.caller("seed is not a value of " + accType.show() + ": runs on the caller");
            }
            return TerminalPlacement.members(new PartialSpec.Accumulate(seed, ship(acc)));
        } else if (term instanceof Terminal.Extreme<?> x) {
            LiftResult.Lifted key = lifted(plan, "key");
            if (!(key.resultType() instanceof Type.Prim || key.resultType() instanceof Type.Str)) {
                return TerminalPlacement.caller("key " + key.resultType().show()
                        + " is not a primitive or String: runs on the caller");
            }
            return TerminalPlacement.members(new PartialSpec.Extreme(ship(key), x.max()));
        }
        throw new AssertionError(term);
    }

    /** @return {@code v} in IR form, or {@code null} when it is not a Java value of type {@code t} */
    private static Object toIr(Object v, Type t) {
        try {
            return v == null ? null : IrValues.toIr(v, t);
        } catch (RuntimeException e) {
            return null;  // not a record of that shape: the caller runs the terminal with the original lambdas
        }
    }

    /**
     * @param plan a plan
     * @param role a terminal lambda's role
     * @return its lift result, known to be lifted
     */
    public static LiftResult.Lifted lifted(LogicalPlan plan, String role) {
        return (LiftResult.Lifted) plan.lambda(plan.terminal(), role).lift();
    }

    /**
     * @param l a lifted lambda
     * @return it as data for the members
     */
    public static ShippedLambda ship(LiftResult.Lifted l) {
        return new ShippedLambda(l.ir(), l.captures());
    }
}
