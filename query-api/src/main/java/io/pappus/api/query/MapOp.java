package io.pappus.api.query;

import io.pappus.api.Fn;

/**
 * {@code map}: one output element per input element.
 *
 * @param input the operator's input
 * @param fn    the user's function
 */
public record MapOp(Node input, Fn<?, ?> fn) implements Node {
    @Override
    public String opName() {
        return "map";
    }
}
