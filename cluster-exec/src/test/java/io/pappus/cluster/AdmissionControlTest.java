package io.pappus.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.pappus.api.DataSet;
import io.pappus.cluster.job.Job;
import io.pappus.cluster.remote.MemberLoad;
import io.pappus.cluster.run.Scheduling;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flood control: 50 jobs at once on 3 members that each run at most 2 tasks at a time. Every
 * job finishes with its exact answer, and no member ever ran more than 2 tasks at once
 * (counted on the members).
 */
class AdmissionControlTest {

    @Test
    void fiftyConcurrentJobsNeverRunMoreThanTheLimitOnAMember() throws Exception {
        int limit = 2;
        ClusterSettings s = TestClusters.small().withScheduling(Scheduling.defaults().withTasksPerMember(limit)
                .withJobThreads(50).withSpeculation(false));
        try (ClusterEngine cluster = ClusterEngine.embedded(3, s)) {
            List<String> members = new ArrayList<>();
            for (HazelcastInstance m : cluster.instances()) {
                String a = m.getCluster().getLocalMember().getAddress().toString();
                members.add(a);
                MemberLoad.slowDown(a, 2);  // tasks overlap, so the queue is really used
            }
            MemberLoad.resetPeaks();
            List<Job<Long>> jobs = new ArrayList<>();
            for (int j = 0; j < 50; j++) {
                int n = 200 + 7 * j;
                int m = j % 5 + 2;
                jobs.add(cluster.submit(DataSet.range(0, n), ds -> ds.filter(i -> i % m == 0).map(i -> (long) i * i)
                        .reduce(0L, Long::sum)));
            }
            for (int j = 0; j < 50; j++) {
                int n = 200 + 7 * j;
                int m = j % 5 + 2;
                long expected = 0;
                for (int i = 0; i < n; i += m) {
                    expected += (long) i * i;
                }
                assertEquals(expected, jobs.get(j).get(Duration.ofSeconds(60)), "job " + j);
            }
            int highest = 0;
            for (String a : members) {
                MemberLoad.slowDown(a, 0);
                int peak = MemberLoad.peak(a);
                assertTrue(peak <= limit, a + " ran " + peak + " tasks at once, over the limit of " + limit);
                highest = Math.max(highest, peak);
            }
            assertEquals(limit, highest, "no member was ever full: the test did not load the cluster");
        }
    }
}
