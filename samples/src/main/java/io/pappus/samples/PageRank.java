package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * PageRank by power iteration: each page shares its rank equally among its out-links; a page's
 * new rank is {@code (1 - d) / n + d * (sum of shares it receives)} with damping {@code d = 0.85}.
 * One iteration is a join of ranks with links and a group-by on the target page.
 *
 * <pre>
 * java io.pappus.samples.PageRank --pages=100000 --iterations=20 --explain
 * </pre>
 */
public final class PageRank {
    static final double DAMPING = 0.85;

    /** A link from page {@code src} to page {@code dst}. */
    record Edge(int src, int dst) {
    }

    /** An edge that knows how many links leave its source page. */
    record Link(int src, int dst, long outDegree) {
    }

    /** A page's rank. */
    record Rank(int page, double rank) {
    }

    /** The part of a source's rank that flows to {@code page}. */
    record Share(int page, double rank) {
    }

    private PageRank() {
    }

    /**
     * A graph in which page i links to page i + 1 (a ring: no page without out-links, where rank
     * would leak) and to a few more pages, low-numbered pages more often, so ranks differ.
     *
     * @param pages        how many pages
     * @param extraPerPage how many extra links leave each page on average
     * @param seed         the generator's seed
     * @return the edges, no self-links
     */
    static List<Edge> graph(int pages, int extraPerPage, long seed) {
        Random rnd = new Random(seed);
        List<Edge> edges = new ArrayList<>();
        for (int src = 0; src < pages; src++) {
            edges.add(new Edge(src, (src + 1) % pages));
            for (int e = rnd.nextInt(2 * extraPerPage + 1); e > 0; e--) {
                double u = rnd.nextDouble();
                int dst = (int) (pages * u * u); // skewed toward page 0
                if (dst != src) {
                    edges.add(new Edge(src, dst));
                }
            }
        }
        return edges;
    }

    /**
     * The query of one iteration: the rank each page receives from its in-links.
     *
     * @param ranks the current ranks
     * @param links the links, cached across iterations
     * @return (page, sum of shares), for every page with an in-link
     */
    static DataSet<Pair<Integer, Double>> received(DataSet<Rank> ranks, DataSet<Link> links) {
        return ranks.join(links, Rank::page, Link::src, (r, l) -> new Share(l.dst(), r.rank() / l.outDegree()))
                .groupBy(Share::page)
                .aggregate(0.0, (sum, s) -> sum + s.rank(), Double::sum);
    }

    /**
     * @param edges      the graph
     * @param pages      how many pages
     * @param iterations how many iterations
     * @param engine     where to run
     * @return each page's rank, indexed by page
     */
    static double[] rank(List<Edge> edges, int pages, int iterations, Engine engine) {
        DataSet<Edge> edgeSet = DataSet.from(edges).on(engine);
        DataSet<Link> links = edgeSet
                .join(edgeSet.groupBy(Edge::src).count(), Edge::src, Pair::first,
                        (e, degree) -> new Link(e.src(), e.dst(), degree.second()))
                .cache();
        double[] rank = new double[pages];
        Arrays.fill(rank, 1.0 / pages);
        try (Progress progress = Progress.start("PageRank", iterations)) {
            for (int i = 0; i < iterations; i++) {
                List<Rank> current = new ArrayList<>(pages);
                for (int p = 0; p < pages; p++) {
                    current.add(new Rank(p, rank[p]));
                }
                double[] next = new double[pages];
                Arrays.fill(next, (1 - DAMPING) / pages);
                for (Pair<Integer, Double> r : received(DataSet.from(current).on(engine), links).toList()) {
                    next[r.first()] += DAMPING * r.second();
                }
                rank = next;
                progress.step();
            }
        }
        return rank;
    }

    /** @return the same ranks with arrays and loops */
    static double[] rankPlainJava(List<Edge> edges, int pages, int iterations) {
        int[] outDegree = new int[pages];
        for (Edge e : edges) {
            outDegree[e.src()]++;
        }
        double[] rank = new double[pages];
        Arrays.fill(rank, 1.0 / pages);
        for (int i = 0; i < iterations; i++) {
            double[] received = new double[pages];
            for (Edge e : edges) {
                received[e.dst()] += rank[e.src()] / outDegree[e.src()];
            }
            for (int p = 0; p < pages; p++) {
                rank[p] = (1 - DAMPING) / pages + DAMPING * received[p];
            }
        }
        return rank;
    }

    /**
     * Runs the sample and checks it: every rank within 1e-9 relative of plain Java's (an engine
     * adds a page's shares in its own order), and the ranks sum to 1 within 1e-9.
     *
     * @return the outcome
     */
    static Outcome run(int pages, int iterations, Engine engine) {
        List<Edge> edges = graph(pages, 4, 5);
        long t0 = System.nanoTime();
        double[] rank = rank(edges, pages, iterations, engine);
        double pappusMillis = Outcome.millisSince(t0);
        t0 = System.nanoTime();
        double[] expected = rankPlainJava(edges, pages, iterations);
        double plainMillis = Outcome.millisSince(t0);
        boolean ok = true;
        double sum = 0;
        int top = 0;
        for (int p = 0; p < pages; p++) {
            ok &= Outcome.close(rank[p], expected[p], 1e-9);
            sum += rank[p];
            top = rank[p] > rank[top] ? p : top;
        }
        ok &= Math.abs(sum - 1) < 1e-9;
        String result = String.format("sum of ranks %.9f, top page %d with %.5f", sum, top, rank[top]);
        return new Outcome("PageRank (" + pages + " pages, " + edges.size() + " links, " + iterations + " it.)",
                result, ok, pappusMillis, plainMillis);
    }

    /**
     * @param args {@code --pages=N} (default 5,000), {@code --iterations=I} (default 10), {@code --explain}
     */
    public static void main(String[] args) {
        Flags flags = Flags.parse(args, Set.of("pages", "iterations"));
        run(flags.intValue("pages", 5_000), flags.intValue("iterations", 10), Engines.defaultEngine())
                .print(System.out);
        if (flags.explain()) {
            DataSet<Link> links = DataSet.from(new Link(0, 1, 1), new Link(1, 0, 1));
            System.out.println(received(DataSet.from(new Rank(0, 0.5), new Rank(1, 0.5)), links).explain());
        }
    }
}
