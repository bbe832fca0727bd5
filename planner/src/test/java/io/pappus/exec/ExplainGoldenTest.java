package io.pappus.exec;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.Golden;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code explain()} as a user reads it: the operator tree, each lambda's IR, and why an opaque
 * lambda stays on the JVM with its class and line. Golden files under golden/explain/.
 * (Line numbers in the golden files point into this file: update them with
 * {@code -Dpappus.golden.update=true} after editing it, and review the diff.)
 */
class ExplainGoldenTest {
    record Point(double x, double y) {
    }

    record Sale(int store, double amount) {
    }

    private final Engine auto = Engines.local(Target.AUTO);

    @Test
    void mapFilterOverDoubles() {
        double[] prices = {1, 2, 3};
        String text = DataSet.from(prices).on(auto).map(p -> p * 1.2).filter(p -> p > 10.0).explain();
        Golden.assertMatches("explain/map_filter.txt", text);
    }

    @Test
    void recordsGroupedAndSorted() {
        double limit = 5.0;
        String text = DataSet.from(new Point(1, 2), new Point(3, 4)).on(auto)
                .filter(p -> p.x() < limit)
                .groupBy(p -> (int) Math.floor(p.y())).count()
                .orderBy(pair -> pair.first())
                .explain();
        Golden.assertMatches("explain/group_sort_records.txt", text);
    }

    @Test
    void opaqueLambdaSaysWhyWithClassAndLine() {
        String text = DataSet.from(List.of("a", "bb")).on(auto).map(s -> s.length()).filter(n -> n > 1).explain();
        Golden.assertMatches("explain/opaque_string.txt", text);
        assertTrue(text.contains("opaque, runs on the JVM: calls java.lang.String.length"), text);
        assertTrue(text.contains("ExplainGoldenTest.java:"), text);
    }

    @Test
    void joinShowsBothInputs() {
        String text = DataSet.from(new Sale(1, 10.0), new Sale(2, 5.0)).on(auto)
                .join(DataSet.range(0, 3), Sale::store, i -> i, (s, i) -> s.amount() * i)
                .explain();
        Golden.assertMatches("explain/join.txt", text);
    }

    @Test
    void referenceEngineSaysItLiftsNothing() {
        String text = DataSet.range(0, 10).on(Engines.local(Target.REFERENCE)).map(i -> i * 2).take(3).explain();
        Golden.assertMatches("explain/reference.txt", text);
    }
}
