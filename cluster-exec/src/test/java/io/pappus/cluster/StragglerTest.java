package io.pappus.cluster;

import io.pappus.api.DataSet;
import io.pappus.cluster.remote.MemberLoad;
import io.pappus.cluster.remote.TaskReply;
import io.pappus.cluster.run.Scheduling;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eager scheduling: one member is made slow (every task sleeps {@value #SLOW_MS} ms first, the test hook); its
 * tasks are started again on the others once they have run 3 times the median, and those
 * copies answer first. Switched off, the job waits for the slow member.
 */
class StragglerTest {
    /** Long against a task's normal time even on a loaded 2-core machine, so the copies' margin is wide. */
    private static final int SLOW_MS = 8000;

    @Test
    void aSlowMembersTasksAreStartedAgainElsewhereAndTheFirstAnswerWins() {
        Scheduling on = Scheduling.defaults().withStragglers(3.0, Duration.ofMillis(100));  // 8 tasks per member: one round
        Run r = run(on);
        assertEquals(expected(), r.result);
        assertFalse(r.answeredBy.contains(r.slow), "the slow member answered first: " + r.answeredBy);
        assertTrue(r.millis < SLOW_MS, "the job took " + r.millis + " ms: it waited for the slow member");
    }

    @Test
    void switchedOffTheJobWaitsForTheSlowMember() {
        Run r = run(Scheduling.defaults().withSpeculation(false));
        assertEquals(expected(), r.result);
        assertTrue(r.answeredBy.contains(r.slow), "the slow member owned no partition: " + r.answeredBy);
        assertTrue(r.millis >= SLOW_MS, "the job took only " + r.millis + " ms");
    }

    private record Run(List<Integer> result, Set<String> answeredBy, String slow, long millis) {
    }

    private static Run run(Scheduling scheduling) {
        // 8 chunks per member (24 in all, keys hashed over balanced partitions): the chance that the
        // slow member owns none of them is (2/3)^24, about 6e-5
        ClusterSettings s = TestClusters.small().withChunksPerMember(8).withScheduling(scheduling.withTasksPerMember(8));
        try (ClusterEngine cluster = ClusterEngine.embedded(3, s)) {
            String slow = cluster.instances().get(1).getCluster().getLocalMember().getAddress().toString();
            Set<String> answeredBy = ConcurrentHashMap.newKeySet();
            cluster.onReply((TaskReply t) -> answeredBy.add(t.member()));
            DataSet.range(0, 10).on(cluster).map(i -> i).toList();  // warm up the lifter before timing
            answeredBy.clear();
            MemberLoad.slowDown(slow, SLOW_MS);
            try {
                long t0 = System.nanoTime();
                List<Integer> out = DataSet.range(0, 1000).on(cluster).map(i -> i * 3).filter(i -> i % 2 == 0).toList();
                return new Run(out, Set.copyOf(answeredBy), slow, (System.nanoTime() - t0) / 1_000_000);
            } finally {
                MemberLoad.slowDown(slow, 0);
            }
        }
    }

    private static List<Integer> expected() {
        return java.util.stream.IntStream.range(0, 1000).map(i -> i * 3).filter(i -> i % 2 == 0).boxed().toList();
    }
}
