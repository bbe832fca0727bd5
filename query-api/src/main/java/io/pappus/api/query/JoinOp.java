package io.pappus.api.query;

import java.util.List;

import io.pappus.api.Fn;
import io.pappus.api.Fn2;

/**
 * Inner equi-join: one output per pair of elements whose keys are {@link Object#equals}.
 * Output order is unspecified.
 *
 * @param left     the left input
 * @param right    the right input
 * @param leftKey  the key of a left element
 * @param rightKey the key of a right element
 * @param result   builds the output from a matching pair
 */
public record JoinOp(Node left, Node right, Fn<?, ?> leftKey, Fn<?, ?> rightKey, Fn2<?, ?, ?> result)
        implements Node {
    @Override
    public List<Node> inputs() {
        return List.of(left, right);
    }

    @Override
    public String opName() {
        return "join";
    }
}
