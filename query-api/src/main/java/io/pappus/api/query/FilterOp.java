package io.pappus.api.query;

import java.util.List;

import io.pappus.api.Pred;

/**
 * {@code filter}: keeps the elements the predicate accepts, in order.
 *
 * @param input the operator's input
 * @param pred  the user's predicate
 */
public record FilterOp(Node input, Pred<?> pred) implements Node {
    @Override
    public List<Node> inputs() {
        return List.of(input);
    }

    @Override
    public String opName() {
        return "filter";
    }
}
