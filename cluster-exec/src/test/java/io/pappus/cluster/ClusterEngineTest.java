package io.pappus.cluster;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queries on a 3-member embedded cluster, each checked against the reference engine. */
class ClusterEngineTest {
    record Point(double x, double y) {
    }

    private static ClusterEngine cluster;

    @BeforeAll
    static void start() {
        cluster = ClusterEngine.embedded(3, TestClusters.small());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void mapFilterSumRunsOnMembers() {
        double[] xs = new double[100];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i * 0.5;
        }
        double c = 3.0;
        double onCluster = DataSet.from(xs).on(cluster).map(x -> x * c).filter(x -> x > 10).sum(x -> x);
        double reference = DataSet.from(xs).on(Engines.local(Target.REFERENCE)).map(x -> x * c).filter(x -> x > 10)
                .sum(x -> x);
        assertEquals(reference, onCluster, 1e-9);
    }

    @Test
    void partitionsRunOnEveryMember() {
        java.util.Set<String> members = java.util.concurrent.ConcurrentHashMap.newKeySet();
        cluster.onReply(r -> members.add(r.member()));
        try {
            assertEquals(100L, DataSet.range(0, 100).on(cluster).map(i -> i + 1).count());
        } finally {
            cluster.onReply(null);
        }
        assertEquals(3, members.size(), members::toString);
    }

    @Test
    void toListKeepsSourceOrderAcrossPartitions() {
        List<Integer> out = DataSet.range(0, 100).on(cluster).map(i -> i * 3).filter(i -> i % 2 == 0).toList();
        assertEquals(DataSet.range(0, 100).on(Engines.local(Target.REFERENCE)).map(i -> i * 3).filter(i -> i % 2 == 0)
                .toList(), out);
    }

    @Test
    void recordsTravelAsIrValues() {
        Point[] ps = new Point[50];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = new Point(i, 50 - i);
        }
        Optional<Point> best = DataSet.from(ps).on(cluster).map(p -> new Point(p.y(), p.x() * 2)).maxBy(p -> p.y());
        assertEquals(Optional.of(new Point(1, 98)), best);
        assertEquals(List.of(new Point(0, 50), new Point(1, 49)), DataSet.from(ps).on(cluster).filter(p -> p.x() < 2).toList());
    }

    @Test
    void foldsApplyTheIdentityOnce() {
        assertEquals(4950 + 7, DataSet.range(0, 100).on(cluster).reduce(7, Integer::sum));
        assertEquals(Optional.of(99), DataSet.range(0, 100).on(cluster).reduce(Math::max));
        assertEquals(4950L, DataSet.range(0, 100).on(cluster).aggregate(0L, (a, x) -> a + x, Long::sum));
        assertEquals(100L, DataSet.range(0, 100).on(cluster).count());
        assertEquals(49.5, DataSet.range(0, 100).on(cluster).average(x -> x));
    }

    @Test
    void anElementFailureSurfacesAsTheLambdasOwnException() {
        int zero = 0;
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> DataSet.range(0, 100).on(cluster).map(i -> 10 / (i - 60 + zero)).toList());
        assertTrue(e.getSuppressed().length == 1 && e.getSuppressed()[0].getMessage().contains("element 60"),
                () -> String.valueOf(e.getSuppressed()[0].getMessage()));
    }

    @Test
    void keyedOperatorsShuffleAcrossTheMembers() {
        List<Integer> out = DataSet.range(0, 100).on(cluster).map(i -> i % 7).distinct().orderBy(i -> i).toList();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), out);
        String text = DataSet.range(0, 100).on(cluster).map(i -> i % 7).distinct().explain();
        assertTrue(text.contains("distinct  [members: hash shuffle by key"), text);
        assertTrue(text.contains("map  [members"), text);
    }
}
