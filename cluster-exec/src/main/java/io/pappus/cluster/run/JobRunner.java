package io.pappus.cluster.run;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import io.pappus.api.query.Source;
import io.pappus.cluster.remote.Chunk;
import io.pappus.cluster.remote.ChunkKey;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.ChunkTask;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.cluster.remote.TaskReply;
import io.pappus.ir.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs one shipped pipeline over a source on the cluster. The source is cut into chunks that
 * go into the chunk map (which keeps backups on other members), one {@link ChunkTask} per
 * chunk runs on the chunk's owner, and the replies come back in partition order. A task whose
 * member leaves is sent again to the chunk's new owner (Hazelcast promotes the backup), so a
 * member dying costs time, not the job; tasks only read, so a duplicate run is harmless.
 */
public final class JobRunner {
    /** The map that holds every job's chunks (configured with backups). */
    public static final String CHUNK_MAP = "pappus.chunks";
    /** The executor that runs chunk tasks on members. */
    public static final String EXECUTOR = "pappus.tasks";
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final HazelcastInstance hz;
    private final JobLimits limits;
    private final Consumer<TaskReply> progress;

    /**
     * @param hz       the entry point: a member or a client
     * @param limits   how to cut jobs and how long they may take
     * @param progress told of each reply as it is taken (tests use it to kill members mid-job)
     */
    public JobRunner(HazelcastInstance hz, JobLimits limits, Consumer<TaskReply> progress) {
        this.hz = hz;
        this.limits = limits;
        this.progress = progress;
    }

    /** @return the members that hold data (not lite members) */
    public int dataMembers() {
        return (int) hz.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).count();
    }

    /**
     * @param source   the data
     * @param type     the IR type of its elements
     * @param pipeline what members run over each chunk
     * @return each chunk's result, in partition order
     * @throws NotShippableException   when the source holds values that are not of {@code type}
     * @throws TaskRejectedException   when a member refused a task
     * @throws ClusterJobException     when data was lost or the job ran out of time
     */
    public JobResult run(Source source, Type type, RemotePipeline pipeline) {
        int n = Chunker.count(source.size(), dataMembers(), limits.minChunkElements(), limits.chunksPerMember());
        List<Chunk> chunks = Chunker.split(source, type, n);
        if (n == 0) {
            return new JobResult(List.of(), 0, List.of());
        }
        String job = UUID.randomUUID().toString();
        IMap<ChunkKey, Chunk> map = hz.getMap(CHUNK_MAP);
        Map<ChunkKey, Chunk> batch = new HashMap<>();
        for (int i = 0; i < n; i++) {
            batch.put(new ChunkKey(job, i), chunks.get(i));
        }
        try {
            map.putAll(batch);
            return collect(job, n, pipeline);
        } finally {
            release(map, batch.keySet());
        }
    }

    private JobResult collect(String job, int n, RemotePipeline pipeline) {
        IExecutorService executor = hz.getExecutorService(EXECUTOR);
        List<Future<TaskReply>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            futures.add(submit(executor, job, i, 0, pipeline));
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        List<ChunkResult> results = new ArrayList<>(n);
        List<String> members = new ArrayList<>(n);
        int retries = 0;
        for (int i = 0; i < n; i++) {
            int attempt = 0;
            while (true) {
                try {
                    TaskReply r = futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (!r.taskId().startsWith(job + ":" + i + "#")) {
                        throw new ClusterJobException("reply " + r.taskId() + " does not belong to chunk " + i
                                + " of job " + job, null);
                    }
                    progress.accept(r);
                    results.add(check(r, i));
                    members.add(r.member());
                    break;
                } catch (ExecutionException e) {
                    if (!retryable(e.getCause()) || System.nanoTime() > deadline) {
                        throw new ClusterJobException("chunk " + i + " of job " + job + " failed on the cluster: "
                                + e.getCause(), e.getCause());
                    }
                    attempt++;
                    retries++;
                    LOG.info("chunk {} of job {}: {}; sending attempt {} to the chunk's current owner",
                            i, job, e.getCause().getClass().getSimpleName(), attempt);
                    pause(attempt);
                    futures.set(i, submit(executor, job, i, attempt, pipeline));
                } catch (TimeoutException e) {
                    throw new ClusterJobException("job " + job + " ran past its limit of " + limits.timeout()
                            + " waiting for chunk " + i, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClusterJobException("interrupted waiting for chunk " + i + " of job " + job, e);
                }
            }
        }
        return new JobResult(results, retries, members);
    }

    private static ChunkResult check(TaskReply r, int i) {
        if (r.result() instanceof ChunkResult.Rejected rej) {
            throw new TaskRejectedException("member " + r.member() + " refused task " + r.taskId() + ": " + rej.reason());
        }
        if (r.result() instanceof ChunkResult.Missing) {
            throw new ClusterJobException("chunk " + i + " (task " + r.taskId() + ") is gone from the cluster: more"
                    + " members left than the chunk map keeps backups", null);
        }
        return r.result();
    }

    private Future<TaskReply> submit(IExecutorService executor, String job, int i, int attempt, RemotePipeline p) {
        ChunkKey key = new ChunkKey(job, i);
        try {
            return executor.submitToKeyOwner(new ChunkTask(job + ":" + i + "#" + attempt, CHUNK_MAP, key, p), key);
        } catch (RuntimeException e) {
            // The owner can be gone between the partition table's word and the send: retry like a lost reply.
            if (retryable(e)) {
                return CompletableFuture.failedFuture(e);
            }
            throw e;
        }
    }

    /** Whether a failure says the member (or its connection) went away, not that the task is bad. */
    static boolean retryable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            // A client (ClusterEngine.join) sees a killed member as a closed connection.
            if (c instanceof RetryableException || c instanceof HazelcastInstanceNotActiveException
                    || c instanceof RejectedExecutionException || c instanceof TargetDisconnectedException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(500L, 20L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterJobException("interrupted before a retry", e);
        }
    }

    private static void release(IMap<ChunkKey, Chunk> map, Iterable<ChunkKey> keys) {
        try {
            for (ChunkKey k : keys) {
                map.delete(k);
            }
        } catch (RuntimeException e) {
            // The job's answer stands; stale chunks only cost memory until the cluster restarts.
            LOG.warn("could not remove the chunks of a finished job: {}", e.toString());
        }
    }
}
