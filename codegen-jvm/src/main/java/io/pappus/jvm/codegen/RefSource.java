package io.pappus.jvm.codegen;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;

import java.util.List;

/**
 * Where one {@code refs[]} slot of a generated class gets its value, so a fragment of the same
 * shape with new captured values is re-bound without generating its source again: a constant
 * (an edge converter), a lambda object, a leaf of a captured value, or a leaf of the
 * aggregate's seed.
 *
 * @param site     the lambda's index in {@link FragmentShape#sites}, or -1
 * @param capture  the captured value's index, -1 for the lambda object itself
 * @param leaf     the leaf's index in the value's layout, or -1 for the whole value
 * @param type     the value's IR type (captures and seeds)
 * @param constant the value when {@code site} is -1 and {@code type} is null
 */
record RefSource(int site, int capture, int leaf, Type type, Object constant) {

    static RefSource constant(Object value) {
        return new RefSource(-1, -1, -1, null, value);
    }

    static RefSource lambda(int site) {
        return new RefSource(site, -1, -1, null, null);
    }

    static RefSource capture(int site, int capture, Type type, int leaf) {
        return new RefSource(site, capture, leaf, type, null);
    }

    static RefSource seed(Type type, int leaf) {
        return new RefSource(-1, -1, leaf, type, null);
    }

    /** @return this slot's value for {@code f}, a fragment of the same shape */
    Object resolve(Fragment f, List<LambdaSite> sites) {
        return resolve(f.sink() instanceof Sink.Aggregate a ? a.seed() : null, sites);
    }

    /** @return this slot's value for a class of the same shape with this seed and these lambdas */
    Object resolve(Object seed, List<LambdaSite> sites) {
        if (site < 0) {
            return type == null ? constant : leafOf(IrValues.toIr(seed, type));
        }
        LambdaSite s = sites.get(site);
        if (capture < 0) {
            return s.fn();
        }
        return leafOf(((LiftResult.Lifted) s.lift()).captures().get(capture));
    }

    private Object leafOf(Object irValue) {
        Object v = irValue;
        for (int p : ColumnLayout.of(type).leaves().get(leaf).path()) {
            v = ((Object[]) v)[p];
        }
        return v;
    }
}
