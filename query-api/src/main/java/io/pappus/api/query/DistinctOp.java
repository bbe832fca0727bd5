package io.pappus.api.query;

import java.util.List;

/**
 * Drops elements {@link Object#equals} to an earlier one. Output order is unspecified;
 * the reference engine keeps first occurrences in input order.
 *
 * @param input the operator's input
 */
public record DistinctOp(Node input) implements Node {
    @Override
    public List<Node> inputs() {
        return List.of(input);
    }

    @Override
    public String opName() {
        return "distinct";
    }
}
