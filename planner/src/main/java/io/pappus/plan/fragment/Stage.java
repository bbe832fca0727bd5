package io.pappus.plan.fragment;

import io.pappus.api.query.FilterOp;
import io.pappus.ir.Type;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.PlanNode;

/**
 * One fused step of a fragment's pipeline: a map or a filter, numbered from 1 in pipeline
 * order so generated names ({@code map1_out}, {@code filter2_keep}) are deterministic.
 *
 * @param number the step's position in the fragment, from 1
 * @param node   the plan node
 * @param input  the type of the step's input element
 */
public record Stage(int number, PlanNode node, Type input) {

    /** @return whether this step is a filter (otherwise a map) */
    public boolean isFilter() {
        return node.op() instanceof FilterOp;
    }

    /** @return the step's lambda */
    public LambdaSite lambda() {
        return node.lambdas().get(0);
    }

    /** @return the type of the step's output element */
    public Type output() {
        return node.output();
    }

    /** @return a name for generated code, e.g. {@code filter2} */
    public String name() {
        return (isFilter() ? "filter" : "map") + number;
    }
}
