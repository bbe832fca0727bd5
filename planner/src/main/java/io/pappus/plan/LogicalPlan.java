package io.pappus.plan;

import io.pappus.api.query.Node;
import io.pappus.api.query.Terminal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed query: the operator tree with every lambda lifted (or marked opaque), and the
 * terminal's lambdas.
 *
 * @param root            the last operator
 * @param terminal        the action that ends the query
 * @param terminalLambdas the terminal's lambdas
 */
public record LogicalPlan(PlanNode root, Terminal<?> terminal, List<LambdaSite> terminalLambdas) {
    public LogicalPlan {
        terminalLambdas = List.copyOf(terminalLambdas);
    }

    /**
     * Finds a lambda by the query-tree node (or terminal) it belongs to, by identity.
     *
     * @param site a {@link Node} of this plan, or its terminal
     * @param role the lambda's role
     * @return the lambda
     */
    public LambdaSite lambda(Object site, String role) {
        if (site == terminal) {
            for (LambdaSite s : terminalLambdas) {
                if (s.role().equals(role)) {
                    return s;
                }
            }
            throw new IllegalArgumentException(terminal.name() + " has no lambda '" + role + "'");
        }
        PlanNode n = index().get(site);
        if (n == null) {
            throw new IllegalArgumentException("node not in this plan: " + site);
        }
        return n.lambda(role);
    }

    private Map<Node, PlanNode> index() {
        Map<Node, PlanNode> m = new IdentityHashMap<>();
        fill(root, m);
        return m;
    }

    private static void fill(PlanNode n, Map<Node, PlanNode> m) {
        m.put(n.op(), n);
        for (PlanNode in : n.inputs()) {
            fill(in, m);
        }
    }
}
