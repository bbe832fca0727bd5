package io.pappus.cluster.remote;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one {@link RemotePipeline} over one chunk, on the member that owns the chunk's
 * partition (the caller submits it with {@code submitToKeyOwner}). Validates before running:
 * a malformed task comes back as {@link ChunkResult.Rejected}, a lambda that throws as
 * {@link ChunkResult.ElementFailed}; neither harms the member. The task reads its chunk and
 * writes nothing, so running it twice is harmless.
 */
public final class ChunkTask implements Callable<TaskReply>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ChunkTask.class);
    private static final AtomicLong STARTED = new AtomicLong();

    private final String taskId;
    private final String mapName;
    private final ChunkKey key;
    private final RemotePipeline pipeline;
    private transient HazelcastInstance member;

    /**
     * @param taskId   the job, chunk and attempt, e.g. {@code 5f3c…:12#1}
     * @param mapName  the chunk map
     * @param key      the chunk's key
     * @param pipeline what to run
     */
    public ChunkTask(String taskId, String mapName, ChunkKey key, RemotePipeline pipeline) {
        this.taskId = taskId;
        this.mapName = mapName;
        this.key = key;
        this.pipeline = pipeline;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.member = hazelcastInstance;
    }

    /**
     * @return how many chunk tasks members in this JVM have started: more than a job's chunks
     *         when Hazelcast re-sent the tasks of a member that died after starting them
     */
    public static long startedInThisJvm() {
        return STARTED.get();
    }

    @Override
    public TaskReply call() {
        STARTED.incrementAndGet();
        String me = member.getCluster().getLocalMember().getAddress().toString();
        MemberLoad.enter(me);
        try {
            return run(me);
        } finally {
            MemberLoad.exit(me);
        }
    }

    private TaskReply run(String me) {
        ChunkRunner runner = ChunkRunners.get();
        Chunk chunk;
        try {
            PipelineCheck.check(pipeline);
            IMap<ChunkKey, Object> chunks = member.getMap(mapName);
            Object stored = chunks.get(key);
            if (stored == null) {
                return new TaskReply(taskId, me, RanOn.notRun(runner.name()), new ChunkResult.Missing());
            }
            if (!(stored instanceof Chunk c)) {
                throw new InvalidTaskException("entry " + key + " is not a chunk");
            }
            PipelineCheck.checkChunk(pipeline, c);
            chunk = c;
        } catch (IllegalArgumentException | NullPointerException | ClassCastException | IndexOutOfBoundsException e) {
            // Hostile or corrupt IR can break the checker itself: that too is a refusal, not a crash.
            String reason = e instanceof InvalidTaskException ? e.getMessage() : "malformed task: " + e;
            LOG.warn("member {} refused task {}: {}", me, taskId, reason);
            return new TaskReply(taskId, me, RanOn.notRun(runner.name()), new ChunkResult.Rejected(reason));
        }
        ChunkRun r = runner.run(pipeline, chunk);
        return new TaskReply(taskId, me, r.on(), r.result());
    }

    @Override
    public String toString() {
        return "ChunkTask[" + taskId + "]";
    }
}
