package io.pappus.exec;

import io.pappus.api.query.Terminal;

import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Applies a {@link Terminal} to evaluated elements, sequentially and in order. */
final class Terminals {
    private Terminals() {
    }

    /**
     * @param ev       the evaluator whose lambda calls to use
     * @param in       the query's elements
     * @param terminal the action
     * @param <R>      the result type
     * @return the result
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <R> R apply(ObjectEvaluator ev, List<Object> in, Terminal<R> terminal) {
        Object result;
        if (terminal instanceof Terminal.ToList<?>) {
            result = Collections.unmodifiableList(in);
        } else if (terminal instanceof Terminal.Count) {
            result = (long) in.size();
        } else if (terminal instanceof Terminal.Reduce<?> r) {
            Object acc = r.identity();
            for (int i = 0; i < in.size(); i++) {
                acc = ev.call(terminal, "op", r.op(), i, acc, in.get(i));
            }
            result = acc;
        } else if (terminal instanceof Terminal.ReduceOptional<?> r) {
            Object acc = null;
            for (int i = 0; i < in.size(); i++) {
                acc = i == 0 ? in.get(0) : ev.call(terminal, "op", r.op(), i, acc, in.get(i));
            }
            result = in.isEmpty() ? Optional.empty() : Optional.of(acc);
        } else if (terminal instanceof Terminal.Aggregate<?> a) {
            Object acc = a.seed();
            for (int i = 0; i < in.size(); i++) {
                acc = ev.call(terminal, "accumulate", a.accumulate(), i, acc, in.get(i));
            }
            result = acc;
        } else if (terminal instanceof Terminal.Sum s) {
            result = sum(ev, terminal, s.f(), in);
        } else if (terminal instanceof Terminal.Average a) {
            if (in.isEmpty()) {
                throw new NoSuchElementException("average of an empty data set");
            }
            result = sum(ev, terminal, a.f(), in) / in.size();
        } else if (terminal instanceof Terminal.Extreme<?> x) {
            Object best = null;
            Comparable bestKey = null;
            for (int i = 0; i < in.size(); i++) {
                Comparable k = (Comparable) ev.call(terminal, "key", x.key(), i, in.get(i));
                if (k == null) {
                    throw new NullPointerException(terminal.name() + " key function returned null for element " + i);
                }
                int c = bestKey == null ? 0 : k.compareTo(bestKey);
                if (bestKey == null || (x.max() ? c > 0 : c < 0)) {
                    best = in.get(i);
                    bestKey = k;
                }
            }
            result = Optional.ofNullable(best);
        } else {
            throw new AssertionError(terminal);
        }
        return (R) result;
    }

    /** A plain sequential sum: Java's order, the order every reordering is measured against. */
    private static double sum(ObjectEvaluator ev, Terminal<?> t, Object f, List<Object> in) {
        double s = 0.0;
        for (int i = 0; i < in.size(); i++) {
            s += (Double) ev.call(t, "f", f, i, in.get(i));
        }
        return s;
    }
}
