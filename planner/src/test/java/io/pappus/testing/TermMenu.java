package io.pappus.testing;

import io.pappus.testing.RandomPipelines.Choice;
import io.pappus.testing.RandomPipelines.Kind;
import io.pappus.testing.RandomPipelines.Term;

import java.util.ArrayList;
import java.util.List;

import static io.pappus.testing.RandomPipelines.literal;
import static io.pappus.testing.StepMenu.d;
import static io.pappus.testing.StepMenu.i;
import static io.pappus.testing.StepMenu.p;

/**
 * The terminals random pipelines end with, per element kind. Reductions use operations that
 * are exactly associative and commutative (int sums wrap, max, min), so any grouping of the
 * applications gives Java's answer; double sums carry their absolute-value sum for the
 * reordering bound; "first on ties" terminals only where the order is defined.
 */
final class TermMenu {
    private TermMenu() {
    }

    static List<Term> terms(Kind kind, boolean ordered, Choice ch) {
        double c = ch.c();
        String cs = literal(c);
        List<Term> m = new ArrayList<>();
        m.add(new Term("toList()", true, ds -> ds.toList(), null));
        m.add(new Term("count()", false, ds -> ds.count(), null));
        switch (kind) {
            case D -> {
                m.add(new Term("sum(x -> x)", false, ds -> d(ds).sum(x -> x), ds -> d(ds).sum(x -> Math.abs(x))));
                m.add(new Term("reduce(Math::max)", false, ds -> d(ds).reduce(Math::max), null));
                m.add(new Term("reduce(Double.POSITIVE_INFINITY, (a, b) -> Math.min(a, b))", false,
                        ds -> d(ds).reduce(Double.POSITIVE_INFINITY, (a, b) -> Math.min(a, b)), null));
                m.add(new Term("minBy(x -> x)", false, ds -> d(ds).minBy(x -> x), null));
                m.add(new Term("maxBy(x -> x)", false, ds -> d(ds).maxBy(x -> x), null));
                m.add(new Term("aggregate(0, (n, x) -> x > " + cs + " ? n + 1 : n, Integer::sum)", false,
                        ds -> d(ds).aggregate(0, (n, x) -> x > c ? n + 1 : n, Integer::sum), null));
            }
            case I -> {
                m.add(new Term("reduce(0, Integer::sum)", false, ds -> i(ds).reduce(0, Integer::sum), null));
                m.add(new Term("reduce(Integer::min)", false, ds -> i(ds).reduce(Integer::min), null));
                // |x| < 2^31 and at most 120^2 elements: the double sum is exact in any order.
                m.add(new Term("sum(x -> x)", false, ds -> i(ds).sum(x -> x), null));
                m.add(new Term("aggregate(0L, (a, x) -> a + x, Long::sum)", false,
                        ds -> i(ds).aggregate(0L, (a, x) -> a + x, Long::sum), null));
                m.add(new Term("minBy(x -> x)", false, ds -> i(ds).minBy(x -> x), null));
                if (ordered) {
                    m.add(new Term("maxBy(x -> x % 10)", false, ds -> i(ds).maxBy(x -> x % 10), null));
                }
            }
            case P -> {
                m.add(new Term("reduce((a, b) -> new Point(Math.max(a.x(), b.x()), Math.min(a.y(), b.y())))", false,
                        ds -> p(ds).reduce((a, b) -> new Point(Math.max(a.x(), b.x()), Math.min(a.y(), b.y()))), null));
                m.add(new Term("aggregate(0L, (n, p) -> p.x() > p.y() ? n + 1 : n, Long::sum)", false,
                        ds -> p(ds).aggregate(0L, (n, q) -> q.x() > q.y() ? n + 1 : n, Long::sum), null));
                m.add(new Term("sum(p -> p.y())", false, ds -> p(ds).sum(q -> q.y()), ds -> p(ds).sum(q -> Math.abs(q.y()))));
                if (ordered) {
                    m.add(new Term("minBy(p -> p.x())", false, ds -> p(ds).minBy(q -> q.x()), null));
                    m.add(new Term("maxBy(p -> p.y())", false, ds -> p(ds).maxBy(q -> q.y()), null));
                }
            }
        }
        return m;
    }
}
