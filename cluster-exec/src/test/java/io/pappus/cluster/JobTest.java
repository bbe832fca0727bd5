package io.pappus.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.cluster.job.Job;
import io.pappus.cluster.job.JobProgress;
import io.pappus.cluster.job.JobState;
import io.pappus.cluster.remote.ChunkTask;
import io.pappus.cluster.remote.MemberLoad;
import io.pappus.cluster.run.Scheduling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jobs: state, progress, result, cancel. Members run one task at once and every task is
 * slowed down by the test hook, so a job of 24 partitions takes long enough to watch.
 */
class JobTest {
    private static ClusterEngine cluster;

    @BeforeAll
    static void start() {
        cluster = ClusterEngine.embedded(3, TestClusters.small().withChunksPerMember(8)
                .withScheduling(Scheduling.defaults().withTasksPerMember(1).withJobThreads(1).withSpeculation(false)));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void fast() {
        slowDown(0);
    }

    private static void slowDown(long millis) {
        for (HazelcastInstance m : cluster.instances()) {
            MemberLoad.slowDown(m.getCluster().getLocalMember().getAddress().toString(), millis);
        }
    }

    @Test
    void progressRisesToTheTotalAndTheResultIsTheReferences() throws Exception {
        slowDown(20);
        Job<Double> job = cluster.submit(DataSet.range(0, 1000), ds -> ds.map(i -> i * 0.5).filter(x -> x > 3).sum(x -> x));
        List<JobProgress> seen = new ArrayList<>();
        List<JobState> states = new ArrayList<>();
        while (!job.state().isFinal()) {
            JobProgress p = job.progress();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(p)) {
                seen.add(p);
            }
            if (states.isEmpty() || states.get(states.size() - 1) != job.state()) {
                states.add(job.state());
            }
            Thread.sleep(2);
        }
        double expected = DataSet.range(0, 1000).on(Engines.local(Target.REFERENCE)).map(i -> i * 0.5)
                .filter(x -> x > 3).sum(x -> x);
        assertEquals(expected, job.get(), 1e-9);
        assertEquals(JobState.SUCCEEDED, job.state());
        assertEquals(new JobProgress(24, 24), job.progress());
        assertTrue(seen.stream().anyMatch(p -> p.tasksDone() > 0 && p.tasksDone() < p.tasksTotal()),
                () -> "no partial progress seen: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).tasksDone() >= seen.get(i - 1).tasksDone(), seen::toString);
        }
        assertTrue(states.contains(JobState.RUNNING), states::toString);
    }

    @Test
    void cancelStopsTheOutstandingMemberTasks() throws Exception {
        slowDown(150);
        long before = ChunkTask.startedInThisJvm();
        Job<List<Integer>> job = cluster.submit(DataSet.range(0, 1000), ds -> ds.map(i -> i + 1).toList());
        while (job.progress().tasksDone() < 1) {
            assertFalse(job.state().isFinal(), job::toString);
            Thread.sleep(2);
        }
        assertTrue(job.cancel());
        long startedAtCancel = ChunkTask.startedInThisJvm() - before;
        assertEquals(JobState.CANCELLED, job.state());
        assertThrows(CancellationException.class, job::get);
        assertFalse(job.cancel(), "a second cancel does nothing");
        Thread.sleep(1000);  // long enough for ~6 more tasks per member had they not been cancelled
        long startedAfter = ChunkTask.startedInThisJvm() - before;
        assertTrue(startedAfter <= startedAtCancel + 3 && startedAfter < 24,
                "tasks kept starting after the cancel: " + startedAtCancel + " then " + startedAfter + " of 24");
        slowDown(0);
        assertEquals(List.of(1, 2, 3), DataSet.range(0, 3).on(cluster).map(i -> i + 1).toList());
    }

    @Test
    void aJobWaitsForAFreeJobThreadAndCanBeCancelledThere() throws Exception {
        slowDown(50);
        Job<Long> first = cluster.submit(DataSet.range(0, 1000), ds -> ds.count());
        Job<Long> second = cluster.submit(DataSet.range(0, 10), ds -> ds.count());
        assertEquals(JobState.QUEUED, second.state());
        assertTrue(second.cancel());
        assertEquals(1000L, first.get(Duration.ofSeconds(30)));
        assertEquals(JobState.CANCELLED, second.state());
        assertEquals(new JobProgress(0, 0), second.progress());
    }

    @Test
    void aFailingQueryFailsTheJobWithTheLambdasException() throws Exception {
        int zero = 0;
        Job<List<Integer>> job = cluster.submit(DataSet.range(0, 100), ds -> ds.map(i -> 10 / (i - 50 + zero)).toList());
        ExecutionException e = assertThrows(ExecutionException.class, () -> job.get(Duration.ofSeconds(30)));
        assertInstanceOf(ArithmeticException.class, e.getCause());
        assertEquals(JobState.FAILED, job.state());
    }

    @Test
    void closingTheEngineCancelsItsUnfinishedJobs() throws Exception {
        ClusterEngine other = ClusterEngine.embedded(1, TestClusters.small()
                .withScheduling(Scheduling.defaults().withJobThreads(1)));
        Job<Long> running;
        Job<Long> queued;
        String member = other.instances().get(0).getCluster().getLocalMember().getAddress().toString();
        try {
            MemberLoad.slowDown(member, 200);
            running = other.submit(DataSet.range(0, 1000), ds -> ds.count());
            queued = other.submit(DataSet.range(0, 10), ds -> ds.count());
        } finally {
            other.close();
            MemberLoad.slowDown(member, 0);
        }
        assertThrows(CancellationException.class, () -> queued.get(Duration.ofSeconds(10)));
        assertEquals(JobState.CANCELLED, queued.state());
        assertTrue(running.state().isFinal(), running::toString);
    }
}
