package io.pappus.jvm.codegen;

import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import io.pappus.plan.fragment.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * What a fragment's generated source depends on, and nothing else: the operators, the types,
 * and per lambda its class and lifted IR (by identity: the lifter hands out one IR object per
 * implementation method and argument/capture types). Two fragments with equal shapes differ at
 * most in captured values, lambda objects and seeds, which live in {@code refs[]}.
 */
public final class FragmentShape {
    private FragmentShape() {
    }

    /** @return the fragment's lambdas: a fused zip's or flatMap's, the stages', then the sink's, in a fixed order */
    public static List<LambdaSite> sites(Fragment f) {
        List<LambdaSite> out = new ArrayList<>();
        if (FragmentGenerator.fusedZip(f) || FragmentGenerator.fusedFlatMap(f)) {
            out.add(f.input().lambda("fn"));
        }
        for (Stage s : f.stages()) {
            out.add(s.lambda());
        }
        Sink k = f.sink();
        if (k instanceof Sink.Reduce r) {
            out.add(r.op());
        } else if (k instanceof Sink.Aggregate a) {
            out.add(a.accumulate());
            out.add(a.combine());
        } else if (k instanceof Sink.Sum s) {
            out.add(s.f());
        } else if (k instanceof Sink.Extreme x) {
            out.add(x.key());
        }
        return out;
    }

    /**
     * @param f a fragment
     * @return a key equal for fragments whose generated source is equal
     */
    public static List<Object> key(Fragment f) {
        List<Object> k = new ArrayList<>();
        k.add(f.id());
        k.add(f.input().op().getClass());
        k.add(f.inputType());
        for (Stage s : f.stages()) {
            k.add(s.isFilter());
            k.add(s.input());
            k.add(s.output());
        }
        Sink sink = f.sink();
        k.add(sink.name());
        if (sink instanceof Sink.Reduce r) {
            k.add(r.optional());
        } else if (sink instanceof Sink.Aggregate a) {
            k.add(a.seed() == null ? null : a.seed().getClass());
        }
        addLambdas(k, sites(f));
        return k;
    }

    /**
     * Adds what identifies each lambda to a shape key: its class, argument types and lifted IR
     * (by identity) or why it was not lifted.
     */
    public static void addLambdas(List<Object> key, List<LambdaSite> sites) {
        for (LambdaSite s : sites) {
            key.add(s.fn().getClass());
            key.add(s.argTypes());
            key.add(s.lift() instanceof LiftResult.Lifted l ? new Identity(l.ir()) : s.lift().getClass());
        }
    }

    /** Compares by identity: a deep comparison of the IR would cost what it saves. */
    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

}
