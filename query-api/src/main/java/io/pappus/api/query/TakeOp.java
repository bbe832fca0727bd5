package io.pappus.api.query;

/**
 * The first {@code n} elements in the input's order.
 *
 * @param input the operator's input
 * @param n     how many to keep, at least 0
 */
public record TakeOp(Node input, long n) implements Node {
    @Override
    public String opName() {
        return "take";
    }
}
