package io.pappus.cluster.run;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
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
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs one shipped pipeline over a source on the cluster. The source is cut into chunks that
 * go into the chunk map (which keeps backups on other members), sized in proportion to the
 * advertised throughput of the member that owns each chunk's partition; one {@link ChunkTask}
 * per chunk runs on the chunk's owner ({@link TaskScheduler}: retries on member loss,
 * stragglers started again elsewhere) and the replies come back in partition order. Tasks
 * only read, so a duplicate run is harmless.
 */
public final class JobRunner {
    /** The map that holds every job's chunks (configured with backups). */
    public static final String CHUNK_MAP = "pappus.chunks";
    /** The executor that runs chunk tasks on members. */
    public static final String EXECUTOR = "pappus.tasks";
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final int MAX_RESTORES = 3;

    private final HazelcastInstance hz;
    private final JobLimits limits;
    private final TaskScheduler scheduler;

    /**
     * @param hz       the entry point: a member or a client
     * @param limits   how to cut jobs and how long they may take
     * @param progress told of each reply as it is taken (tests use it to kill members mid-job)
     */
    public JobRunner(HazelcastInstance hz, JobLimits limits, Consumer<TaskReply> progress) {
        this(hz, limits, Scheduling.defaults(), progress);
    }

    /**
     * @param hz         the entry point: a member or a client
     * @param limits     how to cut jobs and how long they may take
     * @param scheduling speculation settings
     * @param progress   told of each reply as it is taken (tests use it to kill members mid-job)
     */
    public JobRunner(HazelcastInstance hz, JobLimits limits, Scheduling scheduling, Consumer<TaskReply> progress) {
        this.hz = hz;
        this.limits = limits;
        this.scheduler = new TaskScheduler(hz, scheduling, limits.timeout(), progress);
    }

    /** @return the members that hold data (not lite members) */
    public int dataMembers() {
        return (int) hz.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).count();
    }

    /** @return the scheduler that runs this runner's waves, for other kinds of task */
    public TaskScheduler scheduler() {
        return scheduler;
    }

    /**
     * @param source   the data
     * @param type     the IR type of its elements
     * @param pipeline what members run over each chunk
     * @return each chunk's result, in partition order
     * @throws NotShippableException   when the source holds values that are not of {@code type}
     * @throws TaskRejectedException   when a member refused a task
     * @throws ClusterJobException     when data was lost or the job ran out of time
     * @throws java.util.concurrent.CancellationException when the job was cancelled
     */
    public JobResult run(Source source, Type type, RemotePipeline pipeline) {
        Stored stored = store(source, type);
        try {
            return runOn(stored, (i, id) -> new ChunkTask(id, CHUNK_MAP, stored.keys().get(i), pipeline));
        } finally {
            stored.release();
        }
    }

    /**
     * Runs one task per stored chunk, on the chunk's owner.
     *
     * @param stored the chunks
     * @param tasks  the task for chunk {@code i} with a given task id
     * @return the replies' results, in chunk order
     */
    public JobResult runOn(Stored stored, TaskMaker tasks) {
        int n = stored.keys().size();
        if (n == 0) {
            return new JobResult(List.of(), 0, List.of());
        }
        for (int round = 0; ; round++) {
            String wave = stored.job() + (round == 0 ? "" : "-" + round);
            TaskScheduler.Wave w = scheduler.run(wave, n, new TaskScheduler.Tasks() {
                @Override
                public Callable<TaskReply> task(int index, String taskId) {
                    return tasks.task(index, taskId);
                }

                @Override
                public Object key(int index) {
                    return stored.keys().get(index);
                }

                @Override
                public boolean missingFails() {
                    return false;
                }
            });
            long missing = w.replies().stream().filter(r -> r.result() instanceof ChunkResult.Missing).count();
            if (missing == 0) {
                List<ChunkResult> results = new ArrayList<>(n);
                List<String> members = new ArrayList<>(n);
                for (TaskReply r : w.replies()) {
                    results.add(r.result());
                    members.add(r.member());
                }
                return new JobResult(results, w.retries() + w.speculations(), members);
            }
            if (round == MAX_RESTORES) {
                throw new ClusterJobException(missing + " chunks of job " + stored.job() + " are gone from the cluster"
                        + " even after " + MAX_RESTORES + " restores", null);
            }
            // A write whose primary died before its backup was made is lost: the caller still has the chunks.
            LOG.info("{} of {} chunks of job {} were gone: putting them again", missing, n, stored.job());
            stored.restore();
        }
    }

    /** Makes the task for one chunk. */
    @FunctionalInterface
    public interface TaskMaker {
        /**
         * @param index  the chunk
         * @param taskId the attempt's id
         * @return the task
         */
        Callable<TaskReply> task(int index, String taskId);
    }

    /**
     * A source's chunks in the chunk map.
     *
     * @param job  the id the keys carry
     * @param keys the chunks' keys, in source order
     * @param map    the chunk map
     * @param chunks the chunks by key, kept to {@link #restore()} them
     */
    public record Stored(String job, List<ChunkKey> keys, IMap<ChunkKey, Chunk> map, Map<ChunkKey, Chunk> chunks) {
        /**
         * Puts the chunks again: a write whose primary died before its backup was made is lost
         * (Hazelcast completes it anyway), and the caller still has the data.
         */
        public void restore() {
            map.putAll(chunks);
        }

        /** Removes the chunks; a failure only costs memory until the cluster restarts. */
        public void release() {
            try {
                for (ChunkKey k : keys) {
                    map.delete(k);
                }
            } catch (RuntimeException e) {
                LOG.warn("could not remove the chunks of a finished job: {}", e.toString());
            }
        }
    }

    /**
     * Cuts a source into chunks sized by their owners' throughput and stores them.
     *
     * @param source the data
     * @param type   the IR type of its elements
     * @return the stored chunks; {@link Stored#release()} them when done
     * @throws NotShippableException when the source holds values that are not of {@code type}
     */
    public Stored store(Source source, Type type) {
        int n = Chunker.count(source.size(), dataMembers(), limits.minChunkElements(), limits.chunksPerMember());
        String job = UUID.randomUUID().toString();
        List<ChunkKey> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(new ChunkKey(job, i));
        }
        List<Chunk> chunks = Chunker.split(source, type, weights(keys));
        IMap<ChunkKey, Chunk> map = hz.getMap(CHUNK_MAP);
        Map<ChunkKey, Chunk> batch = new HashMap<>();
        for (int i = 0; i < n; i++) {
            batch.put(keys.get(i), chunks.get(i));
        }
        map.putAll(batch);
        return new Stored(job, keys, map, batch);
    }

    /**
     * Each chunk's share of the source: its owner's advertised throughput divided among the
     * chunks that owner holds, so each member's work is proportional to its speed.
     */
    private double[] weights(List<ChunkKey> keys) {
        double[] w = new double[keys.size()];
        List<Member> owners = new ArrayList<>(keys.size());
        Map<Member, Integer> held = new HashMap<>();
        for (ChunkKey k : keys) {
            Member m = hz.getPartitionService().getPartition(k).getOwner();
            owners.add(m);
            held.merge(m, 1, Integer::sum);
        }
        for (int i = 0; i < w.length; i++) {
            Member m = owners.get(i);
            w[i] = throughput(m) / held.get(m);
        }
        return w;
    }

    /** @return a member's advertised throughput; 1.0 when it advertises none (or nonsense) */
    static double throughput(Member m) {
        String a = m == null ? null : m.getAttribute(Scheduling.THROUGHPUT_ATTRIBUTE);
        if (a == null) {
            return 1.0;
        }
        try {
            double t = Double.parseDouble(a);
            return t > 0.0 && !Double.isInfinite(t) ? t : 1.0;
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }
}
