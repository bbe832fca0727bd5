package io.pappus.opencl.exec;

import io.pappus.api.query.FlatMapOp;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.lift.LiftResult;
import io.pappus.opencl.OclPipeline;
import io.pappus.opencl.Sink;
import io.pappus.opencl.Stage;
import io.pappus.opencl.codegen.ReduceOp;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.fragment.Fragment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides where one fragment runs: on the OpenCL device when its stages are lifted map/filter
 * lambdas over primitive or record columns (a lifted flatMap input fused in as the first stage,
 * see {@link #fusionWhyNot}) and its sink is one the device computes with Java's
 * meaning (collect, count, sum, average, or a reduce whose operation is recognisably +, min or
 * max); otherwise on the JVM, with the reason in one line for the log and {@code explain()}.
 */
public final class Placement {
    private Placement() {
    }

    /** Either the device work or why not. */
    record Decision(DeviceWork work, String reason) {
        boolean onDevice() {
            return work != null;
        }
    }

    /**
     * @param f      a fragment
     * @param device the device, or null when there is none
     * @param none   why there is no device, when {@code device} is null
     * @return the decision
     */
    static Decision decide(Fragment f, DeviceInfo device, String none) {
        if (device == null) {
            return new Decision(null, "no OpenCL device (" + none + ")");
        }
        Type in = f.inputType();
        if (!ColumnLayout.of(in).allPrimitive()) {
            return new Decision(null, "element type " + in.show() + " has object columns (String, array or unknown class)"
                    + " that the device cannot hold");
        }
        List<Stage> stages = new ArrayList<>();
        if (f.input().op() instanceof FlatMapOp && fusionWhyNot(f, device).isEmpty()) {
            LiftResult.Lifted fn = (LiftResult.Lifted) f.input().lambda("fn").lift();
            stages.add(Stage.fan(fn.ir(), fn.captures()));
        }
        for (io.pappus.plan.fragment.Stage s : f.stages()) {
            Optional<String> why = lifted(s.lambda(), s.name());
            if (why.isPresent()) {
                return new Decision(null, why.get());
            }
            LiftResult.Lifted l = (LiftResult.Lifted) s.lambda().lift();
            stages.add(s.isFilter() ? Stage.filter(l.ir(), l.captures()) : Stage.map(l.ir(), l.captures()));
        }
        Decision d = sink(f, stages);
        if (!d.onDevice()) {
            return d;
        }
        Optional<String> why = OclPipeline.ineligibility(device, d.work().stages(), d.work().sink());
        return why.map(r -> new Decision(null, r)).orElse(d);
    }

    /**
     * @param f      a fragment whose input is a flatMap
     * @param device the device
     * @return why the flatMap does not fuse into the fragment's kernel (then it runs as a device
     *         breaker before it, or on the JVM), or empty when it fuses
     */
    static Optional<String> fusionWhyNot(Fragment f, DeviceInfo device) {
        if (f.stages().isEmpty() && f.sink() instanceof io.pappus.plan.fragment.Sink.Collect) {
            return Optional.of("the fragment has no stage or reduction to fuse it into (its output is the flatMap's)");
        }
        return DeviceBreakers.flatMapWhyNot(f.input(), device);
    }

    private static Decision sink(Fragment f, List<Stage> stages) {
        io.pappus.plan.fragment.Sink sink = f.sink();
        if (sink instanceof io.pappus.plan.fragment.Sink.Collect) {
            if (stages.isEmpty()) {
                return new Decision(null, "no map or filter to run: the columns are passed on as they are");
            }
            Type out = f.outputType();
            if (!ColumnLayout.of(out).allPrimitive()) {
                return new Decision(null, "output type " + out.show() + " has object columns");
            }
            return work(f, stages, Sink.columns(), DeviceWork.Finish.COLUMNS);
        } else if (sink instanceof io.pappus.plan.fragment.Sink.Count) {
            return work(f, stages, Sink.reduce(ReduceOp.COUNT), DeviceWork.Finish.COUNT);
        } else if (sink instanceof io.pappus.plan.fragment.Sink.Sum s) {
            Optional<String> why = lifted(s.f(), s.name());
            if (why.isPresent()) {
                return new Decision(null, why.get());
            }
            if (!s.f().resultType().equals(Type.DOUBLE)) {
                return new Decision(null, s.name() + " summand returns " + s.f().resultType().show() + ", not double");
            }
            LiftResult.Lifted l = (LiftResult.Lifted) s.f().lift();
            List<Stage> all = new ArrayList<>(stages);
            all.add(Stage.map(l.ir(), l.captures()));
            return work(f, all, Sink.reduce(ReduceOp.SUM), s.average() ? DeviceWork.Finish.AVERAGE : DeviceWork.Finish.SUM);
        } else if (sink instanceof io.pappus.plan.fragment.Sink.Reduce r) {
            Optional<String> why = lifted(r.op(), "reduce");
            if (why.isPresent()) {
                return new Decision(null, why.get());
            }
            Type t = f.outputType();
            if (!(t instanceof Type.Prim p) || !List.of(PrimKind.INT, PrimKind.LONG, PrimKind.FLOAT, PrimKind.DOUBLE)
                    .contains(p.kind())) {
                return new Decision(null, "reduce over " + t.show() + " has no device kernel (int, long, float, double only)");
            }
            Optional<ReduceOp> op = ReduceShape.of(((LiftResult.Lifted) r.op().lift()).ir());
            if (op.isEmpty()) {
                return new Decision(null, "reduce lambda at " + r.op().lift().source()
                        + " is not recognisably +, Math.min or Math.max of its arguments: general reduce has no device kernel yet");
            }
            return work(f, stages, Sink.reduce(op.get()),
                    r.optional() ? DeviceWork.Finish.REDUCE_OPTIONAL : DeviceWork.Finish.REDUCE);
        } else if (sink instanceof io.pappus.plan.fragment.Sink.Aggregate) {
            return new Decision(null, "aggregate has no device kernel yet");
        } else if (sink instanceof io.pappus.plan.fragment.Sink.Extreme x) {
            return new Decision(null, x.name() + " has no device kernel yet");
        }
        throw new AssertionError(sink);
    }

    private static Decision work(Fragment f, List<Stage> stages, Sink sink, DeviceWork.Finish finish) {
        return new Decision(new DeviceWork(f, stages, sink, finish), null);
    }

    private static Optional<String> lifted(LambdaSite site, String where) {
        return site.lift() instanceof LiftResult.Opaque o
                ? Optional.of("opaque lambda in " + where + " at " + o.source() + ": " + o.reason()) : Optional.empty();
    }
}
