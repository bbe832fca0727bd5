package io.pappus.api.query;

import java.util.List;

import io.pappus.api.Fn2;

/**
 * Pairs the i-th elements of two inputs; stops at the shorter one (as LINQ's {@code Zip}).
 *
 * @param left  the left input
 * @param right the right input
 * @param fn    builds one output from the two elements
 */
public record ZipOp(Node left, Node right, Fn2<?, ?, ?> fn) implements Node {
    @Override
    public List<Node> inputs() {
        return List.of(left, right);
    }

    @Override
    public String opName() {
        return "zip";
    }
}
