package io.pappus.jvm.exec;

import io.pappus.api.Fn;
import io.pappus.api.query.MapOp;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.PlanNode;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import io.pappus.plan.fragment.Stage;

import java.util.List;

/**
 * The key column of a breaker's input as a fragment of its own: the key lambda as the one map
 * stage over the input's columns, collected. It compiles, caches and runs chunk-parallel like
 * any fused fragment, so a join's or orderBy's key lambda runs inlined over primitive columns.
 */
final class KeyFragments {
    private KeyFragments() {
    }

    /**
     * @param breaker the breaker's plan node
     * @param input   which of its inputs
     * @param key     the key lambda over that input
     * @param id      the fragment number to use (the feed's, so generated names stay stable)
     * @return {@code input -> map1(key) -> collect}
     */
    static Fragment of(PlanNode breaker, int input, LambdaSite key, int id) {
        PlanNode in = breaker.inputs().get(input);
        PlanNode map = new PlanNode(new MapOp(in.op(), (Fn<?, ?>) key.fn()), key.resultType(), List.of(key), List.of(in));
        return new Fragment(id, in, List.of(new Stage(1, map, in.output())), new Sink.Collect(), List.of());
    }
}
