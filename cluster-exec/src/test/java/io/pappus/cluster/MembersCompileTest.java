package io.pappus.cluster;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.cluster.jvm.JvmChunkRunner;
import io.pappus.cluster.remote.MemberTarget;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Members compile shipped fragments with the JVM backend when it is on their class path and they run on the JVM. */
class MembersCompileTest {

    @Test
    void everyTaskRanCompiledOnTheMembers() {
        System.setProperty(MemberTarget.PROPERTY, "jvm");
        try {
            runOnTheJvm();
        } finally {
            System.clearProperty(MemberTarget.PROPERTY);
        }
    }

    private static void runOnTheJvm() {
        double[] xs = new double[50_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (i % 1000) * 0.25;
        }
        Set<String> runners = ConcurrentHashMap.newKeySet();
        Set<String> members = ConcurrentHashMap.newKeySet();
        long before = JvmChunkRunner.compiledInThisJvm();
        double got;
        try (ClusterEngine cluster = ClusterEngine.embedded(2, TestClusters.small().withMinChunkElements(4096))) {
            cluster.onReply(r -> {
                runners.add(r.runner());
                members.add(r.member());
            });
            got = DataSet.from(xs).on(cluster).map(x -> x * 1.5 - 3).filter(x -> x > 10).sum(x -> x);
        }
        double want = DataSet.from(xs).on(Engines.local(Target.REFERENCE)).map(x -> x * 1.5 - 3).filter(x -> x > 10)
                .sum(x -> x);
        assertEquals(want, got, Math.abs(want) * 1e-12);
        assertEquals(Set.of("jvm"), runners);
        assertEquals(2, members.size(), members::toString);
        assertTrue(JvmChunkRunner.compiledInThisJvm() - before >= 2, "members ran chunks on the interpreter");
    }
}
