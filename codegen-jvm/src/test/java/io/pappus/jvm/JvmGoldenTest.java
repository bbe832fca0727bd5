package io.pappus.jvm;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.Terminal;
import io.pappus.jvm.codegen.FragmentGenerator;
import io.pappus.jvm.codegen.GroupGenerator;
import io.pappus.jvm.codegen.JoinGenerator;
import io.pappus.jvm.codegen.Unsupported;
import io.pappus.lift.LambdaLifter;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.LogicalPlanner;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.FragmentPlanner;
import io.pappus.testing.Golden;
import io.pappus.testing.Order;
import io.pappus.testing.Point;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files of the Java generated for typical queries with REAL lifted lambdas (no hand-built
 * IR), under {@code src/test/resources/golden/jvm/}; every lambda must be inlined, none called
 * through the original object.
 */
class JvmGoldenTest {
    private static final List<Point> POINTS = List.of(new Point(1.0, 2.0), new Point(-3.0, 0.5), new Point(4.0, -1.0));

    /** @return every fragment's generated source, root first */
    static String sources(DataSet<?> q, Terminal<?> t) {
        LogicalPlan lp = new LogicalPlanner(LambdaLifter.shared()::lift).plan(q.node(), t);
        StringBuilder b = new StringBuilder();
        append(new FragmentPlanner().cut(lp), b);
        return b.toString();
    }

    private static void append(Fragment f, StringBuilder b) {
        if (f.input().op() instanceof GroupOp) {
            Fragment feed = f.feeds().get(0);
            b.append(GroupGenerator.generate(f.input(), f.id(), feed.stages(), feed.inputType()).source());
        } else if (f.input().op() instanceof JoinOp) {
            b.append(JoinGenerator.generate(f.input(), f.id()).source());
        }
        try {
            b.append(FragmentGenerator.generate(f, f.describe()).source());
        } catch (Unsupported e) {
            b.append("// fragment ").append(f.id()).append(" not compiled: ").append(e.getMessage()).append('\n');
        }
        for (Fragment feed : f.feeds()) {
            append(feed, b);
        }
    }

    private static void check(String name, String source) {
        assertFalse(source.contains("calls the original lambda"), source);
        assertFalse(source.contains("not compiled"), source);
        Golden.assertMatches("jvm/" + name + ".java.txt", source);
    }

    @Test
    void w1MapFilterReduceIsPredicatedAndFullyInlined() {
        double[] xs = new Random(3).doubles(1000).toArray();
        DataSet<Double> q = DataSet.from(xs).map(x -> x * x).filter(x -> x > 0.25);
        String src = sources(q, new Terminal.Reduce<>(0.0, Double::sum));
        assertTrue(src.contains("predicated branch-free loop"), src);
        // the suites run with the vector API and again without it: a golden file for each loop
        check(io.pappus.jvm.codegen.VectorSupport.enabled() ? "w1_map_filter_reduce_vector" : "w1_map_filter_reduce", src);
        Engine jvm = Engines.local(Target.JVM);
        assertTrue(jvm.explain(q.node(), new Terminal.Reduce<>(0.0, Double::sum))
                .contains("compiled natively: predicated loop"));
        assertEquals(W1Test.sequential(xs), q.on(jvm).reduce(0.0, Double::sum), 1e-9);
    }

    @Test
    void recordMap() {
        List<Order> os = List.of(new Order(1, "a", 2.5), new Order(2, "b", -1.0));
        DataSet<Point> q = DataSet.from(os).filter(o -> o.amount() > 0 && o.id() != 7)
                .map(o -> new Point(o.amount() * 2.0, o.id()));
        check("record_map", sources(q, new Terminal.ToList<>()));
        assertEquals(List.of(new Point(5.0, 1.0)), q.on(Engines.local(Target.JVM)).toList());
    }

    @Test
    void groupByAggregate() {
        DataSet<Pair<Boolean, Double>> q = DataSet.from(POINTS).groupBy(p -> p.x() > 0)
                .aggregate(0.0, (s, p) -> s + p.y(), Double::sum);
        check("group_by_aggregate", sources(q, new Terminal.ToList<>()));
        List<Pair<Boolean, Double>> ref = q.on(Engines.local(Target.REFERENCE)).toList();
        assertEquals(ref, q.on(Engines.local(Target.JVM)).toList());
    }

    /** A group key of two columns, one a String. */
    record CityKey(String city, int parity) {
    }

    @Test
    void groupByRecordKeyAggregate() {
        List<Order> os = List.of(new Order(1, "a", 2.5), new Order(2, "b", -1.0), new Order(3, "a", 4.0));
        DataSet<Pair<CityKey, Point>> q = DataSet.from(os).groupBy(o -> new CityKey(o.city(), o.id() % 2))
                .aggregate(new Point(0, 0), (s, o) -> new Point(s.x() + o.amount(), s.y() + 1),
                        (a, b) -> new Point(a.x() + b.x(), a.y() + b.y()));
        check("group_by_record_key", sources(q, new Terminal.ToList<>()));
        assertEquals(q.on(Engines.local(Target.REFERENCE)).toList(), q.on(Engines.local(Target.JVM)).toList());
    }

    @Test
    void join() {
        DataSet<Order> orders = DataSet.from(List.of(new Order(1, "a", 2.5), new Order(2, "b", 4.0)));
        DataSet<Point> q = DataSet.from(POINTS).join(orders, p -> (int) p.x(), o -> o.id(),
                (p, o) -> new Point(p.y(), o.amount()));
        check("join", sources(q, new Terminal.ToList<>()));
        assertEquals(q.on(Engines.local(Target.REFERENCE)).toList(), q.on(Engines.local(Target.JVM)).toList());
    }

    @Test
    void kmeansAssignOverCapturedCentroids() {
        double[][] centroids = {{0.0, 0.0}, {3.0, 0.0}, {-3.0, 1.0}};
        DataSet<Integer> q = DataSet.from(POINTS).map(p -> nearest(p, centroids));
        check("kmeans_assign", sources(q, new Terminal.ToList<>()));
        assertEquals(List.of(0, 2, 1), q.on(Engines.local(Target.JVM)).toList());
    }

    static int nearest(Point p, double[][] centroids) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int k = 0; k < centroids.length; k++) {
            double dx = p.x() - centroids[k][0];
            double dy = p.y() - centroids[k][1];
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }
}
