package io.pappus.plan;

import io.pappus.api.query.Node;
import io.pappus.ir.Type;

import java.util.List;

/**
 * An operator of the logical plan: the query-tree node with the IR type of its output and its
 * lambdas, lifted.
 *
 * @param op      the query-tree node
 * @param output  the IR type of each output element ({@link Type.Obj} where unknown)
 * @param lambdas the operator's lambdas
 * @param inputs  the operator's inputs
 */
public record PlanNode(Node op, Type output, List<LambdaSite> lambdas, List<PlanNode> inputs) {
    public PlanNode {
        lambdas = List.copyOf(lambdas);
        inputs = List.copyOf(inputs);
    }

    /**
     * @param role a role
     * @return the lambda in that role
     */
    public LambdaSite lambda(String role) {
        for (LambdaSite s : lambdas) {
            if (s.role().equals(role)) {
                return s;
            }
        }
        throw new IllegalArgumentException(op.opName() + " has no lambda '" + role + "'");
    }
}
