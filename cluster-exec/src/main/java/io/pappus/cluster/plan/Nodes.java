package io.pappus.cluster.plan;

import io.pappus.api.query.CacheOp;
import io.pappus.api.query.DistinctOp;
import io.pappus.api.query.FilterOp;
import io.pappus.api.query.FlatMapOp;
import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.MapOp;
import io.pappus.api.query.Node;
import io.pappus.api.query.OrderByOp;
import io.pappus.api.query.Source;
import io.pappus.api.query.TakeOp;
import io.pappus.api.query.ZipOp;

import java.util.List;

/** Rebuilds query-tree nodes over new inputs, keeping the user's lambdas (and the caller's semantics). */
public final class Nodes {
    private Nodes() {
    }

    /**
     * @param n      a node
     * @param inputs its new inputs, as many as {@code n.inputs()}
     * @return {@code n} itself when nothing changed, else the same operator over {@code inputs}
     */
    public static Node withInputs(Node n, List<Node> inputs) {
        if (sameNodes(inputs, n.inputs())) {
            return n;
        }
        if (n instanceof MapOp m) {
            return new MapOp(inputs.get(0), m.fn());
        } else if (n instanceof FilterOp f) {
            return new FilterOp(inputs.get(0), f.pred());
        } else if (n instanceof FlatMapOp f) {
            return new FlatMapOp(inputs.get(0), f.fn());
        } else if (n instanceof GroupOp g) {
            return new GroupOp(inputs.get(0), g.key(), g.agg());
        } else if (n instanceof JoinOp j) {
            return new JoinOp(inputs.get(0), inputs.get(1), j.leftKey(), j.rightKey(), j.result());
        } else if (n instanceof ZipOp z) {
            return new ZipOp(inputs.get(0), inputs.get(1), z.fn());
        } else if (n instanceof OrderByOp o) {
            return new OrderByOp(inputs.get(0), o.key(), o.descending());
        } else if (n instanceof DistinctOp) {
            return new DistinctOp(inputs.get(0));
        } else if (n instanceof TakeOp t) {
            return new TakeOp(inputs.get(0), t.n());
        } else if (n instanceof CacheOp c) {
            return new CacheOp(inputs.get(0), c.slot());
        } else if (n instanceof Source) {
            return n;
        }
        throw new AssertionError(n);
    }

    /** By identity: a record's equals would compare whole data sets. */
    private static boolean sameNodes(List<Node> a, List<Node> b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return a.size() == b.size();
    }

    /**
     * @param elements Java values, unmodifiable
     * @return a source over them
     */
    public static Source objects(List<Object> elements) {
        Class<?> cls = elements.isEmpty() ? Object.class : elements.get(0).getClass();
        return new Source(Source.Kind.OBJECTS, elements, cls, elements.size(), 0);
    }
}
