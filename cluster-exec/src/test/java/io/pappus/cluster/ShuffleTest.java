package io.pappus.cluster;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.cluster.remote.TaskReply;
import io.pappus.testing.Results;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyed operators shuffled across 3 embedded members, each against the reference engine on
 * the same data: groups, joins and distinct in any order, sorts exactly (stable on ties).
 */
class ShuffleTest {
    record Sale(int store, double amount) {
    }

    private static final Engine REFERENCE = Engines.local(Target.REFERENCE);
    private static ClusterEngine cluster;
    private static Sale[] sales;

    @BeforeAll
    static void start() {
        cluster = ClusterEngine.embedded(3, TestClusters.small());
        sales = new Sale[5000];
        for (int i = 0; i < sales.length; i++) {
            sales[i] = new Sale((i * 7919) % 41, ((i * 31) % 1000) * 0.01 - 3.0);
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static <R> void sameUnordered(Function<Engine, List<R>> query) {
        Results.assertSameUnordered(query.apply(REFERENCE), query.apply(cluster), 0);
    }

    @Test
    void groupsMatchTheReference() {
        // Integer-valued double sums are exact in any order, so map-side combining keeps them exact.
        sameUnordered(e -> DataSet.from(sales).on(e).groupBy(s -> s.store())
                .aggregate(0.0, (a, s) -> a + Math.floor(s.amount() * 100), Double::sum).toList());
        sameUnordered(e -> DataSet.from(sales).on(e).groupBy(s -> s.amount() > 0).count().toList());
        sameUnordered(e -> DataSet.from(sales).on(e).filter(s -> s.store() < 20).groupBy(s -> s.store() % 5)
                .reduce((a, b) -> new Sale(a.store(), Math.max(a.amount(), b.amount()))).toList());
    }

    @Test
    void joinsMatchEveryPairOnBothSides() {
        sameUnordered(e -> {
            DataSet<Sale> big = DataSet.from(sales).on(e).filter(s -> s.amount() > 6.5);
            return DataSet.range(0, 300).on(e).join(big, i -> i % 41, s -> s.store(), (i, s) -> s.amount() * 1000 + i)
                    .toList();
        });
    }

    @Test
    void distinctKeepsNaNOnceAndTellsTheZerosApart() {
        double[] xs = new double[3000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i % 5 == 0 ? Double.NaN : i % 7 == 0 ? -0.0 : i % 11 == 0 ? 0.0 : (i % 97) * 0.5;
        }
        sameUnordered(e -> DataSet.from(xs).on(e).distinct().toList());
        assertEquals(DataSet.from(xs).on(REFERENCE).distinct().count(), DataSet.from(xs).on(cluster).distinct().count());
    }

    @Test
    void sortsAreGlobalAndStableOnTies() {
        for (boolean descending : new boolean[] {false, true}) {
            Function<Engine, List<Sale>> q = e -> descending
                    ? DataSet.from(sales).on(e).orderByDescending(s -> s.store()).toList()
                    : DataSet.from(sales).on(e).orderBy(s -> s.store()).toList();
            assertEquals(q.apply(REFERENCE), q.apply(cluster), descending ? "descending" : "ascending");
        }
        assertEquals(DataSet.range(0, 2000).on(REFERENCE).map(i -> (i * 7919) % 1000 * 0.5).orderBy(x -> x).take(25).toList(),
                DataSet.range(0, 2000).on(cluster).map(i -> (i * 7919) % 1000 * 0.5).orderBy(x -> x).take(25).toList());
    }

    @Test
    void shuffleStagesRunOnEveryMember() {
        Set<String> members = ConcurrentHashMap.newKeySet();
        AtomicInteger replies = new AtomicInteger();
        cluster.onReply((TaskReply r) -> {
            members.add(r.member());
            replies.incrementAndGet();
        });
        try {
            assertEquals(37L, DataSet.range(0, 1000).on(cluster).map(i -> i % 37).distinct().count());
        } finally {
            cluster.onReply(null);
        }
        assertEquals(3, members.size(), members::toString);
        assertTrue(replies.get() == 24, "12 source partitions write the shuffle, 12 targets finish it: " + replies);
    }

    @Test
    void aLambdaThatThrowsInAGroupSurfacesAsJavasException() {
        // Associative, as reduce asks (it keeps a group's first element), and it divides by zero
        // on element 50 however the members group the calls: map-side combining folds each
        // partition's elements first, then the partitions' folds.
        int fifty = 50;
        ArithmeticException onCluster = assertThrows(ArithmeticException.class, () -> DataSet.range(0, 200).on(cluster)
                .groupBy(i -> i % 3).reduce((a, b) -> a + b / (b - fifty) * 0).toList());
        ArithmeticException reference = assertThrows(ArithmeticException.class, () -> DataSet.range(0, 200).on(REFERENCE)
                .groupBy(i -> i % 3).reduce((a, b) -> a + b / (b - fifty) * 0).toList());
        assertEquals(reference.getMessage(), onCluster.getMessage());
        List<String> suppressed = new ArrayList<>();
        for (Throwable t : onCluster.getSuppressed()) {
            suppressed.add(t.getMessage());
        }
        assertTrue(suppressed.stream().anyMatch(m -> m.contains("element")), suppressed::toString);
    }
}
