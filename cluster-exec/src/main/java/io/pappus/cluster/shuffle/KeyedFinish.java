package io.pappus.cluster.shuffle;

import io.pappus.cluster.remote.ShippedLambda;
import io.pappus.exec.IrInterpreter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Finishes a keyed operator over one target partition on the member that owns it, as the
 * reference does over the whole input: the partition's elements arrive in source order, so
 * folds, first occurrences and stable sorts see them in the order the reference would. For
 * map-side combining it also folds a source partition's groups before they are written.
 */
final class KeyedFinish {
    private final IrInterpreter interpreter = new IrInterpreter();

    /** A lambda threw while finishing. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Object element;

        Failed(Object element, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.element = element;
        }
    }

    /**
     * @param op       the operator
     * @param combined whether the buckets hold the partials of a group aggregation (map-side
     *                 combining) rather than elements
     * @param sides    each side's {@code {key, element}} pairs (or {@code {key, partial}}), in source order
     * @return the partition's output elements, as IR values
     */
    List<Object> finish(KeyedOp op, boolean combined, List<List<Object[]>> sides) {
        List<Object[]> in = sides.get(0);
        if (op instanceof KeyedOp.Distinct) {
            LinkedHashSet<IrKey> seen = new LinkedHashSet<>();
            for (Object[] kv : in) {
                seen.add(new IrKey(kv[1]));
            }
            List<Object> out = new ArrayList<>(seen.size());
            seen.forEach(k -> out.add(k.value()));
            return out;
        } else if (op instanceof KeyedOp.Sort s) {
            List<Object[]> sorted = new ArrayList<>(in);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Comparator<Object[]> byKey = (a, b) -> ((Comparable) a[0]).compareTo(b[0]);
            sorted.sort(s.descending() ? byKey.reversed() : byKey);  // List.sort is stable
            List<Object> out = new ArrayList<>(sorted.size());
            sorted.forEach(kv -> out.add(kv[1]));
            return out;
        } else if (op instanceof KeyedOp.Join j) {
            return join(j, in, sides.get(1));
        }
        KeyedOp.Group g = (KeyedOp.Group) op;
        // {key, value} pairs are the IR of Pair(first, second) structs
        return Collections.unmodifiableList(combined ? merge(g, in) : fold(g, in));
    }

    /**
     * Folds each key's elements in source order, as the reference folds a group: on a target
     * partition, or on a source partition before the shuffle (map-side combining).
     *
     * @param op the group aggregation
     * @param in {@code {key, element}} pairs, in source order
     * @return {@code {key, fold}} pairs, keys in first-occurrence order
     */
    List<Object[]> fold(KeyedOp.Group op, List<Object[]> in) {
        if (op instanceof KeyedOp.GroupCount) {
            return group(in, x -> 1L, (acc, x) -> (Long) acc + 1L);
        } else if (op instanceof KeyedOp.GroupReduce r) {
            return group(in, x -> x, (acc, x) -> call(r.op(), x, acc, x));
        } else if (op instanceof KeyedOp.GroupAggregate a) {
            return group(in, x -> call(a.accumulate(), x, a.seed(), x), (acc, x) -> call(a.accumulate(), x, acc, x));
        }
        throw new AssertionError(op);
    }

    /**
     * Merges the partials that source partitions folded with {@link #fold}, read in
     * source-partition order: counts added, folds folded again with the same function,
     * accumulators merged with combine.
     *
     * @param op       the group aggregation
     * @param partials {@code {key, partial}} pairs, in source-partition order
     * @return {@code {key, aggregate}} pairs, keys in first-occurrence order
     */
    List<Object[]> merge(KeyedOp.Group op, List<Object[]> partials) {
        if (op instanceof KeyedOp.GroupCount) {
            return group(partials, p -> p, (acc, p) -> (Long) acc + (Long) p);
        } else if (op instanceof KeyedOp.GroupReduce r) {
            return group(partials, p -> p, (acc, p) -> call(r.op(), p, acc, p));
        } else if (op instanceof KeyedOp.GroupAggregate a) {
            return group(partials, p -> p, (acc, p) -> call(a.combine(), p, acc, p));
        }
        throw new AssertionError(op);
    }

    /** Per key, in first-occurrence order: {@code first} of its first value, then {@code next} of each later one. */
    private static List<Object[]> group(List<Object[]> in, UnaryOperator<Object> first, BinaryOperator<Object> next) {
        Map<IrKey, Object> acc = new LinkedHashMap<>();
        for (Object[] kv : in) {
            IrKey k = new IrKey(kv[0]);
            acc.put(k, acc.containsKey(k) ? next.apply(acc.get(k), kv[1]) : first.apply(kv[1]));
        }
        List<Object[]> out = new ArrayList<>(acc.size());
        for (Map.Entry<IrKey, Object> e : acc.entrySet()) {
            out.add(new Object[] {e.getKey().value(), e.getValue()});
        }
        return out;
    }

    private List<Object> join(KeyedOp.Join j, List<Object[]> left, List<Object[]> right) {
        Map<IrKey, List<Object>> byKey = new LinkedHashMap<>();
        for (Object[] kv : right) {
            byKey.computeIfAbsent(new IrKey(kv[0]), x -> new ArrayList<>()).add(kv[1]);
        }
        List<Object> out = new ArrayList<>();
        for (Object[] kv : left) {
            for (Object r : byKey.getOrDefault(new IrKey(kv[0]), List.of())) {
                out.add(call(j.result(), kv[1], kv[1], r));
            }
        }
        return out;
    }

    private Object call(ShippedLambda f, Object element, Object... args) {
        try {
            return interpreter.call(f.ir(), f.captures(), args);
        } catch (RuntimeException e) {
            throw new Failed(element, e);
        }
    }
}
