package io.pappus.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.query.CacheOp;
import io.pappus.api.query.Node;
import io.pappus.api.query.Source;
import io.pappus.api.query.Terminal;
import io.pappus.cluster.job.Job;
import io.pappus.cluster.job.JobLauncher;
import io.pappus.cluster.plan.Chain;
import io.pappus.cluster.plan.ClusterExplain;
import io.pappus.cluster.plan.Nodes;
import io.pappus.cluster.plan.Placement;
import io.pappus.cluster.plan.ShufflePlacement;
import io.pappus.cluster.plan.TerminalPlacement;
import io.pappus.cluster.remote.ChunkRunners;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.TaskReply;
import io.pappus.cluster.run.Chunker;
import io.pappus.cluster.run.Combiner;
import io.pappus.cluster.run.JobResult;
import io.pappus.cluster.run.JobRunner;
import io.pappus.cluster.run.NotShippableException;
import io.pappus.cluster.run.RemoteElementFailure;
import io.pappus.cluster.run.RemoteFailures;
import io.pappus.cluster.run.ShuffleRunner;
import io.pappus.exec.ReferenceEngine;
import io.pappus.plan.Lifting;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.LogicalPlanner;
import io.pappus.plan.PlanNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An {@link Engine} that runs queries across a Hazelcast cluster. The caller plans the query;
 * each source feeding a chain of lifted map/filter lambdas is cut into partitions stored with
 * backups in the cluster; members run the chain and the terminal's partial aggregate on the
 * partitions they own, from IR shipped as data (never bytecode or user classes); the caller
 * combines the partials in partition order. groupBy, join, distinct and orderBy shuffle their
 * inputs across the members by key (by sampled key ranges for orderBy) through Hazelcast and
 * are finished on each target partition's owner. What members cannot run (opaque lambdas,
 * which need user classes; take, zip, flatMap and what follows them) runs on the caller with
 * the reference semantics, and {@link #explain} says what ran where and why. A member that
 * dies mid-job costs a retry of its tasks on the new owners; {@link #submit} runs a query as
 * a {@link Job} with progress and cancel.
 *
 * <pre>{@code
 * try (ClusterEngine cluster = ClusterEngine.embedded(3)) {
 *     double total = DataSet.from(prices).on(cluster).map(p -> p * 1.2).filter(p -> p > 10.0).sum(p -> p);
 * }
 * }</pre>
 */
public final class ClusterEngine implements Engine, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEngine.class);

    private final HazelcastInstance entry;
    private final List<HazelcastInstance> owned;
    private final ClusterSettings settings;
    private final String name;
    private final LogicalPlanner planner = new LogicalPlanner(Lifting.shared());
    private final ReferenceEngine reference = new ReferenceEngine();
    private final Combiner combiner = new Combiner();
    private volatile Consumer<TaskReply> progress = r -> { };
    private final JobRunner runner;
    private final JobLauncher jobs;
    private final ShuffleRunner shuffles;

    private ClusterEngine(HazelcastInstance entry, List<HazelcastInstance> owned, ClusterSettings settings, String name) {
        this.entry = entry;
        this.owned = List.copyOf(owned);
        this.settings = settings;
        this.name = name;
        this.runner = new JobRunner(entry, settings.jobLimits(), settings.scheduling(), r -> progress.accept(r));
        this.shuffles = new ShuffleRunner(entry, runner, settings.jobLimits(), settings.mapSideCombine());
        this.jobs = new JobLauncher(settings.scheduling().jobThreads(), settings.clusterName());
    }

    /**
     * Starts {@code members} Hazelcast members in this JVM, on free loopback ports, under a
     * cluster name of their own (so two embedded clusters never merge); the first is the entry point.
     *
     * @param members how many, at least 1
     * @return the engine; {@link #close()} shuts the members down
     */
    public static ClusterEngine embedded(int members) {
        return embedded(members, ClusterSettings.defaults());
    }

    /**
     * @param members  how many members to start in this JVM, at least 1
     * @param settings the settings; the cluster name gets a unique suffix
     * @return the engine; {@link #close()} shuts the members down
     */
    public static ClusterEngine embedded(int members, ClusterSettings settings) {
        if (members < 1) {
            throw new IllegalArgumentException("an embedded cluster needs at least one member, was " + members);
        }
        ClusterSettings s = settings.withClusterName(settings.clusterName() + "-" + Long.toHexString(System.nanoTime()));
        List<HazelcastInstance> started = EmbeddedMembers.start(members, s);
        return new ClusterEngine(started.get(0), started, s,
                "cluster[" + settings.clusterName() + ", " + members + " embedded members]");
    }

    /**
     * Connects to a running cluster named {@code pappus} as a client.
     *
     * @param addresses members to connect to, {@code host} or {@code host:port}
     * @return the engine; {@link #close()} disconnects
     */
    public static ClusterEngine join(String... addresses) {
        return join(ClusterSettings.defaults(), addresses);
    }

    /**
     * @param settings  the cluster name and job limits
     * @param addresses members to connect to, {@code host} or {@code host:port}
     * @return the engine; {@link #close()} disconnects
     */
    public static ClusterEngine join(ClusterSettings settings, String... addresses) {
        if (addresses.length == 0) {
            throw new IllegalArgumentException("join needs at least one member address");
        }
        HazelcastInstance client = HazelcastClient.newHazelcastClient(HazelcastConfigs.client(settings, addresses));
        return new ClusterEngine(client, List.of(client), settings, "cluster[" + settings.clusterName() + "]");
    }

    /**
     * Connects as a client configured by a standard Hazelcast client file, e.g.
     * {@code hazelcast-client.yaml} naming the cluster and its members. Pappus's deserialisation
     * allow-list replaces any filter the file sets.
     *
     * @param clientConfig the file
     * @return the engine; {@link #close()} disconnects
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public static ClusterEngine fromYaml(java.nio.file.Path clientConfig) {
        com.hazelcast.client.config.ClientConfig c = HazelcastConfigs.client(clientConfig);
        ClusterSettings settings = ClusterSettings.defaults().withClusterName(c.getClusterName());
        HazelcastInstance client = HazelcastClient.newHazelcastClient(c);
        return new ClusterEngine(client, List.of(client), settings, "cluster[" + settings.clusterName() + ", "
                + clientConfig.getFileName() + "]");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R execute(Node plan, Terminal<R> terminal) {
        Node resolved = resolveCaches(plan);
        try {
            return run(resolved, terminal);
        } catch (RemoteElementFailure e) {
            throw reference.rethrowAsJava(resolved, terminal, e);
        }
    }

    @SuppressWarnings("unchecked")
    private <R> R run(Node resolved, Terminal<R> terminal) {
        LogicalPlan lp = planner.plan(resolved, terminal);
        Optional<Chain> shuffled = ShufflePlacement.chain(lp.root());
        if (shuffled.isPresent() && shuffled.get().shuffles()) {
            TerminalPlacement tp = Placement.terminal(lp, shuffled.get().output());
            if (tp.onMembers()) {
                try {
                    return (R) combiner.finish(lp, shuffled.get(), shuffles.run(shuffled.get(), tp.partial()));
                } catch (NotShippableException e) {
                    LOG.info("source stays on the caller: {}", e.getMessage());
                    return reference.execute(lp.root().op(), terminal);
                }
            }
        }
        Optional<Chain> whole = Placement.chain(lp.root());
        if (whole.isPresent()) {
            TerminalPlacement tp = Placement.terminal(lp, whole.get().output());
            if (tp.onMembers()) {
                Chain c = whole.get();
                try {
                    JobResult r = runner.run(c.source(), c.sourceType(), c.pipeline(tp.partial()));
                    RemoteFailures.rethrowFirst(r, c, lp, true);
                    return (R) combiner.finish(lp, c, r);
                } catch (NotShippableException e) {
                    LOG.info("source stays on the caller: {}", e.getMessage());
                    return reference.execute(lp.root().op(), terminal);
                }
            }
        }
        return reference.execute(onCaller(lp.root(), new IdentityHashMap<>()), terminal);
    }

    /**
     * Runs every maximal chain below the caller-side operators on the members and replaces it
     * with a source over its collected output, left to right as the reference evaluates.
     */
    private Node onCaller(PlanNode n, Map<Node, Node> done) {
        Node known = done.get(n.op());
        if (known != null) {
            return known;  // a shared subtree (zip(self, ...)) runs once
        }
        Node out;
        Optional<Chain> c = ShufflePlacement.chain(n);
        if (c.isPresent() && (c.get().shuffles() || !c.get().steps().isEmpty())) {
            out = collected(c.get());
        } else {
            List<Node> inputs = new ArrayList<>();
            for (PlanNode in : n.inputs()) {
                inputs.add(onCaller(in, done));
            }
            out = Nodes.withInputs(n.op(), inputs);
        }
        done.put(n.op(), out);
        return out;
    }

    private Node collected(Chain c) {
        try {
            if (c.shuffles()) {
                return Nodes.objects(combiner.collect(c, shuffles.run(c, new PartialSpec.Collect())));
            }
            JobResult r = runner.run(c.source(), c.sourceType(), c.pipeline(new PartialSpec.Collect()));
            RemoteFailures.rethrowFirst(r, c, null, false);
            return Nodes.objects(combiner.collect(c, r));
        } catch (NotShippableException e) {
            LOG.info("source stays on the caller: {}", e.getMessage());
            return c.top().op();
        }
    }

    /** Replaces each {@code cache()} with a source over what this engine materialised for it (once). */
    private Node resolveCaches(Node n) {
        if (n instanceof CacheOp c) {
            List<Object> data = c.slot().computeIfAbsent(this, k -> Collections.unmodifiableList(
                    new ArrayList<>(execute(resolveCaches(c.input()), new Terminal.ToList<>()))));
            return Nodes.objects(data);
        }
        if (n instanceof Source) {
            return n;
        }
        List<Node> inputs = new ArrayList<>();
        for (Node in : n.inputs()) {
            inputs.add(resolveCaches(in));
        }
        return Nodes.withInputs(n, inputs);
    }

    @Override
    public String explain(Node plan, Terminal<?> terminal) {
        int members = runner.dataMembers();
        return ClusterExplain.explain(name, planner.plan(plan, terminal),
                size -> Chunker.count(size, members, settings.minChunkElements(), settings.chunksPerMember()),
                ChunkRunners.get()::describe, advertisedRunners(), settings.mapSideCombine());
    }

    /** @return {@code address: runner} for each member that advertises its runner (worker processes) */
    private List<String> advertisedRunners() {
        List<String> out = new ArrayList<>();
        for (Member m : entry.getCluster().getMembers()) {
            String runner = m.getAttribute(ChunkRunners.ATTRIBUTE);
            if (runner != null) {
                out.add(m.getAddress() + ": " + runner);
            }
        }
        return out;
    }

    /**
     * Runs a query asynchronously on this cluster, as a {@link Job} with a state, a progress
     * and a cancel. {@code action} gets {@code data} bound to this cluster and ends it with an
     * action (or several: every query it runs belongs to the job); it runs on one of the
     * engine's job threads, so at most {@link io.pappus.cluster.run.Scheduling#jobThreads()}
     * jobs run at once and the rest wait as {@link io.pappus.cluster.job.JobState#QUEUED}.
     *
     * <pre>{@code
     * Job<List<Double>> job = cluster.submit(DataSet.from(prices), ds -> ds.filter(p -> p > 10.0).toList());
     * List<Double> dear = job.get(Duration.ofMinutes(1));
     * }</pre>
     *
     * @param data   the data set to start from (its engine is replaced by this one)
     * @param action what to compute from it
     * @param <T>    the element type
     * @param <R>    the result type
     * @return the job, queued or already running
     */
    public <T, R> Job<R> submit(DataSet<T> data, Function<DataSet<T>, R> action) {
        Objects.requireNonNull(data, "submit: data set is null");
        Objects.requireNonNull(action, "submit: action is null");
        DataSet<T> here = data.on(this);
        return jobs.launch(() -> action.apply(here));
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the Hazelcast instance queries enter the cluster through (a member, or a client) */
    public HazelcastInstance entryPoint() {
        return entry;
    }

    /** @return the members this engine started (embedded) or its client (joined), entry point first */
    public List<HazelcastInstance> instances() {
        return owned;
    }

    /** @param listener told of every task reply as the caller takes it; for tests that fail members mid-job */
    void onReply(Consumer<TaskReply> listener) {
        this.progress = listener == null ? r -> { } : listener;
    }

    /** Shuts down the members this engine started, or disconnects its client; never throws for one that is already gone. */
    @Override
    public void close() {
        jobs.close();
        RuntimeException first = null;
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).shutdown();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            LOG.warn("a member did not shut down cleanly: {}", first.toString());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
