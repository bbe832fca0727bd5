package io.pappus.opencl.exec;

import io.pappus.api.Engine;
import io.pappus.api.query.CacheOp;
import io.pappus.api.query.Node;
import io.pappus.api.query.Source;
import io.pappus.api.query.Terminal;
import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.Columns;
import io.pappus.plan.fragment.Fragment;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a fragment tree with each fragment where {@link DevicePlacer} put it. A device fragment
 * reads its input as columns (a source's arrays, a {@code cache()}'s kept columns, or a
 * breaker's output computed on the JVM) and runs through {@link DeviceRunner}. Everything else
 * runs on the JVM engine as a query: the fragment's original operators, with each feed that the
 * device computed replaced by an object source of its result; a subtree with no device
 * fragment goes to the JVM engine unchanged.
 */
public final class OclExecutor {
    private final DevicePlacer placer;
    private final DeviceRunner runner;
    private final Engine jvm;
    private final Map<Fragment, DevicePlacer.Placed> placed = new IdentityHashMap<>();
    private final Map<Fragment, Boolean> anyDevice = new IdentityHashMap<>();
    private final Map<Fragment, Columns> breakerOut = new IdentityHashMap<>();

    /**
     * @param placer places fragments
     * @param runner runs device fragments
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
        if (!hasDevice(root)) {
            return jvm.execute(jvmNode(root), terminal);
        }
        DevicePlacer.Placed p = place(root);
        if (p.onDevice()) {
            Object r = runner.run(p, input(root), root.input().op() instanceof CacheOp);
            return (R) (r instanceof Columns c ? objects(c) : r);
        }
        return jvm.execute(jvmNode(root), terminal);
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
            n = Rebuild.source(input(f));
        } else {
            n = Rebuild.withInputs(f.input().op(), feedNodes(f));
        }
        for (io.pappus.plan.fragment.Stage s : f.stages()) {
            n = Rebuild.withInputs(s.node().op(), List.of(n));
        }
        return n;
    }

    private List<Node> feedNodes(Fragment f) {
        List<Node> in = new ArrayList<>();
        for (Fragment feed : f.feeds()) {
            in.add(place(feed).onDevice() ? Rebuild.source(columns(feed)) : jvmNode(feed));
        }
        return in;
    }

    private Columns columns(Fragment f) {
        if (f.stages().isEmpty() && f.sink() instanceof io.pappus.plan.fragment.Sink.Collect) {
            return input(f);  // nothing to run: the input's columns are the output
        }
        DevicePlacer.Placed p = place(f);
        if (p.onDevice()) {
            return (Columns) runner.run(p, input(f), f.input().op() instanceof CacheOp);
        }
        return ColumnConverter.fromObjects(jvm.execute(jvmNode(f), new Terminal.ToList<>()), f.outputType());
    }

    private Columns input(Fragment f) {
        Node op = f.input().op();
        if (op instanceof Source s) {
            return ColumnConverter.fromSource(s, f.inputType());
        } else if (op instanceof CacheOp c) {
            return c.slot().computeIfAbsent(jvm, k -> columns(f.feeds().get(0)));
        } else if (deviceBreaker(f)) {
            Columns out = breakerOut.get(f);
            if (out == null) {
                List<Columns> feeds = new ArrayList<>();
                for (Fragment feed : f.feeds()) {
                    feeds.add(columns(feed));
                }
                out = DeviceBreakers.run(f, feeds, runner.device(), runner.log());
                breakerOut.put(f, out);
            }
            return out;
        }
        return ColumnConverter.fromObjects(jvm.execute(Rebuild.withInputs(op, feedNodes(f)), new Terminal.ToList<>()),
                f.inputType());
    }

    /** Whether the fragment's input is a breaker that runs on the device. */
    private boolean deviceBreaker(Fragment f) {
        Node op = f.input().op();
        if (op instanceof io.pappus.api.query.TakeOp) {
            return place(f.feeds().get(0)).onDevice();  // else the JVM's take keeps its early exit
        }
        return !(op instanceof Source) && !(op instanceof CacheOp)
                && DeviceBreakers.whyNot(f.input(), placer.device()).isEmpty();
    }

    private static List<Object> objects(Columns c) {
        return ColumnConverter.toObjects(c, Thread.currentThread().getContextClassLoader());
    }
}
