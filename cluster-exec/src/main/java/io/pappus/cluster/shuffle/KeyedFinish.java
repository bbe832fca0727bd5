package io.pappus.cluster.shuffle;

import io.pappus.cluster.remote.ShippedLambda;
import io.pappus.exec.IrInterpreter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Finishes a keyed operator over one target partition on the member that owns it, as the
 * reference does over the whole input: the partition's elements arrive in source order, so
 * folds, first occurrences and stable sorts see them in the order the reference would.
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
     * @param op    the operator
     * @param sides each side's {@code {key, element}} pairs, in source order
     * @return the partition's output elements, as IR values
     */
    List<Object> finish(KeyedOp op, List<List<Object[]>> sides) {
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
        return group(op, in);
    }

    private List<Object> group(KeyedOp op, List<Object[]> in) {
        Map<IrKey, Object> acc = new LinkedHashMap<>();
        for (Object[] kv : in) {
            IrKey k = new IrKey(kv[0]);
            Object x = kv[1];
            if (op instanceof KeyedOp.GroupCount) {
                acc.merge(k, 1L, (a, b) -> (Long) a + 1L);
            } else if (op instanceof KeyedOp.GroupReduce r) {
                acc.put(k, acc.containsKey(k) ? call(r.op(), x, acc.get(k), x) : x);
            } else if (op instanceof KeyedOp.GroupAggregate a) {
                acc.put(k, call(a.accumulate(), x, acc.containsKey(k) ? acc.get(k) : a.seed(), x));
            } else {
                throw new AssertionError(op);
            }
        }
        List<Object> out = new ArrayList<>(acc.size());
        for (Map.Entry<IrKey, Object> e : acc.entrySet()) {
            out.add(new Object[] {e.getKey().value(), e.getValue()});  // a Pair(first, second) struct
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
