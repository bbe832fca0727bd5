package io.pappus.api.query;

import java.util.List;

import io.pappus.api.Fn;

/**
 * {@code flatMap}: each input element yields the elements of an {@link Iterable}, in order.
 *
 * @param input the operator's input
 * @param fn    the user's function, returning an {@code Iterable}
 */
public record FlatMapOp(Node input, Fn<?, ?> fn) implements Node {
    @Override
    public List<Node> inputs() {
        return List.of(input);
    }

    @Override
    public String opName() {
        return "flatMap";
    }
}
