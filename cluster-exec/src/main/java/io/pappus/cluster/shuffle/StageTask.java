package io.pappus.cluster.shuffle;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import io.pappus.cluster.remote.Chunk;
import io.pappus.cluster.remote.ChunkKey;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.ChunkRun;
import io.pappus.cluster.remote.ChunkRunner;
import io.pappus.cluster.remote.ChunkRunners;
import io.pappus.cluster.remote.InvalidTaskException;
import io.pappus.cluster.remote.MemberLoad;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.PipelineCheck;
import io.pappus.cluster.remote.RanOn;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.cluster.remote.RemoteStep;
import io.pappus.cluster.remote.ShippedLambda;
import io.pappus.cluster.remote.StageChecks;
import io.pappus.cluster.remote.TaskReply;
import io.pappus.ir.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One partition of one stage of a distributed query, run on the member that owns the
 * partition: read the input (a source chunk, or a shuffle target's buckets finished with a
 * keyed operator), run the map/filter pipeline, and then return the partial aggregate, write
 * the output into a shuffle by key (folded per key first when the shuffle combines on the map
 * side), or return a sample of keys. Validated before it runs
 * (a malformed task is {@link ChunkResult.Rejected}); reading and writing the same keys again
 * gives the same data, so a retry or a speculative copy is harmless.
 */
public final class StageTask implements Callable<TaskReply>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StageTask.class);
    private static final AtomicLong STARTED = new AtomicLong();

    private final String taskId;
    private final int partition;
    private final StageInput input;
    private final RemotePipeline pipeline;
    private final StageSink sink;
    private transient HazelcastInstance member;

    /**
     * @param taskId    the wave, partition and attempt
     * @param partition the partition this task runs over (it names the buckets it writes)
     * @param input    where the elements come from
     * @param pipeline the map/filter steps, and the partial aggregate for {@link StageSink.Partial}
     * @param sink     what to do with the output
     */
    public StageTask(String taskId, int partition, StageInput input, RemotePipeline pipeline, StageSink sink) {
        this.taskId = taskId;
        this.partition = partition;
        this.input = input;
        this.pipeline = pipeline;
        this.sink = sink;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.member = hazelcastInstance;
    }

    /** @return how many stage tasks members in this JVM have started (re-runs after a member died included) */
    public static long startedInThisJvm() {
        return STARTED.get();
    }

    @Override
    public TaskReply call() {
        STARTED.incrementAndGet();
        String me = member.getCluster().getLocalMember().getAddress().toString();
        MemberLoad.enter(me);
        try {
            ChunkRun r = run(me);
            return new TaskReply(taskId, me, r.on(), r.result());
        } finally {
            MemberLoad.exit(me);
        }
    }

    private ChunkRun run(String me) {
        ChunkRunner runner = ChunkRunners.get();
        RanOn none = RanOn.notRun(runner.name());
        Chunk chunk;
        try {
            PipelineCheck.check(pipeline);
            checkSink();
            chunk = read();
            if (chunk == null) {
                return new ChunkRun(new ChunkResult.Missing(), none);
            }
            PipelineCheck.checkChunk(pipeline, chunk);
        } catch (IllegalArgumentException | NullPointerException | ClassCastException | IndexOutOfBoundsException e) {
            String reason = e instanceof InvalidTaskException ? e.getMessage() : "malformed task: " + e;
            LOG.warn("member {} refused task {}: {}", me, taskId, reason);
            return new ChunkRun(new ChunkResult.Rejected(reason), none);
        } catch (KeyedFinish.Failed f) {
            return failed(f, 0, RanOn.cpu("keyed finish", ""));
        }
        if (sink instanceof StageSink.Partial) {
            return runner.run(pipeline, chunk);
        }
        RemotePipeline collect = new RemotePipeline(pipeline.input(), pipeline.steps(), new PartialSpec.Collect());
        ChunkRun r = runner.run(collect, chunk);
        if (!(r.result() instanceof ChunkResult.Done d)) {
            return r;
        }
        Type outType = StageChecks.output(pipeline);
        List<Object> out = elements(d.partial());
        ShippedLambda keyFn = sink instanceof StageSink.HashWrite h ? h.key()
                : sink instanceof StageSink.RangeWrite w ? w.key() : ((StageSink.Sample) sink).key();
        List<Object> keys = out;
        if (keyFn != null) {
            // The keys are one more map over the output, run by the member's best runner.
            ChunkResult k = runner.run(new RemotePipeline(outType, List.of(new RemoteStep(RemoteStep.Kind.MAP, keyFn)),
                    new PartialSpec.Collect()), StageChecks.chunk(outType, out)).result();
            if (k instanceof ChunkResult.ElementFailed f) {
                int stage = pipeline.steps().size();
                return new ChunkRun(new ChunkResult.ElementFailed(stage, f.index(), f.element(), f.exceptionClass(),
                        f.message()), r.on());
            }
            keys = elements(((ChunkResult.Done) k).partial());
        }
        Type keyType = keyFn == null ? outType : keyFn.ir().main().result();
        try {
            return new ChunkRun(new ShuffleWriter(member).write(sink, partition, outType, keyType, out, keys,
                    d.counts()), r.on());
        } catch (KeyedFinish.Failed f) {
            return failed(f, pipeline.steps().size() + 1, r.on());  // the stage after the keys: combining
        }
    }

    /** @return a lambda's failure in a keyed operator as the element failure the caller expects */
    private static ChunkRun failed(KeyedFinish.Failed f, int stage, RanOn on) {
        Throwable c = f.getCause();
        return new ChunkRun(new ChunkResult.ElementFailed(stage, 0, f.element, c.getClass().getName(), c.getMessage()),
                on);
    }

    private void checkSink() {
        Type out = StageChecks.output(pipeline);
        if (sink instanceof StageSink.HashWrite h) {
            if (h.key() != null) {
                StageChecks.lambda(h.key(), List.of(out), "shuffle key");
            }
            if (h.targets() < 1 || h.side() < 0 || h.side() > 1 || h.shuffle() == null || h.map() == null) {
                throw new InvalidTaskException("malformed hash shuffle " + h.shuffle());
            }
            if (h.combine() != null) {
                KeyedOpCheck.fold(h.combine(), out);
            }
        } else if (sink instanceof StageSink.RangeWrite w) {
            StageChecks.lambda(w.key(), List.of(out), "sort key");
            if (w.splitters() == null || w.shuffle() == null || w.map() == null) {
                throw new InvalidTaskException("malformed range shuffle " + w.shuffle());
            }
            Type k = w.key().ir().main().result();
            for (Object s : w.splitters()) {
                if (!StageChecks.conforms(s, k)) {
                    throw new InvalidTaskException("splitter " + s + " is not a " + k.show());
                }
            }
        } else if (sink instanceof StageSink.Sample s) {
            StageChecks.lambda(s.key(), List.of(out), "sort key");
        } else if (!(sink instanceof StageSink.Partial)) {
            throw new InvalidTaskException("unknown sink " + sink);
        }
    }

    private Chunk read() {
        if (input instanceof StageInput.FromChunk fc) {
            IMap<ChunkKey, Object> chunks = member.getMap(fc.map());
            Object stored = chunks.get(fc.key());
            if (stored != null && !(stored instanceof Chunk)) {
                throw new InvalidTaskException("entry " + fc.key() + " is not a chunk");
            }
            return (Chunk) stored;
        } else if (input instanceof StageInput.FromShuffle fs) {
            List<List<Object[]>> sides = ShuffleReader.read(member, fs);
            if (sides == null) {
                return null;
            }
            KeyedOpCheck.finish(fs);
            return StageChecks.chunk(pipeline.input(), new KeyedFinish().finish(fs.op(), fs.combined(), sides));
        }
        throw new InvalidTaskException("unknown input " + input);
    }

    private static List<Object> elements(Object column) {
        int n = Array.getLength(column);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Array.get(column, i));
        }
        return out;
    }

    @Override
    public String toString() {
        return "StageTask[" + taskId + "]";
    }
}
