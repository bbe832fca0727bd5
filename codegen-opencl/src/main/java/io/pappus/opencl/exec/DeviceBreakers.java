package io.pappus.opencl.exec;

import io.pappus.api.query.DistinctOp;
import io.pappus.api.query.FlatMapOp;
import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.OrderByOp;
import io.pappus.api.query.TakeOp;
import io.pappus.api.query.ZipOp;
import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.lift.FanOut;
import io.pappus.lift.LiftResult;
import io.pappus.opencl.ChunkStream;
import io.pappus.opencl.KeyColumns;
import io.pappus.opencl.OclBreakers;
import io.pappus.opencl.OclFlatMap;
import io.pappus.opencl.OclJoin;
import io.pappus.opencl.OclPipeline;
import io.pappus.opencl.ResidentColumns;
import io.pappus.opencl.Sink;
import io.pappus.opencl.Stage;
import io.pappus.opencl.codegen.GroupKernelWriter;
import io.pappus.opencl.codegen.JoinKernelWriter;
import io.pappus.opencl.codegen.OclUnsupportedException;
import io.pappus.opencl.codegen.ReduceOp;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclSession;
import io.pappus.opencl.runtime.OclTimings;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.PlanNode;
import io.pappus.plan.fragment.Fragment;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline breakers that run on the device: orderBy (stable radix sort on the key), join
 * on equal int/long/float/double keys (sort-merge, see {@link OclJoin}), zip (the lambda over
 * position-paired elements),
 * distinct and groupBy-count / +,min,max-reduce / user fold (sort, segments, in-order folds of
 * blocks of each group combined in block order, or one fold per group when the combine does not
 * translate; groups in first-occurrence order) on primitive or record keys, with primitive or record
 * accumulators, take (the feed's first n elements), and flatMap of a lifted function (its fan run
 * as a map, then the elements placed by a prefix sum of the counts: {@link OclFlatMap}; this runs only
 * where the fragment reading it does not fuse it into its own kernel, see
 * {@link Placement#fusionWhyNot}). A record
 * key or element is its primitive leaves, equal when every leaf is (as a record's {@code equals});
 * orderBy keeps record keys on the JVM, since a record orders by its own {@code compareTo}. The
 * key lambda runs on the device as a one-stage pipeline over the input's columns. {@link #whyNot}
 * gives the reason when a breaker stays on the JVM.
 */
final class DeviceBreakers {
    private DeviceBreakers() {
    }

    /**
     * @param input  a fragment's input node (a breaker)
     * @param device the device, or null
     * @return why it runs on the JVM, or empty when it runs on the device
     */
    static Optional<String> whyNot(PlanNode input, DeviceInfo device) {
        Object op = input.op();
        String name = input.op().opName();
        if (device == null) {
            return Optional.of("no OpenCL device");
        }
        if (op instanceof TakeOp) {
            return Optional.empty();
        }
        if (op instanceof JoinOp || op instanceof ZipOp) {
            return pairWhyNot(input, device);
        }
        if (op instanceof FlatMapOp) {
            return flatMapWhyNot(input, device);
        }
        if (!(op instanceof OrderByOp || op instanceof DistinctOp || op instanceof GroupOp)) {
            return Optional.of(name + " has no device kernel yet");
        }
        Type in = input.inputs().get(0).output();
        if (!ColumnLayout.of(in).allPrimitive()) {
            return Optional.of(name + " over " + in.show() + ", which has object columns");
        }
        if (op instanceof DistinctOp) {
            return Optional.empty();  // every column is a key column: any primitives, a record's leaves
        }
        LambdaSite key = input.lambda("key");
        if (key.lift() instanceof LiftResult.Opaque o) {
            return Optional.of("opaque key lambda at " + o.source() + ": " + o.reason());
        }
        Type kt = key.resultType();
        if (op instanceof OrderByOp && kt instanceof Type.Struct) {
            return Optional.of(name + " key of type " + kt.show() + ": a record orders by its own compareTo,"
                    + " which runs on the JVM only");
        }
        if (!ColumnLayout.of(kt).allPrimitive()) {
            return Optional.of(name + " key of type " + kt.show() + ", which has object columns");
        }
        Optional<String> keyWhy = OclPipeline.ineligibility(device, List.of(keyStage(key)), Sink.columns());
        if (keyWhy.isPresent()) {
            return keyWhy.map(w -> "key lambda: " + w);
        }
        if (op instanceof GroupOp g) {
            if (g.agg() instanceof GroupOp.Count) {
                return Optional.empty();
            }
            LambdaSite r = input.lambda(g.agg() instanceof GroupOp.Reduce ? "op" : "accumulate");
            if (r.lift() instanceof LiftResult.Opaque o) {
                return Optional.of("opaque group lambda at " + o.source() + ": " + o.reason());
            }
            if (g.agg() instanceof GroupOp.Reduce && sortable(in)
                    && ReduceShape.of(((LiftResult.Lifted) r.lift()).ir()).isPresent()) {
                return Optional.empty();
            }
            try {
                GroupKernelWriter.Accumulate a = accumulate(input, g);
                return a.needsFp64() && !device.fp64()
                        ? Optional.of("group fold uses double, and " + device.name() + " has no cl_khr_fp64")
                        : Optional.empty();
            } catch (OclUnsupportedException e) {
                return Optional.of("groupBy " + g.agg().name() + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * @param f        a fragment whose input is a device breaker other than take
     * @param feeds    its feeds' output columns, on the device
     * @param uploaded bytes of those columns that came up from the host for this run
     * @param device   the device
     * @param log      where the run is recorded
     * @return the breaker's output columns, on the device (owned by the caller)
     */
    static ResidentColumns run(Fragment f, List<ResidentColumns> feeds, long uploaded, DeviceInfo device, RunLog log) {
        PlanNode node = f.input();
        Object op = node.op();
        ResidentColumns in = feeds.get(0);
        List<OclBuffer> cols = in.buffers();
        int n = in.size();
        OclSession session = OclSession.of(device);
        OclTimings before = session.timings();
        long start = System.nanoTime();
        OclBreakers dev = OclBreakers.on(device);
        ResidentColumns r;
        if (op instanceof FlatMapOp) {
            r = flatMap(node, in, device);
        } else if (op instanceof ZipOp) {
            r = OclJoin.on(device).zip(cols, feeds.get(1).buffers(), Math.min(n, feeds.get(1).size()),
                    lifted(node.lambda("fn")));
        } else if (op instanceof JoinOp) {
            ResidentColumns right = feeds.get(1);
            try (Keys lk = keys(node.lambda("leftKey"), in, device);
                 Keys rk = keys(node.lambda("rightKey"), right, device)) {
                r = OclJoin.on(device).join(cols, lk.column(), n, right.buffers(), rk.column(), right.size(),
                        kind(node.lambda("leftKey").resultType()), lifted(node.lambda("result")));
            }
        } else if (op instanceof DistinctOp) {
            r = dev.distinct(cols, in.kinds(), n);
        } else {
            try (Keys k = keys(node.lambda("key"), in, device)) {
                r = op instanceof OrderByOp o ? dev.orderBy(cols, in.kinds(), k.columns(), o.descending(), n)
                        : group(dev, node, (GroupOp) op, k.columns(), in);
            }
        }
        OclTimings time = session.timings().since(before);
        log.recordBreaker(name(node), new RunLog.Run(device.name(), time, 1, n, n, System.nanoTime() - start,
                uploaded, uploaded == 0 ? RunLog.Input.FRAGMENT : RunLog.Input.HOST, false));
        return r;
    }

    private static ResidentColumns group(OclBreakers dev, PlanNode node, GroupOp g, KeyColumns keys,
                                         ResidentColumns in) {
        ReduceOp rop = g.agg() instanceof GroupOp.Count ? ReduceOp.COUNT
                : g.agg() instanceof GroupOp.Reduce && sortable(node.inputs().get(0).output())
                ? ReduceShape.of(lifted(node.lambda("op"))).orElse(null) : null;
        if (rop == ReduceOp.COUNT) {
            return dev.group(keys, null, PrimKind.LONG, rop, in.size());
        } else if (rop != null) {
            return dev.group(keys, in.buffers().get(0), in.kinds().get(0), rop, in.size());
        }
        boolean reduce = g.agg() instanceof GroupOp.Reduce;
        LiftedLambda fold = lifted(node.lambda(reduce ? "op" : "accumulate"));
        List<Object> seed = reduce ? null : seedLeaves(((GroupOp.Aggregate) g.agg()).seed(), fold.args().get(0).type());
        return dev.groupFold(keys, in.buffers(), accumulate(node, g), seed, in.size());
    }

    /**
     * The group's fold translated with its combine (reduce: the op itself) for the two-level
     * fold; with the one-work-item-per-group fold only when the combine is opaque or does not
     * translate.
     *
     * @throws OclUnsupportedException when the fold itself cannot run on the device
     */
    private static GroupKernelWriter.Accumulate accumulate(PlanNode node, GroupOp g) {
        boolean reduce = g.agg() instanceof GroupOp.Reduce;
        LiftedLambda fold = lifted(node.lambda(reduce ? "op" : "accumulate"));
        LiftedLambda combine = reduce ? fold
                : node.lambda("combine").lift() instanceof LiftResult.Lifted c ? c.ir() : null;
        if (combine != null) {
            try {
                return GroupKernelWriter.accumulate(fold, combine, reduce);
            } catch (OclUnsupportedException e) {
                // the combine does not translate: fold each group whole, one work-item per group
            }
        }
        return GroupKernelWriter.accumulate(fold, null, reduce);
    }

    /** @return the seed's primitive leaves in column order (a record seed's fields, depth first) */
    private static List<Object> seedLeaves(Object seed, Type acc) {
        Columns c = ColumnConverter.fromObjects(List.of(seed), acc);
        List<Object> out = new ArrayList<>();
        for (Object leaf : c.leaves()) {
            out.add(Array.get(leaf, 0));
        }
        return out;
    }

    /** @return the name runs are recorded under: {@code orderBy}, {@code distinct}, {@code groupBy}, {@code flatMap} */
    static String name(PlanNode node) {
        return node.op() instanceof OrderByOp ? "orderBy" : node.op().opName();
    }

    /**
     * flatMap: a lifted function ({@link FanOut}) over primitive columns yielding primitive
     * columns; it runs as a map stage, then {@link OclFlatMap} places its elements.
     */
    static Optional<String> flatMapWhyNot(PlanNode input, DeviceInfo device) {
        LambdaSite fn = input.lambda("fn");
        if (fn.lift() instanceof LiftResult.Opaque o) {
            return Optional.of("opaque flatMap function at " + o.source() + ": " + o.reason());
        }
        Type fan = fn.resultType();
        if (!FanOut.is(fan) || FanOut.slots(fan) == 0) {
            return Optional.of("flatMap function at " + ((LiftResult.Lifted) fn.lift()).ir().source()
                    + " returns no elements the device can place (only empty lists)");
        }
        Type in = input.inputs().get(0).output();
        if (!ColumnLayout.of(in).allPrimitive() || !ColumnLayout.of(input.output()).allPrimitive()) {
            return Optional.of("flatMap from " + in.show() + " to " + input.output().show() + ", which has object columns");
        }
        return OclPipeline.ineligibility(device, List.of(keyStage(fn)), Sink.columns())
                .map(w -> "flatMap function: " + w);
    }

    private static ResidentColumns flatMap(PlanNode node, ResidentColumns in, DeviceInfo device) {
        LambdaSite fn = node.lambda("fn");
        Type fan = fn.resultType();
        List<PrimKind> leaves = DeviceColumns.kinds(ColumnLayout.of(FanOut.element(fan)));
        OclPipeline p = OclPipeline.compile("flatMap", device, List.of(keyStage(fn)), Sink.columns());
        try (ResidentColumns slots = ChunkStream.run(p, null, in, Math.max(1, in.size()), true).parts().get(0).resident()) {
            return OclFlatMap.on(device).expand(slots, leaves, FanOut.slots(fan));
        }
    }

    /** Join and zip: both inputs and the output primitive columns, the lambdas lifted, a join's keys sortable. */
    private static Optional<String> pairWhyNot(PlanNode input, DeviceInfo device) {
        String name = input.op().opName();
        for (int side = 0; side < 2; side++) {
            Type t = input.inputs().get(side).output();
            if (!ColumnLayout.of(t).allPrimitive()) {
                return Optional.of(name + " over " + t.show() + ", which has object columns");
            }
        }
        if (!ColumnLayout.of(input.output()).allPrimitive()) {
            return Optional.of(name + " result " + input.output().show() + " has object columns");
        }
        LambdaSite result = input.lambda(input.op() instanceof ZipOp ? "fn" : "result");
        if (result.lift() instanceof LiftResult.Opaque o) {
            return Optional.of("opaque " + name + " lambda at " + o.source() + ": " + o.reason());
        }
        if (input.op() instanceof JoinOp) {
            Optional<String> keys = joinKeysWhyNot(input, device);
            if (keys.isPresent()) {
                return keys;
            }
        }
        try {
            JoinKernelWriter.Program p = JoinKernelWriter.write(((LiftResult.Lifted) result.lift()).ir());
            return p.needsFp64() && !device.fp64()
                    ? Optional.of(name + " lambda uses double, and " + device.name() + " has no cl_khr_fp64")
                    : Optional.empty();
        } catch (OclUnsupportedException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> joinKeysWhyNot(PlanNode input, DeviceInfo device) {
        LambdaSite lk = input.lambda("leftKey");
        LambdaSite rk = input.lambda("rightKey");
        for (LambdaSite s : List.of(lk, rk)) {
            if (s.lift() instanceof LiftResult.Opaque o) {
                return Optional.of("opaque join lambda at " + o.source() + ": " + o.reason());
            }
        }
        if (!sortable(lk.resultType()) || !lk.resultType().equals(rk.resultType())) {
            return Optional.of("join keys of types " + lk.resultType().show() + " and " + rk.resultType().show()
                    + ": the device matches equal int, long, float or double keys only");
        }
        for (LambdaSite s : List.of(lk, rk)) {
            Optional<String> why = OclPipeline.ineligibility(device, List.of(keyStage(s)), Sink.columns());
            if (why.isPresent()) {
                return why.map(w -> "join key lambda: " + w);
            }
        }
        return Optional.empty();
    }

    /** A key's columns on the device; closing frees them unless they are the element's own columns. */
    private record Keys(KeyColumns columns, ResidentColumns owned) implements AutoCloseable {
        OclBuffer column() {
            return columns.columns().get(0);
        }

        @Override
        public void close() {
            if (owned != null) {
                owned.close();
            }
        }
    }

    /** The key columns: the element's own columns for {@code x -> x}, else the key lambda run on the device. */
    private static Keys keys(LambdaSite key, ResidentColumns in, DeviceInfo device) {
        if (identity(lifted(key))) {
            return new Keys(new KeyColumns(in.buffers(), in.kinds()), null);
        }
        OclPipeline p = OclPipeline.compile("key", device, List.of(keyStage(key)), Sink.columns());
        ResidentColumns k = ChunkStream.run(p, null, in, Math.max(1, in.size()), true).parts().get(0).resident();
        return new Keys(new KeyColumns(k.buffers(), k.kinds()), k);
    }

    private static LiftedLambda lifted(LambdaSite site) {
        return ((LiftResult.Lifted) site.lift()).ir();
    }

    private static boolean identity(LiftedLambda l) {
        return l.captureCount() == 0 && l.args().size() == 1 && l.main().body().size() == 1
                && l.main().body().get(0) instanceof io.pappus.ir.Stmt.Return r
                && r.value() instanceof io.pappus.ir.Expr.Local x && x.name().equals(l.args().get(0).name())
                && l.main().result().equals(l.args().get(0).type());
    }

    private static Stage keyStage(LambdaSite key) {
        LiftResult.Lifted l = (LiftResult.Lifted) key.lift();
        return Stage.map(l.ir(), l.captures());
    }

    private static boolean sortable(Type t) {
        return t instanceof Type.Prim p && OclBreakers.sortable(p.kind());
    }

    private static PrimKind kind(Type t) {
        return ((Type.Prim) t).kind();
    }

}
