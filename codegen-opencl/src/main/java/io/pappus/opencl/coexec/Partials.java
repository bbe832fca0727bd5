package io.pappus.opencl.coexec;

import io.pappus.api.Fn2;
import io.pappus.api.query.Terminal;
import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.ir.Type;
import io.pappus.opencl.OclResult;
import io.pappus.opencl.exec.DeviceWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Chunk results as Java values, whichever device computed them (a list, a {@code Long} count,
 * a {@code Double} sum, or an {@code Optional} reduction), and their combination in input order,
 * as if one device had run the whole input: lists concatenate, counts add, sums add left to
 * right from 0.0, reductions fold with the user's operation from the identity.
 */
final class Partials {
    private Partials() {
    }

    /** @return the terminal one JVM chunk runs with */
    static Terminal<?> chunkTerminal(DeviceWork.Finish finish, Terminal<?> t) {
        return switch (finish) {
            case COLUMNS -> new Terminal.ToList<>();
            case COUNT -> new Terminal.Count();
            case SUM -> t;
            case REDUCE -> new Terminal.ReduceOptional<>(op(t));
            case REDUCE_OPTIONAL -> t;
            case AVERAGE -> throw new IllegalArgumentException("average is not co-executed");
        };
    }

    /** @return a device chunk's result as the matching JVM chunk's value */
    static Object ofDevice(DeviceWork.Finish finish, OclResult r, Type out, ClassLoader loader) {
        return switch (finish) {
            case COLUMNS -> {
                ColumnLayout layout = ColumnLayout.of(out);
                yield ColumnConverter.toObjects(new Columns(layout, r.columns().toArray(), (int) r.count()), loader);
            }
            case COUNT -> r.count();
            case SUM -> r.count() == 0 ? 0.0 : (Double) r.value();
            case REDUCE, REDUCE_OPTIONAL -> r.count() == 0 ? Optional.empty() : Optional.of(r.value());
            case AVERAGE -> throw new IllegalArgumentException("average is not co-executed");
        };
    }

    /**
     * @param byStart chunk results keyed by their first element
     * @return the fragment's result
     */
    @SuppressWarnings("unchecked")
    static Object combine(DeviceWork.Finish finish, Terminal<?> t, SortedMap<Integer, Object> byStart) {
        switch (finish) {
            case COLUMNS: {
                List<Object> all = new ArrayList<>();
                for (Object p : byStart.values()) {
                    all.addAll((List<Object>) p);
                }
                return all;
            }
            case COUNT: {
                long n = 0;
                for (Object p : byStart.values()) {
                    n += (Long) p;
                }
                return n;
            }
            case SUM: {
                double s = 0.0;
                for (Object p : byStart.values()) {
                    s += (Double) p;
                }
                return s;
            }
            case REDUCE:
            case REDUCE_OPTIONAL: {
                Fn2<Object, Object, Object> op = op(t);
                Object acc = finish == DeviceWork.Finish.REDUCE ? ((Terminal.Reduce<Object>) t).identity() : null;
                boolean any = finish == DeviceWork.Finish.REDUCE;
                for (Map.Entry<Integer, Object> e : byStart.entrySet()) {
                    Optional<Object> p = (Optional<Object>) e.getValue();
                    if (p.isPresent()) {
                        acc = any ? op.apply(acc, p.get()) : p.get();
                        any = true;
                    }
                }
                return finish == DeviceWork.Finish.REDUCE ? acc : any ? Optional.of(acc) : Optional.empty();
            }
            default:
                throw new IllegalArgumentException(finish + " is not co-executed");
        }
    }

    @SuppressWarnings("unchecked")
    private static Fn2<Object, Object, Object> op(Terminal<?> t) {
        if (t instanceof Terminal.Reduce<?> r) {
            return (Fn2<Object, Object, Object>) (Fn2<?, ?, ?>) r.op();
        }
        return (Fn2<Object, Object, Object>) (Fn2<?, ?, ?>) ((Terminal.ReduceOptional<?>) t).op();
    }
}
