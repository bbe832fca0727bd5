package io.pappus.cluster;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of a worker process mid-job, {@value #ROUNDS} times: each round a job runs on 3
 * workers, the worker that sent its first reply is killed at once (so it had tasks left), the
 * job still returns the reference's exact result. A fresh worker starts as soon as one is killed
 * (its start overlaps the recovery; it may join mid-job, as a replacement machine would) and is
 * in the cluster before the next round. Recovery time (kill to result) is logged as min/median/max.
 */
class WorkerKillIT {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerKillIT.class);
    private static final int ROUNDS = 20;
    private static final int N = 400_000;
    private static WorkerProcesses workers;
    private static ClusterEngine client;
    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void start() {
        workers = new WorkerProcesses();
        List<String> addresses = workers.start(3).stream().map(WorkerProcesses.Worker::address).toList();
        client = ClusterEngine.join(workers.clientSettings(), addresses.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        STARTER.shutdownNow();
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (workers != null) {
                workers.close();
            }
        }
    }

    private static long job(io.pappus.api.Engine engine) {
        return DataSet.range(0, N).on(engine).map(i -> (long) i * i % 9973).filter(v -> v % 3 != 0)
                .reduce(0L, Long::sum);
    }

    @Test
    void everyJobSurvivesTheKillOfAWorkerWithTheExactResult() throws InterruptedException {
        long want = job(Engines.local(Target.REFERENCE));
        long t0 = System.nanoTime();
        assertEquals(want, job(client), "no worker killed");
        LOG.info("job without a failure: {} ms", (System.nanoTime() - t0) / 1_000_000);
        List<Long> recovery = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            awaitMembers(3);
            AtomicReference<WorkerProcesses.Worker> victim = new AtomicReference<>();
            AtomicLong killedAt = new AtomicLong();
            CompletableFuture<WorkerProcesses.Worker> replacement = new CompletableFuture<>();
            client.onReply(r -> {
                if (victim.get() == null) {
                    WorkerProcesses.Worker w = byMember(r.member());
                    if (w != null && victim.compareAndSet(null, w)) {
                        killedAt.set(System.nanoTime());
                        workers.kill(w);
                        STARTER.execute(() -> {
                            try {
                                replacement.complete(workers.start());
                            } catch (RuntimeException e) {
                                replacement.completeExceptionally(e);
                            }
                        });
                    }
                }
            });
            long got;
            try {
                got = job(client);
            } finally {
                client.onReply(null);
            }
            long done = System.nanoTime();
            assertEquals(want, got, "round " + round);
            assertNotNull(victim.get(), "round " + round + ": no worker was killed during the job");
            assertTrue(victim.get().process().waitFor(10, TimeUnit.SECONDS), "the killed worker is still running");
            assertFalse(victim.get().process().isAlive());
            recovery.add((done - killedAt.get()) / 1_000_000);
            replacement.join();
        }
        List<Long> sorted = new ArrayList<>(recovery);
        Collections.sort(sorted);
        String summary = String.format("kill -9 of a worker mid-job, %d rounds, 0 wrong or lost results; recovery"
                        + " (kill to exact result) min %d ms, median %d ms, max %d ms; all: %s", ROUNDS, sorted.get(0),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), recovery);
        LOG.info(summary);
        System.out.println(summary);
    }

    private static WorkerProcesses.Worker byMember(String member) {
        int port = Integer.parseInt(member.substring(member.lastIndexOf(':') + 1));
        for (WorkerProcesses.Worker w : workers.live()) {
            if (w.port() == port) {
                return w;
            }
        }
        return null;
    }

    private static void awaitMembers(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (client.entryPoint().getCluster().getMembers().size() != n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cluster has " + client.entryPoint().getCluster().getMembers() + ", not " + n);
            }
            Thread.sleep(50);
        }
    }
}
