package io.pappus.cluster;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.TaskReply;
import io.pappus.testing.Results;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Map-side combining on 3 embedded members, against the reference engine and against the same
 * cluster with combining off: a groupBy count, reduce or aggregate writes one pair per key and
 * source partition instead of every element, and answers as the reference does (integers
 * exactly, double sums within the reordering bound); with combining off, every element is
 * written and double sums are exact.
 */
class MapSideCombineTest {
    record Sale(int store, double amount) {
    }

    record Tally(long n, double total) {
    }

    private static final Engine REFERENCE = Engines.local(Target.REFERENCE);
    private static final int N = 100_000;
    private static final int KEYS = 10;
    private static ClusterEngine combining;
    private static ClusterEngine plain;
    private static Sale[] sales;

    @BeforeAll
    static void start() {
        combining = ClusterEngine.embedded(3, TestClusters.small().withMapSideCombine(true));
        plain = ClusterEngine.embedded(3, TestClusters.small().withMapSideCombine(false));
        sales = new Sale[N];
        for (int i = 0; i < N; i++) {
            sales[i] = new Sale((i * 7919) % KEYS, ((i * 31) % 1000) * 0.01 - 3.0);
        }
    }

    @AfterAll
    static void stop() {
        for (ClusterEngine c : new ClusterEngine[] {combining, plain}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** What the groupBy's write wave put into the shuffle: pairs per source partition. */
    private record Written(int partitions, long pairs) {
    }

    /** Runs the query on the cluster and adds up the pairs its write tasks report, one reply per partition. */
    private static <R> Written written(ClusterEngine cluster, Function<Engine, R> query) {
        Map<String, Long> perPartition = new ConcurrentHashMap<>();
        cluster.onReply((TaskReply r) -> {
            if (r.taskId().startsWith("groupBy-write0-") && r.result() instanceof ChunkResult.Done d) {
                perPartition.put(r.taskId().substring(0, r.taskId().indexOf('#')), (Long) d.partial());
            }
        });
        try {
            query.apply(cluster);
        } finally {
            cluster.onReply(null);
        }
        return new Written(perPartition.size(), perPartition.values().stream().mapToLong(Long::longValue).sum());
    }

    private static List<Pair<Integer, Long>> count(Engine e) {
        return DataSet.from(sales).on(e).groupBy(s -> s.store()).count().toList();
    }

    @Test
    void aCombiningCountWritesOnePairPerKeyAndPartitionAndCountsExactly() {
        Written on = written(combining, MapSideCombineTest::count);
        Written off = written(plain, MapSideCombineTest::count);
        // Keys cycle every 10 elements, so each of the 12 partitions holds all 10: exactly 10 pairs each.
        assertEquals(new Written(12, 12 * KEYS), on, "combining writes one pair per key and partition");
        assertEquals(new Written(12, N), off, "without combining every element is written");
        Results.assertSameUnordered(count(REFERENCE), count(combining), 0);
        // Combining keeps each target's groups in first-occurrence order, so the order is the plain shuffle's.
        assertEquals(count(plain), count(combining));
    }

    @Test
    void aCombiningReduceOfIntsIsExactAndOfDoublesWithinTheReorderingBound() {
        // Sums that overflow: int addition wraps, and is associative all the same.
        Function<Engine, List<Pair<Integer, Integer>>> ints = e -> DataSet.range(0, N).on(e).map(i -> i * 48271)
                .groupBy(x -> (x & 0x7fffffff) % KEYS).reduce((a, b) -> a + b).toList();
        Written on = written(combining, ints::apply);
        assertTrue(on.pairs() <= (long) KEYS * on.partitions(), on::toString);
        Results.assertSameUnordered(ints.apply(REFERENCE), ints.apply(combining), 0);
        Results.assertSameUnordered(ints.apply(REFERENCE), ints.apply(plain), 0);

        Function<Engine, List<Pair<Integer, Sale>>> sums = e -> DataSet.from(sales).on(e).groupBy(s -> s.store())
                .reduce((a, b) -> new Sale(a.store(), a.amount() + b.amount())).toList();
        assertTotalsWithinTheReorderingBound(sums.apply(combining), s -> s.amount());
        Results.assertSameUnordered(sums.apply(REFERENCE), sums.apply(plain), 0);
    }

    @Test
    void aCombiningAggregateMergesRecordAccumulatorsWithCombine() {
        Function<Engine, List<Pair<Integer, Tally>>> q = e -> DataSet.from(sales).on(e).groupBy(s -> s.store())
                .aggregate(new Tally(0, 0.0), (t, s) -> new Tally(t.n() + 1, t.total() + s.amount()),
                        (a, b) -> new Tally(a.n() + b.n(), a.total() + b.total())).toList();
        Written on = written(combining, q::apply);
        assertTrue(on.pairs() <= (long) KEYS * on.partitions(), on::toString);
        List<Pair<Integer, Tally>> combined = q.apply(combining);
        assertTotalsWithinTheReorderingBound(combined, t -> t.total());
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (Pair<Integer, Long> g : count(REFERENCE)) {
            counts.put(g.first(), g.second());
        }
        for (Pair<Integer, Tally> g : combined) {
            assertEquals(counts.get(g.first()), g.second().n(), "tally of store " + g.first());
        }
        assertEquals(KEYS, combined.size());
        Results.assertSameUnordered(q.apply(REFERENCE), q.apply(plain), 0);
    }

    /**
     * Each group's total lies within gamma_n * sum|x| of the exact sum of its amounts in any
     * summation order (the bound {@link io.pappus.testing.OperatorSuite} checks sums with).
     */
    private static <V> void assertTotalsWithinTheReorderingBound(List<Pair<Integer, V>> groups,
                                                                 Function<V, Double> total) {
        assertEquals(KEYS, groups.size());
        for (Pair<Integer, V> g : groups) {
            BigDecimal exact = BigDecimal.ZERO;
            double abs = 0;
            int n = 0;
            for (Sale s : sales) {
                if (s.store() == g.first()) {
                    exact = exact.add(new BigDecimal(s.amount()));
                    abs += Math.abs(s.amount());
                    n++;
                }
            }
            double u = 0x1p-53;
            double gamma = n * u / (1 - n * u);
            double bound = gamma * abs * (1 + gamma);
            double error = new BigDecimal(total.apply(g.second())).subtract(exact).abs().doubleValue();
            assertTrue(error <= bound, "store " + g.first() + ": " + total.apply(g.second()) + " is " + error
                    + " from the exact " + exact + ", more than the reordering bound " + bound);
        }
    }

    @Test
    void aFunctionThatThrowsOnlyOnPartialsGivesJavasAnswer() {
        // Sequentially b is always an element (1); only merging partials passes b > 1 and divides by zero.
        Function<Engine, List<Pair<Integer, Integer>>> q = e -> DataSet.range(0, 2000).on(e).map(i -> 1)
                .groupBy(x -> x).reduce((a, b) -> b == 1 ? a + b : a / (b - b)).toList();
        assertEquals(q.apply(REFERENCE), q.apply(combining));
    }

    @Test
    void aFunctionThatThrowsWhileCombiningSurfacesAsJavasException() {
        // Associative (it keeps the first element); element 54321 is folded on the map side,
        // or its partition's partial is merged at the target: either way it divides by zero.
        Function<Engine, List<Pair<Integer, Integer>>> q = e -> DataSet.range(0, N).on(e)
                .groupBy(i -> i % 4).reduce((a, b) -> a + b / (b - 54321) * 0).toList();
        ArithmeticException java = assertThrows(ArithmeticException.class, () -> q.apply(REFERENCE));
        for (ClusterEngine c : new ClusterEngine[] {combining, plain}) {
            ArithmeticException onCluster = assertThrows(ArithmeticException.class, () -> q.apply(c), c::name);
            assertEquals(java.getMessage(), onCluster.getMessage());
            assertEquals(java.getClass(), onCluster.getClass());
        }
    }

    @Test
    void explainSaysWhichShufflesCombine() {
        String on = DataSet.from(sales).on(combining).groupBy(s -> s.store()).count().explain();
        assertTrue(on.contains("groupBy  [members: hash shuffle by key through the shuffle map, combined on the map"
                + " side"), on);
        String off = DataSet.from(sales).on(plain).groupBy(s -> s.store()).count().explain();
        assertFalse(off.contains("combined on the map side"), off);
        String distinct = DataSet.from(sales).on(combining).map(s -> s.store()).distinct().explain();
        assertFalse(distinct.contains("combined on the map side"), distinct);
    }

    @Test
    void theSystemPropertySetsTheDefault() {
        String before = System.getProperty(ClusterSettings.COMBINE_PROPERTY);
        try {
            System.setProperty(ClusterSettings.COMBINE_PROPERTY, "off");
            assertFalse(ClusterSettings.defaults().mapSideCombine());
            System.setProperty(ClusterSettings.COMBINE_PROPERTY, "on");
            assertTrue(ClusterSettings.defaults().mapSideCombine());
            System.setProperty(ClusterSettings.COMBINE_PROPERTY, "sometimes");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ClusterSettings::defaults);
            assertTrue(e.getMessage().contains(ClusterSettings.COMBINE_PROPERTY), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(ClusterSettings.COMBINE_PROPERTY);
            } else {
                System.setProperty(ClusterSettings.COMBINE_PROPERTY, before);
            }
        }
    }
}
