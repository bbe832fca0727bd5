package io.pappus.exec;

import io.pappus.api.Pair;
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
import io.pappus.api.query.ZipOp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs a query tree plainly and sequentially over Java objects, one operator after the other,
 * calling lambdas through a {@link LambdaCalls}. With the original lambdas it is the reference
 * engine, whose answers are Java's by construction.
 */
final class ObjectEvaluator {
    private final LambdaCalls calls;
    private final Object cacheKey;

    /**
     * @param calls    how lambdas are called
     * @param cacheKey the key under which this engine keeps {@code cache()} results
     */
    ObjectEvaluator(LambdaCalls calls, Object cacheKey) {
        this.calls = calls;
        this.cacheKey = cacheKey;
    }

    /**
     * @param node a query tree
     * @return its elements, in the order the API defines
     */
    List<Object> evaluate(Node node) {
        if (node instanceof Source s) {
            return source(s);
        } else if (node instanceof MapOp m) {
            List<Object> in = evaluate(m.input());
            List<Object> out = new ArrayList<>(in.size());
            for (int i = 0; i < in.size(); i++) {
                out.add(nonNull(call(m, "fn", m.fn(), i, in.get(i)), m, i));
            }
            return out;
        } else if (node instanceof FilterOp f) {
            List<Object> in = evaluate(f.input());
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                if ((Boolean) call(f, "pred", f.pred(), i, in.get(i))) {
                    out.add(in.get(i));
                }
            }
            return out;
        } else if (node instanceof FlatMapOp f) {
            return flatMap(f);
        } else if (node instanceof GroupOp g) {
            return group(g);
        } else if (node instanceof JoinOp j) {
            return join(j);
        } else if (node instanceof ZipOp z) {
            List<Object> l = evaluate(z.left());
            List<Object> r = evaluate(z.right());
            int n = Math.min(l.size(), r.size());
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(nonNull(call(z, "fn", z.fn(), i, l.get(i), r.get(i)), z, i));
            }
            return out;
        } else if (node instanceof OrderByOp o) {
            return orderBy(o);
        } else if (node instanceof DistinctOp d) {
            return new ArrayList<>(new LinkedHashSet<>(evaluate(d.input())));
        } else if (node instanceof TakeOp t) {
            List<Object> in = evaluate(t.input());
            return new ArrayList<>(in.subList(0, (int) Math.min(in.size(), t.n())));
        } else if (node instanceof CacheOp c) {
            List<Object> cached = c.slot().computeIfAbsent(cacheKey,
                    k -> Collections.unmodifiableList(evaluate(c.input())));
            return new ArrayList<>(cached);
        }
        throw new AssertionError(node);
    }

    /**
     * Calls a lambda on one element, attaching the element to any exception it throws.
     *
     * @param site  the operator or terminal
     * @param role  the lambda's role
     * @param fn    the lambda
     * @param index the element's index in the operator's input
     * @param args  the arguments
     * @return the result
     */
    Object call(Object site, String role, Object fn, long index, Object... args) {
        try {
            return calls.call(site, role, fn, args);
        } catch (RuntimeException e) {
            throw ElementFailure.attach(e, opName(site) + (role.equals("fn") ? "" : " " + role), index,
                    args[args.length - 1], LambdaNames.describe(fn));
        }
    }

    static String opName(Object site) {
        return site instanceof Node n ? n.opName() : site instanceof io.pappus.api.query.Terminal<?> t ? t.name()
                : String.valueOf(site);
    }

    private static Object nonNull(Object v, Node site, long index) {
        if (v == null) {
            throw new NullPointerException(site.opName() + " returned null for element " + index
                    + "; Pappus data sets hold no nulls");
        }
        return v;
    }

    private static List<Object> source(Source s) {
        List<Object> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            out.add(s.element(i));
        }
        return out;
    }

    private List<Object> flatMap(FlatMapOp f) {
        List<Object> in = evaluate(f.input());
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Object it = call(f, "fn", f.fn(), i, in.get(i));
            if (it == null) {
                throw new NullPointerException("flatMap function returned null for element " + i);
            }
            for (Object o : (Iterable<?>) it) {
                if (o == null) {
                    throw new NullPointerException("flatMap function returned an iterable holding null for element "
                            + i + "; Pappus data sets hold no nulls");
                }
                out.add(o);
            }
        }
        return out;
    }

    private List<Object> group(GroupOp g) {
        List<Object> in = evaluate(g.input());
        Map<Object, Object> acc = new LinkedHashMap<>();
        for (int i = 0; i < in.size(); i++) {
            Object x = in.get(i);
            Object k = nonNull(call(g, "key", g.key(), i, x), g, i);
            GroupOp.Agg agg = g.agg();
            if (agg instanceof GroupOp.Count) {
                acc.merge(k, 1L, (a, b) -> (Long) a + 1L);
            } else if (agg instanceof GroupOp.Reduce r) {
                Object prev = acc.get(k);
                acc.put(k, acc.containsKey(k) ? call(g, "op", r.op(), i, prev, x) : x);
            } else if (agg instanceof GroupOp.Aggregate a) {
                Object prev = acc.containsKey(k) ? acc.get(k) : a.seed();
                acc.put(k, call(g, "accumulate", a.accumulate(), i, prev, x));
            } else {
                throw new AssertionError(agg);
            }
        }
        List<Object> out = new ArrayList<>(acc.size());
        for (Map.Entry<Object, Object> e : acc.entrySet()) {
            out.add(new Pair<>(e.getKey(), e.getValue()));
        }
        return out;
    }

    private List<Object> join(JoinOp j) {
        List<Object> left = evaluate(j.left());
        List<Object> right = evaluate(j.right());
        Map<Object, List<Object>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < right.size(); i++) {
            Object k = nonNull(call(j, "rightKey", j.rightKey(), i, right.get(i)), j, i);
            byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(right.get(i));
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            Object l = left.get(i);
            Object k = nonNull(call(j, "leftKey", j.leftKey(), i, l), j, i);
            for (Object r : byKey.getOrDefault(k, List.of())) {
                out.add(nonNull(call(j, "result", j.result(), i, l, r), j, i));
            }
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Object> orderBy(OrderByOp o) {
        List<Object> in = evaluate(o.input());
        List<Object[]> keyed = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            keyed.add(new Object[] {nonNull(call(o, "key", o.key(), i, in.get(i)), o, i), in.get(i)});
        }
        Comparator<Object[]> byKey = (a, b) -> ((Comparable) a[0]).compareTo(b[0]);
        keyed.sort(o.descending() ? byKey.reversed() : byKey);  // List.sort is stable
        List<Object> out = new ArrayList<>(in.size());
        for (Object[] kv : keyed) {
            out.add(kv[1]);
        }
        return out;
    }
}
