package io.pappus.opencl.exec;

import io.pappus.api.Engine;
import io.pappus.api.query.CacheOp;
import io.pappus.api.query.Node;
import io.pappus.api.query.Source;
import io.pappus.api.query.TakeOp;
import io.pappus.api.query.Terminal;
import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.opencl.ResidentColumns;
import io.pappus.opencl.runtime.OclSession;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import io.pappus.plan.fragment.Stage;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one query's fragment tree with each fragment where {@link DevicePlacer} put it: on the
 * device where it can run there, unless the query's {@link FragmentSides} (Target.AUTO's cost
 * model) keeps it on the JVM. A device fragment reads its input where it is: a source's
 * arrays (uploaded once, streamed in chunks),
 * a {@code cache()}'s columns (resident in the {@link DeviceCache}), or the output of the
 * device fragment or device breaker before it, which stays on the device ({@link Handoff})
 * when it fits (a lifted flatMap fused into the fragment's kernel reads its feed's output instead:
 * the flatMap's own output never exists): data crosses the bus once in and once out. Where a fragment or breaker runs on
 * the JVM, its input comes down and its output goes up, and the edge says why. Everything else
 * runs on the JVM engine as a query: the fragment's original operators, with each feed that the
 * device computed replaced by an object source of its result; a subtree with no device
 * fragment goes to the JVM engine unchanged. Device buffers of the query are freed when it
 * ends, also when it fails; what it moved over the bus, and where each fragment ran and how
 * long, is recorded in the {@link RunLog}.
 */
public final class OclExecutor {
    private final DevicePlacer placer;
    private final DeviceRunner runner;
    private final Engine jvm;
    private final Map<Fragment, DevicePlacer.Placed> placed = new IdentityHashMap<>();
    private final Map<Fragment, Boolean> anyDevice = new IdentityHashMap<>();
    private final Map<Fragment, Handoff> inputs = new IdentityHashMap<>();
    private final List<Handoff> owned = new ArrayList<>();
    private Fragment root;

    /**
     * @param placer places fragments
     * @param runner runs device fragments (one per query: it meters the query's bus traffic)
     * @param jvm    runs the rest (also the key of {@code cache()} columns)
     */
    public OclExecutor(DevicePlacer placer, DeviceRunner runner, Engine jvm) {
        this.placer = placer;
        this.runner = runner;
        this.jvm = jvm;
    }

    /**
     * @param root     the fragment that ends in the terminal
     * @param terminal the terminal
     * @param <R>      the result type
     * @return the query's result
     */
    @SuppressWarnings("unchecked")
    public <R> R result(Fragment root, Terminal<R> terminal) {
        this.root = root;
        if (!hasDevice(root)) {
            return jvm.execute(jvmNode(root), terminal);
        }
        try {
            if (sizeIsTheAnswer(root)) {
                return (R) Long.valueOf(input(root).size());
            }
            DevicePlacer.Placed p = place(root);
            if (p.onDevice()) {
                Object r = runner.run(p, deviceInput(root, p), root.input().op() instanceof CacheOp, false);
                return (R) (r instanceof Handoff h ? objects(h.host(runner.bus())) : r);
            }
            return jvmRun(root, jvmNode(root), terminal);
        } finally {
            owned.forEach(Handoff::close);
            runner.log().recordQuery(signature(root), runner.bus().traffic());
        }
    }

    /**
     * @param root a query's fragment tree
     * @return what identifies the query's plan in the run log: fragments and their lambdas' source lines
     */
    static String signature(Fragment root) {
        StringBuilder b = new StringBuilder();
        signature(root, b);
        return b.toString();
    }

    private static void signature(Fragment f, StringBuilder b) {
        b.append(f.id()).append(':').append(f.describe());
        for (LambdaSite l : f.input().lambdas()) {
            b.append(' ').append(l.lift().source());
        }
        for (Stage s : f.stages()) {
            b.append(' ').append(s.lambda().lift().source());
        }
        b.append(";\n");
        for (Fragment feed : f.feeds()) {
            signature(feed, b);
        }
    }

    private DevicePlacer.Placed place(Fragment f) {
        return placed.computeIfAbsent(f, placer::place);
    }

    private boolean hasDevice(Fragment f) {
        Boolean b = anyDevice.get(f);
        if (b == null) {
            b = place(f).onDevice() || deviceBreaker(f);
            for (Fragment feed : f.feeds()) {
                b |= hasDevice(feed);
            }
            anyDevice.put(f, b);
        }
        return b;
    }

    /** The fragment's output as a JVM query over its original operators. */
    private Node jvmNode(Fragment f) {
        Node end = f.stages().isEmpty() ? f.input().op() : f.stages().get(f.stages().size() - 1).node().op();
        if (!hasDevice(f)) {
            return end;
        }
        Node n;
        if (f.input().op() instanceof CacheOp) {
            input(f);  // the slot now holds typed columns: the JVM engine reads them, not the rebuilt input
            n = f.input().op();
        } else if (deviceBreaker(f)) {
            Handoff in = input(f);
            n = Rebuild.source(in.host(runner.bus()));
            if (in.resident()) {
                edge(f, f, false, in.bytes(), f == root && f.stages().isEmpty() ? "the query's result, read back"
                        : "read back for fragment " + f.id() + "'s pipeline, which runs on the JVM: " + place(f).reason());
            }
        } else {
            n = Rebuild.withInputs(f.input().op(), feedNodes(f));
        }
        for (Stage s : f.stages()) {
            n = Rebuild.withInputs(s.node().op(), List.of(n));
        }
        return n;
    }

    /**
     * Runs the JVM query built for a fragment (its device feeds have run by then), timed for the
     * run log with the fragments it runs: those {@link #jvmNode} composed into it.
     */
    private <R> R jvmRun(Fragment f, Node query, Terminal<R> terminal) {
        long start = System.nanoTime();
        R r = jvm.execute(query, terminal);
        List<Integer> ids = new ArrayList<>();
        jvmPart(f, ids);
        runner.bus().ran(new RunLog.Ran(ids, false, System.nanoTime() - start));
        return r;
    }

    /** Adds the fragments whose work a JVM query built by {@link #jvmNode} for {@code f} does. */
    private void jvmPart(Fragment f, List<Integer> ids) {
        boolean breakerElsewhere = deviceBreaker(f) || f.input().op() instanceof CacheOp;
        if (!breakerElsewhere || !f.stages().isEmpty()) {
            ids.add(f.id());
        }
        if (!breakerElsewhere) {
            for (Fragment feed : f.feeds()) {
                if (!place(feed).onDevice()) {
                    jvmPart(feed, ids);
                }
            }
        }
    }

    /** The feeds of a breaker that runs on the JVM, as JVM queries. */
    private List<Node> feedNodes(Fragment f) {
        List<Node> in = new ArrayList<>();
        for (Fragment feed : f.feeds()) {
            if (place(feed).onDevice()) {
                Handoff h = output(feed, false);
                edge(feed, f, false, h.bytes(), "read back: " + f.input().op().opName() + " runs on the JVM ("
                        + placer.breakerWhyNot(f).orElse("its feed runs on the JVM") + ")");
                in.add(Rebuild.source(h.host(runner.bus())));
            } else {
                in.add(jvmNode(feed));
            }
        }
        return in;
    }

    /**
     * @param f        a fragment
     * @param toDevice whether its reader runs on the device (then device output may stay there)
     * @return its output
     */
    private Handoff output(Fragment f, boolean toDevice) {
        if (f.stages().isEmpty() && f.sink() instanceof Sink.Collect) {
            return input(f);  // nothing to run: the input's columns are the output
        }
        DevicePlacer.Placed p = place(f);
        if (p.onDevice()) {
            return own((Handoff) runner.run(p, deviceInput(f, p), f.input().op() instanceof CacheOp, toDevice));
        }
        Columns c = ColumnConverter.fromObjects(jvmRun(f, jvmNode(f), new Terminal.ToList<>()), f.outputType());
        return own(Handoff.onHost(c, "fragment " + f.id() + " runs on the JVM: " + p.reason()));
    }

    /**
     * @param f a fragment placed on the device
     * @param p its placement
     * @return the columns its program reads: its input's, or, where it fuses its flatMap input, the
     *         flatMap's feed's (the flatMap's output is never materialised)
     */
    private Handoff deviceInput(Fragment f, DevicePlacer.Placed p) {
        if (!p.work().fused()) {
            return input(f);
        }
        Fragment feed = f.feeds().get(0);
        Handoff h = output(feed, true);
        edge(feed, f, h.resident(), h.bytes(), (h.resident() ? "stayed on the device"
                : "streamed up from the host (" + h.hostReason() + ")") + " for fragment " + f.id()
                + "'s kernel, into which the flatMap is fused");
        return h;
    }

    private Handoff input(Fragment f) {
        Handoff h = inputs.get(f);
        if (h == null) {
            h = own(computeInput(f));
            inputs.put(f, h);
        }
        return h;
    }

    private Handoff computeInput(Fragment f) {
        Node op = f.input().op();
        if (op instanceof Source s) {
            return Handoff.onHost(ColumnConverter.fromSource(s, f.inputType()), "the query's source");
        } else if (op instanceof CacheOp c) {
            return Handoff.onHost(c.slot().computeIfAbsent(jvm, k -> cacheFill(f)),
                    "cache() columns (on the device they live in the device cache)");
        } else if (deviceBreaker(f)) {
            return deviceBreakerOutput(f);
        }
        List<Object> out = jvmRun(f, Rebuild.withInputs(op, feedNodes(f)), new Terminal.ToList<>());
        return Handoff.onHost(ColumnConverter.fromObjects(out, f.inputType()), op.opName() + " runs on the JVM: "
                + placer.breakerWhyNot(f).orElse("its feed runs on the JVM"));
    }

    /** A {@code cache()}'s slot keeps host columns: the device copy is the device cache's. */
    private Columns cacheFill(Fragment f) {
        Fragment feed = f.feeds().get(0);
        Handoff h = output(feed, false);
        edge(feed, f, h.resident(), h.bytes(), "kept on the host by cache() (the device cache uploads its own copy)");
        return h.host(runner.bus());
    }

    /** Runs the breaker on its feeds' outputs, left on the device where they were computed. */
    private Handoff deviceBreakerOutput(Fragment f) {
        if (f.input().op() instanceof TakeOp t) {
            Fragment feed = f.feeds().get(0);
            Handoff in = output(feed, true);
            edge(feed, f, in.resident(), in.bytes(), in.resident() ? "stayed on the device (take keeps a prefix)"
                    : "stayed on the host (take keeps a prefix): " + in.hostReason());
            runner.bus().ran(new RunLog.Ran(List.of(f.id()), true, 0));  // a prefix of the columns: no kernel
            return in.prefix((int) Math.min(Integer.MAX_VALUE, t.n()));
        }
        OclSession session = OclSession.of(placer.device());
        List<Handoff> in = new ArrayList<>();
        List<ResidentColumns> feeds = new ArrayList<>();
        long uploaded = 0;
        for (Fragment feed : f.feeds()) {
            Handoff h = output(feed, true);
            if (h.resident()) {
                edge(feed, f, true, h.bytes(), "stayed on the device");
            } else {
                uploaded += h.bytes();
                edge(feed, f, false, h.bytes(), "uploaded from the host: " + h.hostReason());
            }
            in.add(h);
            feeds.add(h.device(session, runner.bus()));
        }
        long start = System.nanoTime();
        ResidentColumns out = DeviceBreakers.run(f, feeds, uploaded, placer.device(), runner.log());
        runner.bus().ran(new RunLog.Ran(List.of(f.id()), true, System.nanoTime() - start));
        in.forEach(Handoff::close);  // each feed has this one reader: its device memory is free for what follows
        ColumnLayout layout = ColumnLayout.of(f.inputType());
        long budget = MemoryBudget.bytes(placer.device());
        if (out.bytes() <= budget) {
            return Handoff.onDevice(out, layout);
        }
        try (out) {
            runner.bus().down(out.bytes());
            return Handoff.onHost(DeviceColumns.download(layout, out), "the " + f.input().op().opName() + " output of "
                    + out.bytes() + " bytes is over the device-memory budget of " + budget + " bytes ("
                    + MemoryBudget.PROPERTY + "), so it waits on the host and streams up in chunks");
        }
    }

    /**
     * @param f a fragment
     * @return whether it counts a device breaker's output as it is: the count is the output's size,
     *         known without reading the output back
     */
    private boolean sizeIsTheAnswer(Fragment f) {
        return f.stages().isEmpty() && f.sink() instanceof Sink.Count && deviceBreaker(f) && !fused(place(f));
    }

    /** Whether the fragment runs on the device with its flatMap input fused into its kernel. */
    private static boolean fused(DevicePlacer.Placed p) {
        return p.onDevice() && p.work().fused();
    }

    /** Whether the fragment's input is a breaker that runs on the device. */
    private boolean deviceBreaker(Fragment f) {
        Node op = f.input().op();
        if (op instanceof TakeOp) {
            return place(f.feeds().get(0)).onDevice();  // else the JVM's take keeps its early exit
        }
        return !(op instanceof Source) && !(op instanceof CacheOp)
                && placer.breakerWhyNot(f).isEmpty();
    }

    private Handoff own(Handoff h) {
        owned.add(h);
        return h;
    }

    private void edge(Fragment from, Fragment to, boolean onDevice, long bytes, String how) {
        runner.bus().edge(new RunLog.Edge(from.id(), to.id(), onDevice, bytes, how));
    }

    private static List<Object> objects(Columns c) {
        return ColumnConverter.toObjects(c, Thread.currentThread().getContextClassLoader());
    }
}
