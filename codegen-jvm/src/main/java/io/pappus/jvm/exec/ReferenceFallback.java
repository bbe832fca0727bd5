package io.pappus.jvm.exec;

import io.pappus.api.query.CacheOp;
import io.pappus.api.query.DistinctOp;
import io.pappus.api.query.FilterOp;
import io.pappus.api.query.FlatMapOp;
import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.MapOp;
import io.pappus.api.query.Node;
import io.pappus.api.query.OrderByOp;
import io.pappus.api.query.Source;
import io.pappus.api.query.TakeOp;
import io.pappus.api.query.Terminal;
import io.pappus.api.query.ZipOp;
import io.pappus.exec.ReferenceEngine;
import io.pappus.plan.fragment.Stage;

import java.util.List;

/**
 * Runs an operator this backend does not compile natively yet with the reference semantics of
 * {@code io.pappus.exec} (reused, not duplicated): its inputs, already computed as columns by
 * compiled fragments, become object sources, and the reference engine applies the operator
 * with the original lambdas.
 */
final class ReferenceFallback {
    private static final ReferenceEngine REFERENCE = new ReferenceEngine();

    private ReferenceFallback() {
    }

    /**
     * @param op     a pipeline breaker
     * @param inputs its inputs' elements, in input order
     * @return its output elements
     */
    static List<Object> apply(Node op, List<List<Object>> inputs) {
        Node in0 = source(inputs.get(0));
        Node n;
        if (op instanceof GroupOp g) {
            n = new GroupOp(in0, g.key(), g.agg());
        } else if (op instanceof JoinOp j) {
            n = new JoinOp(in0, source(inputs.get(1)), j.leftKey(), j.rightKey(), j.result());
        } else if (op instanceof ZipOp z) {
            n = new ZipOp(in0, source(inputs.get(1)), z.fn());
        } else if (op instanceof OrderByOp o) {
            n = new OrderByOp(in0, o.key(), o.descending());
        } else if (op instanceof DistinctOp) {
            n = new DistinctOp(in0);
        } else if (op instanceof TakeOp t) {
            n = new TakeOp(in0, t.n());
        } else if (op instanceof FlatMapOp f) {
            n = new FlatMapOp(in0, f.fn());
        } else if (op instanceof CacheOp) {
            return inputs.get(0);
        } else {
            throw new AssertionError(op);
        }
        return REFERENCE.execute(n, new Terminal.ToList<>());
    }

    /**
     * Runs a fragment's stages and terminal by reference over its materialised input.
     *
     * @param input    the fragment's input elements
     * @param stages   its maps and filters
     * @param terminal the terminal
     * @param <R>      the result type
     * @return the terminal's result
     */
    static <R> R pipeline(List<Object> input, List<Stage> stages, Terminal<R> terminal) {
        Node n = source(input);
        for (Stage s : stages) {
            n = s.node().op() instanceof MapOp m ? new MapOp(n, m.fn()) : new FilterOp(n, ((FilterOp) s.node().op()).pred());
        }
        return REFERENCE.execute(n, terminal);
    }

    static Source source(List<Object> elements) {
        Class<?> cls = elements.isEmpty() ? Object.class : elements.get(0).getClass();
        return new Source(Source.Kind.OBJECTS, List.copyOf(elements), cls, elements.size(), 0);
    }
}
