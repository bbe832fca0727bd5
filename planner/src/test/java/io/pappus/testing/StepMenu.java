package io.pappus.testing;

import io.pappus.api.DataSet;
import io.pappus.testing.RandomPipelines.Choice;
import io.pappus.testing.RandomPipelines.Kind;
import io.pappus.testing.RandomPipelines.Order;
import io.pappus.testing.RandomPipelines.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.pappus.testing.RandomPipelines.literal;

/**
 * The operators random pipelines choose from, per element kind. Every lambda is written here
 * in source and captures only primitive locals (the parameters {@code c} and {@code k}), as
 * the lifter expects of user code.
 */
final class StepMenu {
    private StepMenu() {
    }

    static List<Step> steps(Kind kind, boolean ordered, boolean joined, Choice ch) {
        List<Step> m = new ArrayList<>();
        switch (kind) {
            case D -> doubles(m, ordered, ch.c(), ch.k());
            case I -> ints(m, ordered, joined, ch.c(), ch.k());
            case P -> points(m, ordered, ch.c());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static DataSet<Double> d(DataSet<?> ds) {
        return (DataSet<Double>) ds;
    }

    @SuppressWarnings("unchecked")
    static DataSet<Integer> i(DataSet<?> ds) {
        return (DataSet<Integer>) ds;
    }

    @SuppressWarnings("unchecked")
    static DataSet<Point> p(DataSet<?> ds) {
        return (DataSet<Point>) ds;
    }

    private static Step map(String text, Kind out, Function<DataSet<?>, DataSet<?>> f) {
        return new Step(text, out, Order.KEEPS, false, f);
    }

    private static void doubles(List<Step> m, boolean ordered, double c, int k) {
        String cs = literal(c);
        m.add(map("map(x -> x * " + cs + ")", Kind.D, ds -> d(ds).map(x -> x * c)));
        m.add(map("map(x -> x + " + cs + ")", Kind.D, ds -> d(ds).map(x -> x + c)));
        m.add(map("map(x -> x / " + cs + ")", Kind.D, ds -> d(ds).map(x -> x / c)));
        m.add(map("map(x -> Math.sqrt(Math.abs(x)))", Kind.D, ds -> d(ds).map(x -> Math.sqrt(Math.abs(x)))));
        m.add(map("map(x -> x > " + cs + " ? x : -x)", Kind.D, ds -> d(ds).map(x -> x > c ? x : -x)));
        m.add(map("map(x -> Math.floor(x * 0.5))", Kind.D, ds -> d(ds).map(x -> Math.floor(x * 0.5))));
        m.add(map("map(x -> Math.max(x, " + cs + "))", Kind.D, ds -> d(ds).map(x -> Math.max(x, c))));
        m.add(map("map(x -> (int) x)", Kind.I, ds -> d(ds).map(x -> (int) (double) x)));
        m.add(map("map(x -> (int) (x * 1e4) % " + k + " [k=0 -> 7])", Kind.I, ds -> {
            int kk = k == 0 ? 7 : k;
            return d(ds).map(x -> (int) (x * 1e4) % kk);
        }));
        m.add(map("map(x -> new Point(x, x * " + cs + "))", Kind.P, ds -> d(ds).map(x -> new Point(x, x * c))));
        m.add(map("flatMap(x -> x > " + cs + " ? List.of(x, -x) : List.of())", Kind.D,
                ds -> d(ds).flatMap(x -> x > c ? List.of(x, -x) : List.<Double>of())));
        m.add(map("flatMap(x -> Arrays.asList(x, x * " + cs + ")) [opaque]", Kind.D,
                ds -> d(ds).flatMap(x -> java.util.Arrays.asList(x, x * c))));
        m.add(map("filter(x -> x > " + cs + ")", Kind.D, ds -> d(ds).filter(x -> x > c)));
        m.add(map("filter(x -> !(x < " + cs + "))", Kind.D, ds -> d(ds).filter(x -> !(x < c))));
        m.add(map("filter(x -> x == x)", Kind.D, ds -> d(ds).filter(x -> x.doubleValue() == x.doubleValue())));
        m.add(map("filter(x -> x > " + cs + " | x < -1.5)", Kind.D, ds -> d(ds).filter(x -> x > c | x < -1.5)));
        m.add(map("filter(x -> (x >= " + cs + ") == (x <= 2.5) ^ x == 0)", Kind.D,
                ds -> d(ds).filter(x -> (x >= c) == (x <= 2.5) ^ x == 0)));
        m.add(new Step("orderBy(x -> x)", Kind.D, Order.RESTORES, false, ds -> d(ds).orderBy(x -> x)));
        m.add(new Step("orderByDescending(x -> x)", Kind.D, Order.RESTORES, false, ds -> d(ds).orderByDescending(x -> x)));
        m.add(new Step("distinct()", Kind.D, Order.LOSES, false, ds -> d(ds).distinct()));
        m.add(new Step("groupBy(x -> Math.floor(x / 4)).reduce(Math::max).map(g -> g.first() * 1000 + g.second())",
                Kind.D, Order.LOSES, false,
                ds -> d(ds).groupBy(x -> Math.floor(x / 4)).reduce(Math::max).map(g -> g.first() * 1000 + g.second())));
        m.add(new Step("groupBy(x -> x > " + cs + ").count().map(g -> g.first() ? (int) (long) g.second() : -(int) (long) g.second())",
                Kind.I, Order.LOSES, false,
                ds -> d(ds).groupBy(x -> x > c).count().map(g -> g.first() ? (int) (long) g.second() : -(int) (long) g.second())));
        if (ordered) {
            int n = Math.abs(k % 100);
            m.add(map("take(" + n + ")", Kind.D, ds -> d(ds).take(n)));
            m.add(map("zip(self, (a, b) -> a + b * " + cs + ")", Kind.D, ds -> d(ds).zip(d(ds), (a, b) -> a + b * c)));
            m.add(map("zip(self.filter(x -> x > " + cs + "), (a, b) -> a - b)", Kind.D,
                    ds -> d(ds).zip(d(ds).filter(x -> x > c), (a, b) -> a - b)));
        }
    }

    private static void ints(List<Step> m, boolean ordered, boolean joined, double c, int k) {
        int nz = k == 0 ? 7 : k;
        String cs = literal(c);
        m.add(map("map(x -> x * " + k + ")", Kind.I, ds -> i(ds).map(x -> x * k)));
        m.add(map("map(x -> x + " + k + ")", Kind.I, ds -> i(ds).map(x -> x + k)));
        m.add(map("map(x -> x / " + nz + ")", Kind.I, ds -> i(ds).map(x -> x / nz)));
        m.add(map("flatMap(x -> x % 3 == 0 ? List.of() : List.of(x, x + " + k + ", x * 2))", Kind.I,
                ds -> i(ds).flatMap(x -> x % 3 == 0 ? List.<Integer>of() : List.of(x, x + k, x * 2))));
        m.add(map("map(x -> x % " + nz + ")", Kind.I, ds -> i(ds).map(x -> x % nz)));
        m.add(map("map(x -> (x << " + k + ") ^ (x >> " + k + ") ^ (x >>> 3))", Kind.I,
                ds -> i(ds).map(x -> (x << k) ^ (x >> k) ^ (x >>> 3))));
        m.add(map("map(x -> x > " + k + " ? x - " + k + " : " + k + " - x)", Kind.I, ds -> i(ds).map(x -> x > k ? x - k : k - x)));
        m.add(map("map(x -> Math.abs(x))", Kind.I, ds -> i(ds).map(x -> Math.abs(x))));
        m.add(map("map(x -> -x)", Kind.I, ds -> i(ds).map(x -> -x)));
        m.add(map("map(x -> x * 0.5 + " + cs + ")", Kind.D, ds -> i(ds).map(x -> x * 0.5 + c)));
        m.add(map("map(x -> new Point(x, " + cs + "))", Kind.P, ds -> i(ds).map(x -> new Point(x, c))));
        m.add(map("filter(x -> x % 3 == 0)", Kind.I, ds -> i(ds).filter(x -> x % 3 == 0)));
        m.add(map("filter(x -> x > " + k + ")", Kind.I, ds -> i(ds).filter(x -> x > k)));
        m.add(new Step("orderBy(x -> x)", Kind.I, Order.RESTORES, false, ds -> i(ds).orderBy(x -> x)));
        m.add(new Step("orderByDescending(x -> x)", Kind.I, Order.RESTORES, false, ds -> i(ds).orderByDescending(x -> x)));
        m.add(new Step("distinct()", Kind.I, Order.LOSES, false, ds -> i(ds).distinct()));
        m.add(new Step("groupBy(x -> x & 7).reduce(Integer::sum).map(g -> g.first() * 1000003 + g.second())", Kind.I,
                Order.LOSES, false, ds -> i(ds).groupBy(x -> x & 7).reduce(Integer::sum).map(g -> g.first() * 1000003 + g.second())));
        m.add(new Step("groupBy(x -> x % 5).count().map(g -> (int) (g.first() * 100 + g.second()))", Kind.I, Order.LOSES, false,
                ds -> i(ds).groupBy(x -> x % 5).count().map(g -> (int) (g.first() * 100 + g.second()))));
        m.add(new Step("groupBy(x -> x % " + nz + ").aggregate(0L, (s, x) -> s + x, Long::sum).map(g -> (double) g.second())",
                Kind.D, Order.LOSES, false,
                ds -> i(ds).groupBy(x -> x % nz).aggregate(0L, (s, x) -> s + x, Long::sum).map(g -> (double) g.second())));
        if (!joined) {
            m.add(new Step("join(self, x -> x & 15, y -> y & 15, (x, y) -> x ^ (y * 7))", Kind.I, Order.LOSES, true,
                    ds -> i(ds).join(i(ds), x -> x & 15, y -> y & 15, (x, y) -> x ^ (y * 7))));
        }
        if (ordered) {
            int n = Math.abs(k % 100);
            m.add(map("take(" + n + ")", Kind.I, ds -> i(ds).take(n)));
            m.add(map("zip(self, (a, b) -> a * 31 + b)", Kind.I, ds -> i(ds).zip(i(ds), (a, b) -> a * 31 + b)));
            m.add(map("zip(self.filter(x -> x > " + k + "), (a, b) -> a - b)", Kind.I,
                    ds -> i(ds).zip(i(ds).filter(x -> x > k), (a, b) -> a - b)));
        }
    }

    private static void points(List<Step> m, boolean ordered, double c) {
        String cs = literal(c);
        m.add(map("map(p -> new Point(p.y(), p.x() + 1))", Kind.P, ds -> p(ds).map(q -> new Point(q.y(), q.x() + 1))));
        m.add(map("flatMap(p -> List.of(p, new Point(p.y(), p.x())))", Kind.P,
                ds -> p(ds).flatMap(q -> List.of(q, new Point(q.y(), q.x())))));
        m.add(map("map(p -> new Point(p.x() * " + cs + ", p.y() - " + cs + "))", Kind.P,
                ds -> p(ds).map(q -> new Point(q.x() * c, q.y() - c))));
        m.add(map("map(p -> new Point(Math.min(p.x(), p.y()), Math.max(p.x(), p.y())))", Kind.P,
                ds -> p(ds).map(q -> new Point(Math.min(q.x(), q.y()), Math.max(q.x(), q.y())))));
        m.add(map("map(p -> p.x() + p.y())", Kind.D, ds -> p(ds).map(q -> q.x() + q.y())));
        m.add(map("map(p -> p.x() > p.y() ? p.x() : p.y())", Kind.D, ds -> p(ds).map(q -> q.x() > q.y() ? q.x() : q.y())));
        m.add(map("map(p -> (int) p.x())", Kind.I, ds -> p(ds).map(q -> (int) q.x())));
        m.add(map("filter(p -> p.x() > " + cs + ")", Kind.P, ds -> p(ds).filter(q -> q.x() > c)));
        m.add(map("filter(p -> p.x() < p.y())", Kind.P, ds -> p(ds).filter(q -> q.x() < q.y())));
        // Sorting by one component leaves ties, so it restores no order that group/distinct lost.
        m.add(map("orderBy(p -> p.x())", Kind.P, ds -> p(ds).orderBy(q -> q.x())));
        m.add(map("orderByDescending(p -> p.y())", Kind.P, ds -> p(ds).orderByDescending(q -> q.y())));
        m.add(new Step("distinct()", Kind.P, Order.LOSES, false, ds -> p(ds).distinct()));
        m.add(new Step("groupBy(p -> p.x() > " + cs + ").aggregate(0L, (n, p) -> n + 1, Long::sum)"
                + ".map(g -> new Point(g.second(), g.first() ? 1.0 : 0.0))", Kind.P, Order.LOSES, false,
                ds -> p(ds).groupBy(q -> q.x() > c).aggregate(0L, (n, q) -> n + 1, Long::sum)
                        .map(g -> new Point(g.second(), g.first() ? 1.0 : 0.0))));
        // A record key and a record accumulator; max and a count of small integers are exact in any fold order.
        m.add(new Step("groupBy(p -> new Point(Math.floor(p.x()), Math.floor(p.y() * 0.25)))"
                + ".aggregate(new Point(-Infinity, 0), (s, p) -> new Point(Math.max(s.x(), p.y()), s.y() + 1), ...)"
                + ".map(g -> new Point(g.first().x() + g.second().x(), g.first().y() * 1000 + g.second().y()))",
                Kind.P, Order.LOSES, false,
                ds -> p(ds).groupBy(q -> new Point(Math.floor(q.x()), Math.floor(q.y() * 0.25)))
                        .aggregate(new Point(Double.NEGATIVE_INFINITY, 0),
                                (s, q) -> new Point(Math.max(s.x(), q.y()), s.y() + 1),
                                (a, b) -> new Point(Math.max(a.x(), b.x()), a.y() + b.y()))
                        .map(g -> new Point(g.first().x() + g.second().x(), g.first().y() * 1000 + g.second().y()))));
        if (ordered) {
            m.add(map("take(7)", Kind.P, ds -> p(ds).take(7)));
            m.add(map("zip(self, (a, b) -> new Point(a.x(), b.y() + 1))", Kind.P,
                    ds -> p(ds).zip(p(ds), (a, b) -> new Point(a.x(), b.y() + 1))));
        }
    }
}
