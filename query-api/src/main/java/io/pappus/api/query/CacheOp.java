package io.pappus.api.query;

import java.util.List;

/**
 * Materialises its input once per engine and reuses it in later queries.
 *
 * @param input the operator's input
 * @param slot  where each engine keeps what it materialised
 */
public record CacheOp(Node input, CacheSlot slot) implements Node {
    @Override
    public List<Node> inputs() {
        return List.of(input);
    }

    @Override
    public String opName() {
        return "cache";
    }
}
