package io.pappus.api.query;

import java.util.List;

import io.pappus.api.Fn;

/**
 * Stable sort by a {@link Comparable} key (elements with equal keys keep their input order).
 *
 * @param input      the operator's input
 * @param key        the user's key function
 * @param descending whether the largest key comes first
 */
public record OrderByOp(Node input, Fn<?, ?> key, boolean descending) implements Node {
    @Override
    public List<Node> inputs() {
        return List.of(input);
    }

    @Override
    public String opName() {
        return descending ? "orderByDescending" : "orderBy";
    }
}
