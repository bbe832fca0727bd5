package io.pappus.exec;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EngineSmokeTest {
    record Point(double x, double y) {
    }

    @Test
    void referenceRunsTheIssueExample() {
        double[] prices = {5, 10, 20};
        double total = DataSet.from(prices).on(Engines.local(Target.REFERENCE))
                .map(p -> p * 1.2).filter(p -> p > 10).reduce(0.0, Double::sum);
        assertEquals(12.0 + 24.0, total, 1e-12);
    }

    @Test
    void autoAgreesOnGroupsAndOrder() {
        for (Target t : new Target[] {Target.REFERENCE, Target.AUTO}) {
            var e = Engines.local(t);
            List<Pair<Integer, Long>> groups = DataSet.range(0, 10).on(e).groupBy(i -> i % 3).count().toList();
            assertEquals(List.of(new Pair<>(0, 4L), new Pair<>(1, 3L), new Pair<>(2, 3L)), groups);
            List<Point> sorted = DataSet.from(new Point(2, 1), new Point(1, 5), new Point(2, 0)).on(e)
                    .orderBy(Point::x).toList();
            assertEquals(List.of(new Point(1, 5), new Point(2, 1), new Point(2, 0)), sorted);
            assertEquals(Optional.empty(), DataSet.from(new int[0]).on(e).reduce(Integer::sum));
        }
    }

    @Test
    void lambdaExceptionKeepsItsTypeAndNamesTheElement() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> DataSet.from(new int[] {1, 0, 2})
                .on(Engines.local(Target.REFERENCE)).map(i -> 10 / i).toList());
        assertEquals(1, ((ElementFailure) e.getSuppressed()[0]).index());
    }
}
