package io.pappus.cluster;

import io.pappus.api.DataSet;
import io.pappus.cluster.remote.MemberTarget;
import io.pappus.testing.Golden;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code explain()} on a cluster says what runs on the members and what on the caller, and
 * why. Golden files under golden/explain/ (line numbers point into this file: update with
 * {@code -Dpappus.golden.update=true} after editing it, and review the diff).
 */
class ClusterExplainTest {
    private static ClusterEngine cluster;

    @BeforeAll
    static void start() {
        // members on the JVM: the golden text then names no machine's OpenCL device
        System.setProperty(MemberTarget.PROPERTY, "jvm");
        cluster = ClusterEngine.embedded(2, TestClusters.small());
    }

    @AfterAll
    static void stop() {
        System.clearProperty(MemberTarget.PROPERTY);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void chainShuffleAndPartialAggregateOnMembers() {
        double[] xs = new double[100];
        String text = DataSet.from(xs).on(cluster).map(x -> x * 2).filter(x -> x > 1)
                .groupBy(x -> Math.floor(x)).count().explain();
        Golden.assertMatches("explain/cluster_group.txt", text);
        assertTrue(text.contains("groupBy  [members: hash shuffle by key through the shuffle map"), text);
        assertTrue(text.contains("source double x 100  [members: 8 partitions"), text);
    }

    @Test
    void opaqueLambdaRunsOnTheCallerAndSaysWhy() {
        String text = DataSet.from(List.of("a", "bb")).on(cluster).map(s -> s.length()).filter(n -> n > 1).explain();
        Golden.assertMatches("explain/cluster_opaque.txt", text);
        assertTrue(text.contains("map  [caller: opaque lambda needs user classes: runs on the caller"), text);
        assertTrue(text.contains("filter  [caller: its input is on the caller"), text);
    }

    @Test
    void joinAndOrderByShuffleAnOpaqueKeyStaysOnTheCaller() {
        DataSet<Integer> right = DataSet.range(0, 50).on(cluster).filter(i -> i % 2 == 0);
        String text = DataSet.range(0, 100).on(cluster).join(right, i -> i % 10, j -> j % 10, (i, j) -> i * 1000 + j)
                .orderByDescending(x -> x).explain();
        Golden.assertMatches("explain/cluster_shuffles.txt", text);
        assertTrue(text.contains("orderByDescending  [members: range shuffle on sampled key splitters"), text);
        assertTrue(text.contains("join  [members: hash shuffle by key"), text);
        String opaque = DataSet.from(List.of("a", "bb")).on(cluster).groupBy(s -> s.length()).count().explain();
        assertTrue(opaque.contains("groupBy  [caller: opaque key needs user classes"), opaque);
    }

    @Test
    void aFlatMapRunsOnTheCallerWithItsReasonAndTheAnswerIsTheReferences() {
        double[] xs = {1, -2, 3, -4, 5};
        DataSet<Double> lifted = DataSet.from(xs).on(cluster).flatMap(x -> x > 0 ? List.of(x, -x) : List.<Double>of());
        String text = lifted.explain();
        assertTrue(text.contains("flatMap  [caller: flatMap: members do not run flatMap stages yet"), text);
        assertTrue(lifted.toList().equals(List.of(1.0, -1.0, 3.0, -3.0, 5.0, -5.0)), lifted.toList().toString());
        String opaque = DataSet.from(xs).on(cluster).flatMap(x -> java.util.Arrays.asList(x, x)).explain();
        assertTrue(opaque.contains("flatMap  [caller: opaque flatMap function needs user classes"), opaque);
    }
}
