package io.pappus.place;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where every fragment of one query runs ({@link TreePlacer}): a decision per fragment, each
 * edge between fragments with what its data costs to move, and the query's predicted time.
 *
 * @param decisions per fragment id
 * @param edges     every edge of the tree, readers before their feeds
 * @param predicted the query's predicted time: every fragment's own time plus every transfer, ns
 */
public record TreePlacement(Map<Integer, Decision> decisions, List<Edge> edges, double predicted) {
    public TreePlacement {
        decisions = Map.copyOf(decisions);
        edges = List.copyOf(edges);
    }

    /**
     * One edge: a feed's output on its way to its reader.
     *
     * @param from  the feed's fragment id
     * @param to    the reader's fragment id
     * @param bytes the feed's estimated output
     * @param nanos the predicted transfer, 0 when the data is read where it is
     * @param how   e.g. {@code stays on the device}, {@code read back}, {@code uploaded}, {@code on the host}
     */
    public record Edge(int from, int to, long bytes, double nanos, String how) {
        /** @return e.g. {@code from fragment 2: read back, 8.0 MB (0.800 ms)} */
        public String show() {
            return String.format("from fragment %d: %s, %s%s", from, how, PlacementExplain.bytes(bytes),
                    nanos > 0 ? " (" + Prediction.ms(nanos) + ")" : ", no transfer");
        }
    }

    /** @return the decision of the fragment with this id */
    public Decision decision(int fragment) {
        Decision d = decisions.get(fragment);
        if (d == null) {
            throw new IllegalArgumentException("no fragment " + fragment + " in this placement");
        }
        return d;
    }

    /** @return the edges into the fragment with this id */
    public List<Edge> edgesInto(int fragment) {
        return edges.stream().filter(e -> e.to() == fragment).toList();
    }

    /** @return the edge from one fragment to another, if they are joined */
    public Optional<Edge> edge(int from, int to) {
        return edges.stream().filter(e -> e.from() == from && e.to() == to).findFirst();
    }
}
