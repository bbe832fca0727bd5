package io.pappus.cluster.fragment;

import io.pappus.api.Fn;
import io.pappus.api.Pred;
import io.pappus.api.query.FilterOp;
import io.pappus.api.query.MapOp;
import io.pappus.api.query.Node;
import io.pappus.api.query.Source;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.cluster.remote.RemoteStep;
import io.pappus.cluster.remote.ShippedLambda;
import io.pappus.ir.Type;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.PlanNode;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import io.pappus.plan.fragment.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * A shipped pipeline as a backend's {@link Fragment} (the JVM's and OpenCL's member-side
 * runners compile it): the same plan nodes the caller's planner would build, with the shipped IR as each lambda's lift and no user object behind it
 * (members have none: a site's function object is a placeholder that refuses to run, which is
 * safe because every shipped lambda is lifted and the generated code inlines it).
 */
public final class PipelineFragment {
    private static final Fn<Object, Object> NO_FN = x -> {
        throw new IllegalStateException("a member has no user lambda objects; shipped lambdas run from IR");
    };
    private static final Pred<Object> NO_PRED = x -> {
        throw new IllegalStateException("a member has no user lambda objects; shipped lambdas run from IR");
    };

    private PipelineFragment() {
    }

    /**
     * @param p a validated pipeline
     * @return whether its partial aggregate has a compiled form here (an accumulate's seed and
     *         combine live on the caller, so that partial stays on the interpreter)
     */
    public static boolean compilable(RemotePipeline p) {
        return !(p.partial() instanceof PartialSpec.Accumulate);
    }

    /**
     * @param p    a validated, {@link #compilable} pipeline
     * @param upTo the number of leading steps to include
     * @param sink the sink, or null for the pipeline's own partial aggregate
     * @param elements the chunk's size (the cost model's estimate reads it; generated code does not)
     * @return the fragment
     */
    public static Fragment of(RemotePipeline p, int upTo, Sink sink, int elements) {
        Node op = new Source(Source.Kind.OBJECTS, List.of(), Object.class, elements, 0);
        PlanNode node = new PlanNode(op, p.input(), List.of(), List.of());
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < upTo; i++) {
            RemoteStep step = p.steps().get(i);
            Type in = node.output();
            boolean map = step.kind() == RemoteStep.Kind.MAP;
            op = map ? new MapOp(op, NO_FN) : new FilterOp(op, NO_PRED);
            LambdaSite site = site(map ? "fn" : "pred", step.lambda(), List.of(in));
            node = new PlanNode(op, map ? site.resultType() : in, List.of(site), List.of(node));
            stages.add(new Stage(i + 1, node, in));
        }
        return new Fragment(1, stages.isEmpty() ? node : inputOf(stages), stages,
                sink != null ? sink : sink(p.partial(), node.output()), List.of());
    }

    private static PlanNode inputOf(List<Stage> stages) {
        return stages.get(0).node().inputs().get(0);
    }

    private static Sink sink(PartialSpec spec, Type out) {
        if (spec instanceof PartialSpec.Collect) {
            return new Sink.Collect();
        } else if (spec instanceof PartialSpec.Count) {
            return new Sink.Count();
        } else if (spec instanceof PartialSpec.Sum s) {
            return new Sink.Sum(site("f", s.f(), List.of(out)), false);
        } else if (spec instanceof PartialSpec.Fold f) {
            return new Sink.Reduce(site("op", f.op(), List.of(out, out)), null, true);
        } else if (spec instanceof PartialSpec.Extreme x) {
            return new Sink.Extreme(site("key", x.key(), List.of(out)), x.max());
        }
        throw new AssertionError(spec);
    }

    private static LambdaSite site(String role, ShippedLambda l, List<Type> argTypes) {
        return new LambdaSite(role, role.equals("pred") ? NO_PRED : NO_FN, argTypes,
                new LiftResult.Lifted(l.ir(), l.captures()));
    }
}
