package io.pappus.jvm.exec;

import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.exec.column.EdgePool;
import io.pappus.jvm.runtime.EdgeType;
import io.pappus.jvm.runtime.Kernel;
import io.pappus.plan.fragment.Sink;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Combines chunk partials left to right, in chunk order, into the sink's result: columns for
 * collect, a Java value for the terminals.
 */
final class Finisher {
    private Finisher() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object finish(Sink sink, ColumnLayout out, Kernel kernel, List<Object> parts) {
        EdgeType edge = new EdgeType(out);
        if (sink instanceof Sink.Collect) {
            return collect(out, parts);
        } else if (sink instanceof Sink.Count) {
            long n = 0;
            for (Object p : parts) {
                n += (Long) p;
            }
            return n;
        } else if (sink instanceof Sink.Sum s) {
            double sum = 0.0;
            long n = 0;
            for (Object p : parts) {
                sum += (Double) ((Object[]) p)[0];
                n += (Long) ((Object[]) p)[1];
            }
            if (s.average() && n == 0) {
                throw new NoSuchElementException("average of an empty data set");
            }
            return s.average() ? sum / n : sum;
        } else if (sink instanceof Sink.Aggregate) {
            Object[] acc = (Object[]) parts.get(0);
            for (int k = 1; k < parts.size(); k++) {
                acc = kernel.merge(acc, (Object[]) parts.get(k));
            }
            return edge.toJava(acc);
        } else if (sink instanceof Sink.Reduce r) {
            Object[] acc = null;
            if (!r.optional()) {
                Object[] id = edge.toLeaves(r.identity());
                acc = new Object[id.length + 1];
                acc[0] = Boolean.TRUE;
                System.arraycopy(id, 0, acc, 1, id.length);
            }
            for (Object p : parts) {
                Object[] part = (Object[]) p;
                if ((Boolean) part[0]) {
                    acc = acc == null ? part : kernel.merge(acc, part);
                }
            }
            Object v = acc == null ? null : edge.toJava(Arrays.copyOfRange(acc, 1, acc.length));
            return r.optional() ? Optional.ofNullable(v) : v;
        } else if (sink instanceof Sink.Extreme x) {
            Object[] best = null;
            for (Object p : parts) {
                Object[] part = (Object[]) p;
                if (!(Boolean) part[0]) {
                    continue;
                }
                int c = best == null ? 0 : ((Comparable) part[1]).compareTo(best[1]);
                if (best == null || (x.max() ? c > 0 : c < 0)) {
                    best = part;
                }
            }
            return best == null ? Optional.empty() : Optional.of(edge.toJava(Arrays.copyOfRange(best, 2, best.length)));
        }
        throw new AssertionError(sink);
    }

    static Columns collect(ColumnLayout out, List<Object> parts) {
        int total = 0;
        for (Object p : parts) {
            total += (Integer) ((Object[]) p)[0];
        }
        if (parts.size() == 1) {
            Object[] p = (Object[]) parts.get(0);
            return new Columns(out, Arrays.copyOfRange(p, 1, p.length), total);
        }
        Columns c = Columns.allocate(out, total);
        int[] at = new int[parts.size() + 1];
        for (int j = 0; j < parts.size(); j++) {
            at[j + 1] = at[j] + (Integer) ((Object[]) parts.get(j))[0];
        }
        // Chunk outputs land at known offsets: copy them in parallel (10M outputs are ~80 MB a leaf).
        if (total < (1 << 16)) {
            copy(c, parts, at, 0, parts.size());
        } else {
            EdgePool.forRanges(parts.size(), 1, (lo, hi) -> copy(c, parts, at, lo, hi));
        }
        return new Columns(out, c.leaves(), total);
    }

    private static void copy(Columns c, List<Object> parts, int[] at, int from, int to) {
        for (int j = from; j < to; j++) {
            Object[] part = (Object[]) parts.get(j);
            int n = (Integer) part[0];
            for (int k = 0; k < c.leaves().length; k++) {
                System.arraycopy(part[k + 1], 0, c.leaves()[k], at[j], n);
            }
        }
    }

    /** @return the Java objects of some columns, as an unmodifiable list */
    static List<Object> objects(Columns c) {
        return ColumnConverter.toObjects(c, Thread.currentThread().getContextClassLoader());
    }
}
