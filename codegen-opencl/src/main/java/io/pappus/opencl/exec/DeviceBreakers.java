package io.pappus.opencl.exec;

import io.pappus.api.query.DistinctOp;
import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.OrderByOp;
import io.pappus.api.query.TakeOp;
import io.pappus.api.query.ZipOp;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.lift.LiftResult;
import io.pappus.opencl.OclBreakers;
import io.pappus.opencl.OclJoin;
import io.pappus.opencl.OclPipeline;
import io.pappus.opencl.OclResult;
import io.pappus.opencl.Sink;
import io.pappus.opencl.Stage;
import io.pappus.opencl.codegen.GroupKernelWriter;
import io.pappus.opencl.codegen.JoinKernelWriter;
import io.pappus.opencl.codegen.OclUnsupportedException;
import io.pappus.opencl.codegen.ReduceOp;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclTimings;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.PlanNode;
import io.pappus.plan.fragment.Fragment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline breakers that run on the device: orderBy (stable radix sort on the key), join
 * on equal int/long/float/double keys (sort-merge, see {@link OclJoin}), zip (the lambda over
 * position-paired elements),
 * distinct and groupBy-count / +,min,max-reduce on int, long, float or double keys (sort,
 * segments, one fold per group, groups in first-occurrence order), and take (the feed's first
 * n elements). The key lambda runs on the device as a one-stage pipeline over the input's
 * columns. {@link #whyNot} gives the reason when a breaker stays on the JVM.
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
        if (!(op instanceof OrderByOp || op instanceof DistinctOp || op instanceof GroupOp)) {
            return Optional.of(name + " has no device kernel yet");
        }
        Type in = input.inputs().get(0).output();
        if (!ColumnLayout.of(in).allPrimitive()) {
            return Optional.of(name + " over " + in.show() + ", which has object columns");
        }
        if (op instanceof DistinctOp) {
            return sortable(in) ? Optional.empty()
                    : Optional.of("distinct on " + in.show() + " elements: the device sorts int, long, float or double only");
        }
        LambdaSite key = input.lambda("key");
        if (key.lift() instanceof LiftResult.Opaque o) {
            return Optional.of("opaque key lambda at " + o.source() + ": " + o.reason());
        }
        if (!sortable(key.resultType())) {
            return Optional.of(name + " key of type " + key.resultType().show()
                    + ": the device sorts int, long, float or double keys only");
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
                GroupKernelWriter.Accumulate a = GroupKernelWriter.accumulate(((LiftResult.Lifted) r.lift()).ir(),
                        g.agg() instanceof GroupOp.Reduce);
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
     * @param f      a fragment whose input is a device breaker
     * @param feeds  its feeds' output columns
     * @param device the device
     * @param log    where the run is recorded
     * @return the breaker's output columns
     */
    static Columns run(Fragment f, List<Columns> feeds, DeviceInfo device, RunLog log) {
        PlanNode node = f.input();
        Object op = node.op();
        Columns in = feeds.get(0);
        long start = System.nanoTime();
        ColumnLayout outLayout = ColumnLayout.of(node.output());
        if (op instanceof TakeOp t) {
            return new Columns(in.layout(), in.leaves(), (int) Math.min(t.n(), in.size()));
        }
        OclBreakers dev = OclBreakers.on(device);
        List<Object> cols = DeviceColumns.of(in);
        OclTimings time = OclTimings.ZERO;
        OclResult r;
        if (op instanceof ZipOp) {
            List<Object> right = DeviceColumns.of(feeds.get(1));
            r = OclJoin.on(device).zip(cols, right, Math.min(in.size(), feeds.get(1).size()),
                    ((LiftResult.Lifted) node.lambda("fn").lift()).ir());
        } else if (op instanceof JoinOp) {
            List<Object> right = DeviceColumns.of(feeds.get(1));
            OclResult lk = keys(node.lambda("leftKey"), cols, device);
            OclResult rk = keys(node.lambda("rightKey"), right, device);
            time = plus(lk.timings(), rk.timings());
            r = OclJoin.on(device).join(cols, lk.columns().get(0), right, rk.columns().get(0),
                    kind(node.lambda("leftKey").resultType()), ((LiftResult.Lifted) node.lambda("result").lift()).ir());
        } else if (op instanceof DistinctOp) {
            r = dev.distinct(cols.get(0), kind(in.layout().type()));
        } else {
            LambdaSite key = node.lambda("key");
            OclResult k = keys(key, cols, device);
            time = k.timings();
            Object keys = k.columns().get(0);
            PrimKind kk = kind(key.resultType());
            if (op instanceof OrderByOp o) {
                r = dev.orderBy(cols, kinds(in.layout()), keys, kk, o.descending());
            } else {
                GroupOp g = (GroupOp) op;
                ReduceOp rop = g.agg() instanceof GroupOp.Count ? ReduceOp.COUNT
                        : g.agg() instanceof GroupOp.Reduce && sortable(in.layout().type())
                        ? ReduceShape.of(((LiftResult.Lifted) node.lambda("op").lift()).ir()).orElse(null) : null;
                if (rop != null) {
                    r = dev.group(keys, kk, rop == ReduceOp.COUNT ? null : cols.get(0),
                            rop == ReduceOp.COUNT ? PrimKind.LONG : kind(in.layout().type()), rop);
                } else {
                    boolean reduce = g.agg() instanceof GroupOp.Reduce;
                    LambdaSite fold = node.lambda(reduce ? "op" : "accumulate");
                    r = dev.groupFold(keys, kk, cols, GroupKernelWriter.accumulate(((LiftResult.Lifted) fold.lift()).ir(),
                            reduce), reduce ? null : ((GroupOp.Aggregate) g.agg()).seed());
                }
            }
        }
        time = plus(time, r.timings());
        long uploaded = 0;
        for (Columns c : feeds) {
            uploaded += c.bytes();
        }
        log.recordBreaker(name(node), new RunLog.Run(device.name(), time, 1, in.size(), in.size(),
                System.nanoTime() - start, uploaded, RunLog.Input.HOST, false));
        return new Columns(outLayout, r.columns().toArray(), (int) r.count());
    }

    /** @return the name runs are recorded under: {@code orderBy}, {@code distinct}, {@code groupBy} */
    static String name(PlanNode node) {
        return node.op() instanceof OrderByOp ? "orderBy" : node.op().opName();
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

    /** The key column: the element column itself for {@code x -> x}, else the key lambda run on the device. */
    private static OclResult keys(LambdaSite key, List<Object> cols, DeviceInfo device) {
        if (identity(((LiftResult.Lifted) key.lift()).ir()) && cols.size() == 1) {
            return new OclResult(cols, java.lang.reflect.Array.getLength(cols.get(0)), null, OclTimings.ZERO);
        }
        return OclPipeline.compile("key", device, List.of(keyStage(key)), Sink.columns()).run(cols);
    }

    private static boolean identity(io.pappus.ir.LiftedLambda l) {
        return l.captureCount() == 0 && l.args().size() == 1 && l.main().body().size() == 1
                && l.main().body().get(0) instanceof io.pappus.ir.Stmt.Return r
                && r.value() instanceof io.pappus.ir.Expr.Local x && x.name().equals(l.args().get(0).name())
                && l.main().result().equals(l.args().get(0).type());
    }

    private static OclTimings plus(OclTimings a, OclTimings b) {
        return new OclTimings(a.kernelNanos() + b.kernelNanos(), a.transferNanos() + b.transferNanos(),
                a.kernelLaunches() + b.kernelLaunches(), a.transfers() + b.transfers());
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

    private static List<PrimKind> kinds(ColumnLayout layout) {
        List<PrimKind> out = new ArrayList<>();
        for (ColumnLayout.Leaf l : layout.leaves()) {
            out.add(kind(l.type()));
        }
        return out;
    }
}
