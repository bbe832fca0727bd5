package io.pappus.api.query;

import java.util.List;

/**
 * The first {@code n} elements in the input's order.
 *
 * @param input the operator's input
 * @param n     how many to keep, at least 0
 */
public record TakeOp(Node input, long n) implements Node {
    @Override
    public List<Node> inputs() {
        return List.of(input);
    }

    @Override
    public String opName() {
        return "take";
    }
}
