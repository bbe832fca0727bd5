package io.pappus.cluster.run;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.pappus.cluster.plan.Chain;
import io.pappus.cluster.plan.KeyedOps;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.cluster.remote.TaskReply;
import io.pappus.cluster.shuffle.KeyedOp;
import io.pappus.cluster.shuffle.ShuffleKey;
import io.pappus.cluster.shuffle.StageInput;
import io.pappus.cluster.shuffle.StageSink;
import io.pappus.cluster.shuffle.StageTask;
import io.pappus.ir.Type;
import io.pappus.plan.PlanNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs a chain with shuffles on the cluster, stage by stage, with a barrier on the caller
 * between stages (so no member task ever waits for another, and admission control cannot
 * deadlock): the sources are stored as chunks; each keyed operator's inputs run their
 * pipelines and write every element with its key into the shuffle map, into the bucket of its
 * target partition (by key hash; by sampled key ranges for orderBy), or for a groupBy
 * aggregation (unless map-side combining is off) one partial per key and source partition;
 * then one task per target, on the target's owner, reads its buckets in source order, finishes
 * the operator, runs the chain's steps and returns its partial aggregate, or feeds the next
 * shuffle.
 */
public final class ShuffleRunner {
    /** The map that holds shuffle buckets (configured with backups). */
    public static final String SHUFFLE_MAP = "pappus.shuffle";
    private static final Logger LOG = LoggerFactory.getLogger(ShuffleRunner.class);
    private static final int SAMPLE_PER_PARTITION = 32;
    private static final int MAX_RESTORES = 3;

    private final HazelcastInstance hz;
    private final JobRunner runner;
    private final JobLimits limits;
    private final boolean combine;

    /**
     * @param hz      the entry point
     * @param runner  stores sources and schedules waves
     * @param limits  partition sizes
     * @param combine whether groupBy shuffles combine on the map side
     */
    public ShuffleRunner(HazelcastInstance hz, JobRunner runner, JobLimits limits, boolean combine) {
        this.hz = hz;
        this.runner = runner;
        this.limits = limits;
        this.combine = combine;
    }

    /** The partitions one stage runs over. */
    private record Parts(int n, IntFunction<StageInput> input, IntFunction<Object> key, long size, Runnable restore) {
    }

    /**
     * @param c       a chain ({@link Chain#shuffles()} may be true)
     * @param partial the partial aggregate of its output
     * @return one result per partition of its base, in partition order
     * @throws RemoteElementFailure when a lambda threw on a member
     */
    public JobResult run(Chain c, PartialSpec partial) {
        if (!combine || !combines(c)) {
            return run(c, partial, false);
        }
        try {
            return run(c, partial, true);
        } catch (RemoteElementFailure e) {
            // Combining regroups a reduce's calls (op(op(a, b), op(c, d)) for op(op(op(a, b), c), d)):
            // a lambda may throw for one grouping only, so whether and where it throws is decided
            // by the elements in source order, as Java folds them.
            LOG.info("a lambda threw in a query that combines on the map side ({}): running it again without"
                    + " combining", e.getMessage());
            return run(c, partial, false);
        }
    }

    private static boolean combines(Chain c) {
        return c.shuffles()
                && (KeyedOps.combines(c.base(), true) || c.inputs().stream().anyMatch(ShuffleRunner::combines));
    }

    private JobResult run(Chain c, PartialSpec partial, boolean combining) {
        List<Runnable> cleanup = new ArrayList<>();
        try {
            return wave(parts(c, cleanup, combining), c.pipeline(partial), new StageSink.Partial(), "final");
        } finally {
            for (int i = cleanup.size() - 1; i >= 0; i--) {
                cleanup.get(i).run();
            }
        }
    }

    private Parts parts(Chain c, List<Runnable> cleanup, boolean combining) {
        if (!c.shuffles()) {
            JobRunner.Stored s = runner.store(c.source(), c.sourceType());
            cleanup.add(s::release);
            return new Parts(s.keys().size(), i -> new StageInput.FromChunk(JobRunner.CHUNK_MAP, s.keys().get(i)),
                    i -> s.keys().get(i), c.source().size(), s::restore);
        }
        PlanNode k = c.base();
        List<Parts> ins = new ArrayList<>();
        long size = 0;
        for (Chain in : c.inputs()) {
            Parts p = parts(in, cleanup, combining);
            ins.add(p);
            size += p.size();
        }
        String shuffle = UUID.randomUUID().toString();
        KeyedOp op = KeyedOps.op(k);
        KeyedOp.Group combiner = KeyedOps.combines(k, combining) ? (KeyedOp.Group) op : null;
        int targets = Chunker.count((int) Math.max(1, Math.min(Integer.MAX_VALUE, size)), runner.dataMembers(),
                limits.minChunkElements(), limits.chunksPerMember());
        Object[] splitters = op instanceof KeyedOp.Sort ? splitters(ins.get(0), c.inputs().get(0), k, targets) : null;
        int n = splitters != null ? splitters.length + 1 : targets;
        List<Integer> sources = new ArrayList<>();
        List<Type> sideTypes = new ArrayList<>();
        cleanup.add(() -> release(shuffle, sources, n));
        List<Runnable> writes = new ArrayList<>();
        for (int side = 0; side < ins.size(); side++) {
            Chain in = c.inputs().get(side);
            StageSink sink = op instanceof KeyedOp.Sort s
                    ? new StageSink.RangeWrite(SHUFFLE_MAP, shuffle, KeyedOps.key(k, 0), splitters, s.descending())
                    : new StageSink.HashWrite(SHUFFLE_MAP, shuffle, side, KeyedOps.key(k, side), targets, combiner);
            sources.add(ins.get(side).n());
            sideTypes.add(combiner == null ? in.output() : combiner.partialType(in.output()));
            Parts p = ins.get(side);
            RemotePipeline pipe = in.pipeline(new PartialSpec.Collect());
            String what = k.op().opName() + "-write" + side;
            writes.add(() -> logWritten(shuffle, what, wave(p, pipe, sink, what), in.steps().size()));
        }
        writes.forEach(Runnable::run);
        Type keyType = KeyedOps.keyType(k);
        List<Integer> srcs = List.copyOf(sources);
        List<Type> types = List.copyOf(sideTypes);
        boolean combined = combiner != null;
        return new Parts(n,
                i -> new StageInput.FromShuffle(SHUFFLE_MAP, shuffle, i, srcs, types, keyType, op, combined),
                i -> ShuffleKey.partitionKey(shuffle, i), size, () -> writes.forEach(Runnable::run));
    }

    /** Samples the sort keys of the input and picks splitters at even quantiles: equal keys share a range. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object[] splitters(Parts in, Chain input, PlanNode k, int targets) {
        JobResult r = wave(in, input.pipeline(new PartialSpec.Collect()), new StageSink.Sample(KeyedOps.key(k, 0),
                SAMPLE_PER_PARTITION), "sample");
        List<Object> keys = new ArrayList<>();
        for (ChunkResult res : r.results()) {
            keys.addAll(List.of((Object[]) ((ChunkResult.Done) res).partial()));
        }
        keys.sort((a, b) -> ((Comparable) a).compareTo(b));
        int m = Math.min(targets, keys.size());
        Object[] out = new Object[Math.max(0, m - 1)];
        for (int i = 1; i < m; i++) {
            out[i - 1] = keys.get(i * keys.size() / m);
        }
        return out;
    }

    /**
     * Runs one wave over the partitions. When a task finds its input gone (a write whose
     * primary died before its backup was made), the input is restored (sources put again,
     * shuffles written again by re-running the waves that wrote them, as Spark re-runs a lost
     * map stage) and the wave runs again.
     */
    private JobResult wave(Parts p, RemotePipeline pipeline, StageSink sink, String what) {
        if (p.n() == 0) {
            return new JobResult(List.of(), 0, List.of());
        }
        for (int round = 0; ; round++) {
            String wave = what + "-" + UUID.randomUUID();
            TaskScheduler.Wave w = runner.scheduler().run(wave, p.n(), new TaskScheduler.Tasks() {
                @Override
                public Callable<TaskReply> task(int index, String taskId) {
                    return new StageTask(taskId, index, p.input().apply(index), pipeline, sink);
                }

                @Override
                public Object key(int index) {
                    return p.key().apply(index);
                }

                @Override
                public boolean missingFails() {
                    return false;
                }
            });
            long missing = w.replies().stream().filter(r -> r.result() instanceof ChunkResult.Missing).count();
            if (missing == 0) {
                return results(w);
            }
            if (round == MAX_RESTORES) {
                throw new ClusterJobException(missing + " partitions of the " + what + " wave found their input gone"
                        + " after " + MAX_RESTORES + " restores", null);
            }
            LOG.info("{} of {} partitions of the {} wave found their input gone: restoring it, running the wave again",
                    missing, p.n(), what);
            p.restore().run();
        }
    }

    /** Says how many pairs (elements, or partials) a write wave put into the shuffle, for how many elements. */
    private static void logWritten(String shuffle, String what, JobResult written, int steps) {
        if (LOG.isDebugEnabled()) {
            long pairs = 0;
            long elements = 0;
            for (ChunkResult r : written.results()) {
                ChunkResult.Done d = (ChunkResult.Done) r;
                pairs += (Long) d.partial();
                elements += d.counts()[steps];
            }
            LOG.debug("shuffle {} {}: {} elements written as {} pairs", shuffle, what, elements, pairs);
        }
    }

    private static JobResult results(TaskScheduler.Wave w) {
        List<ChunkResult> results = new ArrayList<>(w.replies().size());
        List<String> members = new ArrayList<>(w.replies().size());
        for (TaskReply r : w.replies()) {
            if (r.result() instanceof ChunkResult.ElementFailed f) {
                throw new RemoteElementFailure(f.exceptionClass() + " on member " + r.member() + ": " + f.message());
            }
            results.add(r.result());
            members.add(r.member());
        }
        return new JobResult(results, w.retries() + w.speculations(), members);
    }

    private void release(String shuffle, List<Integer> sources, int targets) {
        try {
            IMap<ShuffleKey, Object> map = hz.getMap(SHUFFLE_MAP);
            List<CompletableFuture<Boolean>> pending = new ArrayList<>();
            for (int side = 0; side < sources.size(); side++) {
                for (int t = 0; t < targets; t++) {
                    for (int c = 0; c < sources.get(side); c++) {
                        pending.add(map.deleteAsync(new ShuffleKey(shuffle, side, t, c)).toCompletableFuture());
                    }
                }
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The answer stands; stale buckets only cost memory until the cluster restarts.
            LOG.warn("could not remove the buckets of shuffle {}: {}", shuffle, e.toString());
        }
    }
}
