package io.pappus.api.query;

import java.util.List;

import io.pappus.api.Fn;

/**
 * {@code map}: one output element per input element.
 *
 * @param input the operator's input
 * @param fn    the user's function
 */
public record MapOp(Node input, Fn<?, ?> fn) implements Node {
    @Override
    public List<Node> inputs() {
        return List.of(input);
    }

    @Override
    public String opName() {
        return "map";
    }
}
