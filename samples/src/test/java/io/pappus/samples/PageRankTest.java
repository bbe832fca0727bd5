package io.pappus.samples;

import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.samples.PageRank.Edge;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageRankTest {
    @OnEveryEngine
    void agreesWithPlainJavaAndKeepsTheTotalAtOne(Target target) {
        int pages = 1_000;
        List<Edge> edges = PageRank.graph(pages, 4, 9);
        double[] rank = PageRank.rank(edges, pages, 10, Engines.local(target));
        double[] expected = PageRank.rankPlainJava(edges, pages, 10);
        double sum = 0;
        for (int p = 0; p < pages; p++) {
            // An engine adds a page's shares in its own order: 1e-9 relative is far above that.
            assertEquals(expected[p], rank[p], 1e-9 * expected[p], "page " + p);
            sum += rank[p];
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @OnEveryEngine
    void findsTheKnownRanksOfASmallGraph(Target target) {
        // 0 -> 1, 1 -> 2, 2 -> 0 and 2 -> 1. The stationary ranks solve
        // r0 = b + d r2/2, r1 = b + d (r0 + r2/2), r2 = b + d r1 with b = 0.15/3;
        // 50 iterations shrink the start's error by 0.85^50 < 3e-4 of it.
        List<Edge> edges = List.of(new Edge(0, 1), new Edge(1, 2), new Edge(2, 0), new Edge(2, 1));
        double[] rank = PageRank.rank(edges, 3, 50, Engines.local(target));
        double b = 0.05;
        double d = 0.85;
        // Putting r2 = b + d r1 and then r0 into the r1 equation:
        // r1 (1 - d^2/2 - d^3/2) = b (1 + 3d/2 + d^2/2).
        double r1 = b * (1 + 1.5 * d + 0.5 * d * d) / (1 - 0.5 * d * d - 0.5 * d * d * d);
        double r2 = b + d * r1;
        double r0 = b + d * r2 / 2;
        assertEquals(r0, rank[0], 1e-4);
        assertEquals(r1, rank[1], 1e-4);
        assertEquals(r2, rank[2], 1e-4);
        assertEquals(1.0, r0 + r1 + r2, 1e-12, "the hand-solved ranks themselves sum to 1");
    }
}
