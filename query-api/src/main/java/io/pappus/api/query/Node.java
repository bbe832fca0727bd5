package io.pappus.api.query;

import java.util.List;

/**
 * One operator of the raw query tree that the fluent {@link io.pappus.api.DataSet} calls
 * build. It holds the user's original function objects; engines lift, plan and run it.
 * The tree is immutable; a node may be shared by several queries.
 */
public sealed interface Node
        permits Source, MapOp, FilterOp, FlatMapOp, GroupOp, JoinOp, ZipOp, OrderByOp,
                DistinctOp, TakeOp, CacheOp {

    /** @return a short operator name for plans and error messages, e.g. {@code map} */
    String opName();

    /** @return the operator's inputs: none for a source, two for join and zip */
    List<Node> inputs();
}
