package io.pappus.plan;

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
import io.pappus.api.query.Terminal;
import io.pappus.api.query.ZipOp;
import io.pappus.ir.Type;
import io.pappus.lift.FanOut;
import io.pappus.lift.JavaTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * Types a query tree and lifts its lambdas: the first two steps of planning. Each operator's
 * output type feeds the next operator's lambdas, so a lambda over {@code Pair<K, T>} is lifted
 * with the pair's real component types.
 */
public final class LogicalPlanner {
    /** The type of elements nothing tells us about (after an opaque lambda or an opaque flatMap). */
    public static final Type UNKNOWN = new Type.Obj(Object.class.getName());

    private final Lifting lifting;

    /** @param lifting the lifter */
    public LogicalPlanner(Lifting lifting) {
        this.lifting = lifting;
    }

    /**
     * @param root     the query tree
     * @param terminal the action that ends it
     * @return the typed plan
     */
    public LogicalPlan plan(Node root, Terminal<?> terminal) {
        PlanNode r = node(root);
        Type t = r.output();
        List<LambdaSite> sites = new ArrayList<>();
        if (terminal instanceof Terminal.Reduce<?> x) {
            sites.add(site("op", x.op(), t, t));
        } else if (terminal instanceof Terminal.ReduceOptional<?> x) {
            sites.add(site("op", x.op(), t, t));
        } else if (terminal instanceof Terminal.Aggregate<?> x) {
            Type a = JavaTypes.ofValue(x.seed());
            sites.add(site("accumulate", x.accumulate(), a, t));
            sites.add(site("combine", x.combine(), a, a));
        } else if (terminal instanceof Terminal.Sum x) {
            sites.add(site("f", x.f(), t));
        } else if (terminal instanceof Terminal.Average x) {
            sites.add(site("f", x.f(), t));
        } else if (terminal instanceof Terminal.Extreme<?> x) {
            sites.add(site("key", x.key(), t));
        } else if (!(terminal instanceof Terminal.ToList<?> || terminal instanceof Terminal.Count)) {
            throw new AssertionError(terminal);
        }
        return new LogicalPlan(r, terminal, sites);
    }

    private PlanNode node(Node n) {
        if (n instanceof Source s) {
            Type t = s.size() > 0 ? JavaTypes.ofValue(s.element(0)) : JavaTypes.ofClass(s.elementType());
            return new PlanNode(n, t, List.of(), List.of());
        } else if (n instanceof MapOp m) {
            PlanNode in = node(m.input());
            LambdaSite f = site("fn", m.fn(), in.output());
            return new PlanNode(n, f.resultType(), List.of(f), List.of(in));
        } else if (n instanceof FilterOp f) {
            PlanNode in = node(f.input());
            return new PlanNode(n, in.output(), List.of(site("pred", f.pred(), in.output())), List.of(in));
        } else if (n instanceof FlatMapOp f) {
            PlanNode in = node(f.input());
            List<Type> types = List.of(in.output());
            LambdaSite fn = new LambdaSite("fn", f.fn(), types, lifting.liftFlatMap(f.fn(), types));
            Type fan = fn.resultType();
            Type element = FanOut.is(fan) ? FanOut.element(fan) : null;
            return new PlanNode(n, element != null ? element : UNKNOWN, List.of(fn), List.of(in));
        } else if (n instanceof GroupOp g) {
            return group(g);
        } else if (n instanceof JoinOp j) {
            PlanNode l = node(j.left());
            PlanNode r = node(j.right());
            LambdaSite result = site("result", j.result(), l.output(), r.output());
            return new PlanNode(n, result.resultType(), List.of(site("leftKey", j.leftKey(), l.output()),
                    site("rightKey", j.rightKey(), r.output()), result), List.of(l, r));
        } else if (n instanceof ZipOp z) {
            PlanNode l = node(z.left());
            PlanNode r = node(z.right());
            LambdaSite f = site("fn", z.fn(), l.output(), r.output());
            return new PlanNode(n, f.resultType(), List.of(f), List.of(l, r));
        } else if (n instanceof OrderByOp o) {
            PlanNode in = node(o.input());
            return new PlanNode(n, in.output(), List.of(site("key", o.key(), in.output())), List.of(in));
        } else if (n instanceof DistinctOp || n instanceof TakeOp || n instanceof CacheOp) {
            Node input = n instanceof DistinctOp d ? d.input() : n instanceof TakeOp t ? t.input() : ((CacheOp) n).input();
            PlanNode in = node(input);
            return new PlanNode(n, in.output(), List.of(), List.of(in));
        }
        throw new AssertionError(n);
    }

    private PlanNode group(GroupOp g) {
        PlanNode in = node(g.input());
        Type t = in.output();
        LambdaSite key = site("key", g.key(), t);
        List<LambdaSite> sites = new ArrayList<>(List.of(key));
        Type value;
        if (g.agg() instanceof GroupOp.Reduce r) {
            sites.add(site("op", r.op(), t, t));
            value = t;
        } else if (g.agg() instanceof GroupOp.Count) {
            value = Type.LONG;
        } else if (g.agg() instanceof GroupOp.Aggregate a) {
            value = JavaTypes.ofValue(a.seed());
            sites.add(site("accumulate", a.accumulate(), value, t));
            sites.add(site("combine", a.combine(), value, value));
        } else {
            throw new AssertionError(g.agg());
        }
        Type pair = new Type.Struct(Pair.class.getName(),
                List.of(new Type.Field("first", key.resultType()), new Type.Field("second", value)));
        return new PlanNode(g, pair, sites, List.of(in));
    }

    private LambdaSite site(String role, Object fn, Type... argTypes) {
        List<Type> types = List.of(argTypes);
        return new LambdaSite(role, fn, types, lifting.lift(fn, types));
    }
}
