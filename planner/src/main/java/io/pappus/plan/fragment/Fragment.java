package io.pappus.plan.fragment;

import io.pappus.ir.Type;
import io.pappus.plan.PlanNode;

import java.util.List;

/**
 * A unit of physical work: columns from one input, a fused chain of map/filter steps, and a
 * sink. A fragment runs as one loop over its input's columns, chunk by chunk.
 *
 * <p>The input is a plan node that is not a map or filter: a {@code Source} (read as
 * columns), a {@code cache()} (columns kept from an earlier run), or a pipeline breaker
 * (group-by, join, sort, ...) whose own inputs are the fragments in {@code feeds}.
 *
 * @param id     the fragment's number in its plan, from 1 (the terminal's fragment is 1)
 * @param input  the node the pipeline reads
 * @param stages the fused steps, in order
 * @param sink   where the pipeline ends
 * @param feeds  the fragments that produce {@code input}'s inputs, in input order
 */
public record Fragment(int id, PlanNode input, List<Stage> stages, Sink sink, List<Fragment> feeds) {
    public Fragment {
        stages = List.copyOf(stages);
        feeds = List.copyOf(feeds);
    }

    /** @return the element type the pipeline reads */
    public Type inputType() {
        return input.output();
    }

    /** @return the element type that reaches the sink */
    public Type outputType() {
        return stages.isEmpty() ? input.output() : stages.get(stages.size() - 1).output();
    }

    /** @return e.g. {@code source -> map1 -> filter2 -> reduce} */
    public String describe() {
        StringBuilder b = new StringBuilder(input.op().opName());
        for (Stage s : stages) {
            b.append(" -> ").append(s.name());
        }
        return b.append(" -> ").append(sink.name()).toString();
    }
}
